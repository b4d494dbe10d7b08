import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "vitest";
import { root } from "./cli.ts";

// Dark mode changes the built-in theme's colours and nothing else, so of axe-core's rules only those about colour can
// find in dark mode what they did not in light mode: a page checked in full in light mode is checked in dark mode for
// colour alone. `darkMode` lets a test check that premise, so that it fails when dark mode changes more.

/** axe-core's colour rules (tag `cat.color`) that run by default: the AAA `color-contrast-enhanced` does not. */
export const colourRules = ["color-contrast", "link-in-text-block"];

const darkBlock = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{((?:[^{}]*\{[^{}]*\})*[^{}]*)\}/g;

/**
 * What the built-in theme does in dark mode: every declaration of its stylesheet's `prefers-color-scheme: dark`
 * blocks, as `name: value`, and the template files that mention the colour scheme anywhere else.
 */
async function darkMode(): Promise<{ declarations: string[]; elsewhere: string[] }> {
  const templates = path.join(root, "templates");
  const declarations: string[] = [];
  const elsewhere: string[] = [];
  for (const file of (await readdir(templates, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())) {
    const name = path.relative(templates, path.join(file.parentPath, file.name));
    let text = await readFile(path.join(templates, name), "utf8");
    if (name === path.join("assets", "dateline.css")) {
      for (const block of text.matchAll(darkBlock)) {
        for (const [, body = ""] of (block[1] ?? "").matchAll(/\{([^{}]*)\}/g)) {
          declarations.push(...body.split(";").map((declaration) => declaration.trim().replace(/\s*:\s*/, ": ")).filter((declaration) => declaration !== ""));
        }
      }
      text = text.replaceAll(darkBlock, "");
    }
    if (/prefers-color-scheme/.test(text)) elsewhere.push(name);
  }
  return { declarations, elsewhere };
}

/** Fails unless dark mode changes only colours: custom properties set to colours, the colour scheme read nowhere else. */
export async function expectDarkModeOnlyRecolours(): Promise<void> {
  const { declarations, elsewhere } = await darkMode();
  expect(declarations.length).toBeGreaterThan(0);
  expect(declarations.filter((declaration) => !/^--[\w-]+: #[0-9a-f]{3,8}$/i.test(declaration)), "dark mode changes more than colours: check dark pages with every axe rule").toEqual([]);
  expect(elsewhere, "the colour scheme is read outside the stylesheet's dark blocks: check dark pages with every axe rule").toEqual([]);
}

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { colourRules } from "./dark-mode.ts";

/** axe-core's violations on the page loaded in `page`, as `rule-id: help`: of every rule, or of `rules` alone. */
export async function axeViolations(page: Page, rules?: readonly string[]): Promise<string[]> {
  // Legacy mode runs axe.run in the page itself. The default runs axe in each frame and finishes in a blank page it
  // opens, injecting axe twice, so as to reach cross-origin frames, which no page of a site has: it took twice as long.
  // Only the violations are read: axe then lists one node per rule that passed or did not apply, not every node it
  // looked at, which halved the time of a full check of a page (most of it was sending the results out of the page).
  const axe = new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ["violations"] });
  if (rules !== undefined) axe.withRules([...rules]);
  return (await axe.analyze()).violations.map((violation) => `${violation.id}: ${violation.help}`);
}

export const colourSchemes = ["light", "dark"] as const;
export type ColourScheme = (typeof colourSchemes)[number];

/**
 * axe-core's violations on the page loaded in `page`, in light mode and then in dark mode, emulated on the loaded page
 * as a context's colour scheme is (the stylesheet has no transition to wait for): every rule in light mode; in dark
 * mode, which changes only colours, the colour rules (tests/helpers/dark-mode.ts).
 */
export async function violationsInColourSchemes(page: Page): Promise<Record<ColourScheme, string[]>> {
  const violations: Record<ColourScheme, string[]> = { light: [], dark: [] };
  for (const colorScheme of colourSchemes) {
    await page.emulateMedia({ colorScheme });
    if (!(await page.evaluate((scheme) => matchMedia(`(prefers-color-scheme: ${scheme})`).matches, colorScheme))) throw new Error(`${page.url()} is not in ${colorScheme} mode`);
    violations[colorScheme] = await axeViolations(page, colorScheme === "light" ? undefined : colourRules);
  }
  return violations;
}

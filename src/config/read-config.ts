import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ConfigError, error, type Problem } from "../errors.ts";
import { stringKeys, unknownStringKeys } from "../render/translator.ts";
import { keySpecs, maxPageSize, type ConfigValues, type NavLink } from "./config-keys.ts";
import { closestName } from "./closest-name.ts";
import { readPlacedYaml, type Placed } from "./yaml-with-positions.ts";

/** The config file's name at a project's root. */
export const configFileName = "dateline.config.yaml";

/** A config file read and checked. */
export interface Config {
  /** The file as the user would type it (relative to the current folder). */
  readonly file: string;
  /** The folder paths in it are relative to, and whose templates/ and assets/ make the theme. */
  readonly dir: string;
  readonly values: ConfigValues;
}

/**
 * Reads and checks a config file: every problem (YAML, unknown keys, values of the wrong type) placed at its line
 * and column, all of them thrown at once as a ConfigError. Asset keys name files of the project's assets/ folder.
 */
export async function readConfig(file: string): Promise<Config> {
  const text = await readFile(file, "utf8");
  const dir = path.dirname(path.resolve(file));
  const shown = path.relative(process.cwd(), path.resolve(file)) || file;
  const document = readPlacedYaml(text, shown, "config-invalid-yaml");
  const problems: Problem[] = [];
  const values: Record<string, unknown> = {};
  const wrong = (at: Placed, message: string, hint?: string): void => {
    problems.push({ ...error("config-invalid-value", shown, at.line, at.column, message), ...(hint !== undefined ? { hint } : {}) });
  };
  if (document !== undefined && document.value !== null && document.entries === undefined) {
    wrong(document, "the config file must be a mapping of `key: value` lines");
  }
  for (const { key, value } of document?.entries ?? []) {
    const name = String(key.value);
    const spec = keySpecs.get(name);
    if (spec === undefined) {
      const closest = closestName(name, [...keySpecs.keys()]);
      problems.push({
        ...error("config-unknown-key", shown, key.line, key.column, `unknown key ${JSON.stringify(name)}`),
        ...(closest !== undefined ? { hint: `did you mean ${JSON.stringify(closest)}?` } : {}),
      });
      continue;
    }
    const checked = checkValue(name, spec.kind, value, spec.check, dir, wrong);
    if (checked !== undefined) values[name] = checked;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { file: shown, dir, values: values as ConfigValues };
}

/** The value of one key, or undefined after reporting why it is wrong. */
function checkValue(name: string, kind: string, at: Placed, check: ((value: string) => string | undefined) | undefined, dir: string, wrong: (at: Placed, message: string, hint?: string) => void): unknown {
  const { value } = at;
  const text = (item: Placed, what: string): string | undefined => {
    if (typeof item.value === "string") return item.value;
    wrong(item, `${what} must be text, not ${describe(item.value)}`, quoteIt(item.value, `${what.split(" ").at(-1) ?? name}: `));
    return undefined;
  };
  const asset = (item: Placed, what: string): string | undefined => {
    const file = text(item, what);
    if (file === undefined) return undefined;
    const resolved = path.resolve(dir, "assets", file);
    if (path.relative(path.join(dir, "assets"), resolved).startsWith("..") || !existsSync(resolved) || !statSync(resolved).isFile()) {
      wrong(item, `${what} ${JSON.stringify(file)} is not a file in ${path.relative(process.cwd(), path.join(dir, "assets")) || "."}/`, "Put the file in the project's assets/ folder and name it relative to that folder.");
      return undefined;
    }
    return file.split(path.sep).join("/");
  };
  switch (kind) {
    case "boolean":
      if (typeof value === "boolean") return value;
      wrong(at, `${name} must be true or false, not ${describe(value)}`, "Write true or false (yes, no, on and off are text in YAML 1.2).");
      return undefined;
    case "count":
      if (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= maxPageSize) return value;
      wrong(at, `${name} must be a whole number from 1 to ${maxPageSize}, not ${describe(value)}`);
      return undefined;
    case "text": {
      const found = text(at, name);
      const problem = found === undefined ? undefined : check?.(found);
      if (problem !== undefined) wrong(at, `${name} ${JSON.stringify(found)} ${problem}`);
      return problem === undefined ? found : undefined;
    }
    case "file": {
      const file = text(at, name);
      if (file === undefined) return undefined;
      const resolved = path.resolve(dir, file);
      if (existsSync(resolved) && statSync(resolved).isFile()) return file;
      wrong(at, `${name} ${JSON.stringify(file)} is not a file`, "Name the file relative to the config file.");
      return undefined;
    }
    case "asset":
      return asset(at, name);
    case "assets": {
      const items = at.items;
      if (items === undefined) {
        wrong(at, `${name} must be a list of files in assets/, not ${describe(value)}`);
        return undefined;
      }
      const files = items.map((item) => asset(item, `${name} entry`));
      return files.every((file) => file !== undefined) ? files : undefined;
    }
    case "links": {
      if (at.items === undefined) {
        wrong(at, `${name} must be a list of links, each with text and url, not ${describe(value)}`);
        return undefined;
      }
      const links = at.items.map((item) => navLink(name, item, wrong, text));
      return links.every((link) => link !== undefined) ? links : undefined;
    }
    case "strings": {
      if (at.entries === undefined) {
        wrong(at, `${name} must be a mapping of interface text (key: text), not ${describe(value)}`);
        return undefined;
      }
      const entries = at.entries.map(({ key, value: item }) => [String(key.value), text(item, `${name}.${String(key.value)}`)] as const);
      // A misspelt key would replace nothing: said here, at its line, rather than when the pages are rendered.
      const unknown = new Set(unknownStringKeys(Object.fromEntries(entries.map(([key]) => [key, ""]))));
      for (const { key } of at.entries.filter((entry) => unknown.has(String(entry.key.value)))) {
        const closest = closestName(String(key.value), stringKeys);
        wrong(key, `unknown interface string ${JSON.stringify(String(key.value))} in ${name}`, closest !== undefined ? `did you mean ${JSON.stringify(closest)}?` : "The keys are those of src/render/strings/en.json; one form of a plural text is written like articles.one.");
      }
      return unknown.size === 0 && entries.every(([, item]) => item !== undefined) ? Object.fromEntries(entries) : undefined;
    }
    default:
      throw new Error(`Internal error: config key ${name} has no check for its kind ${kind}`);
  }
}

/** One `{ text, url }` of the nav list: a path inside the site or an http(s) URL. */
function navLink(name: string, at: Placed, wrong: (at: Placed, message: string, hint?: string) => void, text: (item: Placed, what: string) => string | undefined): NavLink | undefined {
  if (at.entries === undefined) {
    wrong(at, `each ${name} entry must be a mapping with text and url, not ${describe(at.value)}`, "Write it as `- { text: About, url: /about/ }`.");
    return undefined;
  }
  const found: Partial<Record<"text" | "url", string>> = {};
  let ok = true;
  for (const { key, value } of at.entries) {
    const field = String(key.value);
    if (field !== "text" && field !== "url") {
      const closest = closestName(field, ["text", "url"]);
      wrong(key, `unknown key ${JSON.stringify(field)} in a ${name} link`, closest !== undefined ? `did you mean ${JSON.stringify(closest)}?` : "A link has text and url.");
      ok = false;
      continue;
    }
    const item = text(value, `${name} ${field}`);
    if (item === undefined || item.trim() === "") {
      if (item !== undefined) wrong(value, `${name} ${field} needs some text`);
      ok = false;
      continue;
    }
    if (field === "url" && !/^(?:\/(?!\/)|https?:\/\/)/.test(item)) {
      wrong(value, `${name} url ${JSON.stringify(item)} must be a path inside the site (/about/) or an https:// URL`);
      ok = false;
      continue;
    }
    found[field] = item;
  }
  if (!ok) return undefined;
  if (found.text === undefined || found.url === undefined) {
    wrong(at, `a ${name} link needs both text and url`, "Write it as `- { text: About, url: /about/ }`.");
    return undefined;
  }
  return { text: found.text, url: found.url };
}

/** The hint for a number or yes/no YAML read where text was meant (`12`, `true`): quote it, as `key: "12"` when a key is given. */
export function quoteIt(value: unknown, key = ""): string | undefined {
  return typeof value === "number" || typeof value === "boolean" ? `Quote it: ${key}"${String(value)}"` : undefined;
}

/** A YAML value in words, for messages: `text "x"`, `number 12`, `a list`, `nothing`. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value === "string" ? "text" : typeof value} ${JSON.stringify(value)}`;
}

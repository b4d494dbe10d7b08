import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { hashFiles } from "../files/hash-files.ts";

/**
 * What the templates tell a cache about the Archive's pages. A page array is an Archive array that a
 * template paginates one record a page (`pagination: { data: "archive.<name>", size: 1 }`) and that no
 * template mentions otherwise. Each page of one shows its own record plus the Archive values its template,
 * layouts and includes mention: `archive.<name>`, `archive.<name>.length` or `archive.<name>[<n>]`.
 */
export interface TemplateDependencies {
  /** Each page array, with the other Archive values its pages show; `*` stands for the whole Archive. */
  readonly pageArrays: ReadonlyMap<string, readonly string[]>;
  /** A hash of every file below the templates folder. */
  readonly hash: string;
}

interface Template {
  /** The Archive array it paginates one record a page, if it does. */
  readonly pages?: string;
  /** Whether it paginates in another way (another size, other data). */
  readonly otherPagination: boolean;
  /** Archive values its own text mentions. */
  readonly references: readonly string[];
  /** Templates it includes, extends or imports, and its layout, as written; `undefined` for one named by a variable. */
  readonly includes: readonly (string | undefined)[];
}

/** Reads the templates below `dir` (top-level pages, and layouts and partials in `_includes/`). */
export async function templateDependencies(dir: string): Promise<TemplateDependencies> {
  const includesDir = path.join(dir, "_includes");
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith(".njk"))
    .map((entry) => path.join(entry.parentPath, entry.name));
  const templates = new Map<string, Template>();
  for (const file of files) templates.set(file, readTemplate(await readFile(file, "utf8")));

  const closure = (file: string, seen = new Set<string>()): string[] => {
    if (seen.has(file)) return [];
    seen.add(file);
    const template = templates.get(file);
    if (template === undefined) return ["*"];
    return [
      ...template.references,
      ...template.includes.flatMap((name) => {
        if (name === undefined) return ["*"];
        const found = [path.join(includesDir, name), path.join(dir, name)].find((candidate) => templates.has(candidate));
        return found === undefined ? ["*"] : closure(found, seen);
      }),
    ];
  };

  const mentioned = new Set([...templates.values()].flatMap((template) => template.references.map((reference) => reference.replace(/[.[].*$/, ""))));
  const unsliceable = new Set([...templates.values()].flatMap((template) => (template.otherPagination && template.pages ? [template.pages] : [])));
  const pageArrays = new Map<string, string[]>();
  for (const [file, template] of templates) {
    const name = template.pages;
    if (name === undefined || template.otherPagination || mentioned.has(name) || unsliceable.has(name)) continue;
    pageArrays.set(name, [...new Set([...(pageArrays.get(name) ?? []), ...closure(file)])].sort());
  }
  return { pageArrays, hash: await hashFiles(dir, ["."]) };
}

const frontMatter = /^---[a-z]*\r?\n([\s\S]*?)\r?\n---\r?\n/;
const tag = /\{\{([\s\S]*?)\}\}|\{%([\s\S]*?)%\}/g;
const include = /^\s*-?\s*(?:include|extends|import|from)\s+(?:(["'])(.*?)\1)?/;
const strings = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g;
// `layout: pages/x.njk` in YAML, `const layout = "pages/x.njk";` in JavaScript front matter.
const layoutName = /\blayout\s*[:=]\s*(["']?)([\w./-]+)\1\s*[;,]?\s*$/m;
const reference = /(?<![\w$])archive\b(?:\s*\.\s*([A-Za-z_$][\w$]*)(?:\s*\.\s*(length)\b|\s*\[\s*(\d+)\s*\])?)?/g;

function readTemplate(text: string): Template {
  const matter = frontMatter.exec(text);
  const body = matter ? text.slice(matter[0].length) : text;
  const head = matter?.[1] ?? "";
  let pages: string | undefined;
  let otherPagination = false;
  if (/\bpagination\b/.test(head)) {
    const data = /\bdata\s*:\s*["']?archive\.([A-Za-z_$][\w$]*)["']?/.exec(head)?.[1];
    const size = /\bsize\s*:\s*(\d+)/.exec(head)?.[1];
    pages = data;
    otherPagination = data === undefined || size !== "1";
  }
  const references: string[] = [...referencesIn(head)];
  // Eleventy renders a page's layout with the page's data; one it names some other way may show anything.
  const includes: (string | undefined)[] = /\blayout\b/.test(head) ? [layoutName.exec(head)?.[2]] : [];
  for (const match of body.matchAll(tag)) {
    const expression = match[1] ?? match[2] ?? "";
    const included = match[2] === undefined ? null : include.exec(expression);
    if (included) includes.push(included[2]);
    references.push(...referencesIn(expression));
  }
  return { ...(pages !== undefined ? { pages } : {}), otherPagination, references, includes };
}

/** `archive.site.title` → `site`; `archive.articles.length` → `articles.length`; `archive.articles[0]` → `articles[0]`; bare `archive` → `*`. */
function referencesIn(code: string): string[] {
  // Text in quotes is not code: "archive.x" in a pagination declaration, or "/archive/" in a link.
  return [...code.replace(strings, '""').matchAll(reference)].map(([, name, length, index]) =>
    name === undefined ? "*" : length !== undefined ? `${name}.length` : index !== undefined ? `${name}[${index}]` : name,
  );
}

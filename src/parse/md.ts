import matter from "gray-matter";
import yaml from "js-yaml";
import { posix } from "node:path";
import type { ParsedArticle, SeedImage } from "../article.ts";
import { collapseWhitespace } from "../text/collapse-whitespace.ts";
import { closestName } from "../config/closest-name.ts";
import { error, warning, type Problem } from "../errors.ts";
import { markdownBody } from "./body.ts";
import { cleanText } from "./clean-text.ts";
import { isCalendarDate } from "./date.ts";
import { isSafeSlug, safePermalink } from "./permalink.ts";

/** What a `.md` seed holds after its front matter is read and checked. */
export type MdSeed = Pick<
  ParsedArticle,
  "date" | "paragraphs" | "html" | "title" | "summary" | "tags" | "slug" | "permalink" | "author" | "section" | "updated" | "image" | "draft"
>;

/** Every front-matter key Dateline reads; any other is a warning with the closest of these. */
export const frontMatterKeys = [
  "title", "date", "updated", "summary", "slug", "permalink", "url", "tags", "section", "category", "author", "image", "image_alt", "draft",
] as const;

// CORE_SCHEMA keeps `2021-02-30` a string we can check, where the default schema
// would quietly turn it into 2 March; it also refuses custom tags.
const readYaml = (source: string): object => (yaml.load(source, { schema: yaml.CORE_SCHEMA }) ?? {}) as object;
// gray-matter picks its engine from the word after the opening `---`, and its `javascript` engine is `eval`: a seed
// must never choose a parser. `frontMatterLanguage` refuses any word but yaml before gray-matter sees the text, and
// every other engine gray-matter ships is replaced by one that refuses, should a way round that check ever appear.
const refuse = (): never => {
  throw new Error("front matter in another language than YAML");
};
const options = { language: "yaml", engines: { yaml: readYaml, yml: readYaml, json: refuse, javascript: refuse, js: refuse, coffee: refuse } };

/** The word after the opening `---` (`---js`), if any: front matter is YAML, and only YAML. */
function frontMatterLanguage(text: string): string | undefined {
  if (!text.startsWith("---") || text[3] === "-") return undefined;
  const end = text.indexOf("\n");
  const word = text.slice(3, end === -1 ? undefined : end).trim();
  return word === "" ? undefined : word;
}

/**
 * Parses a `.md` seed: YAML front matter (gray-matter), then a Markdown body.
 * @param source the seed's path relative to the seeds folder, which its `image` is resolved against.
 */
export function parseMd(text: string, file: string, source = "seed.md"): { seed?: MdSeed; problems: Problem[] } {
  if (text.trim() === "") {
    return { problems: [error("empty-file", file, 1, 1, "Unexpected empty file, expected front matter with a `date` and an article")] };
  }
  const language = frontMatterLanguage(text);
  if (language !== undefined && !/^ya?ml$/i.test(language)) {
    return { problems: [error("invalid-front-matter", file, 1, 4, `Unexpected front matter language \`${language.slice(0, 40)}\`, expected YAML (a plain \`---\` line)`)] };
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Without its word (`---yaml` → `---`), so gray-matter has no language to look up.
    parsed = matter(language === undefined ? text : `---${text.includes("\n") ? text.slice(text.indexOf("\n")) : ""}`, options);
  } catch (cause) {
    const mark = cause instanceof yaml.YAMLException ? cause.mark : undefined;
    const reason = cause instanceof yaml.YAMLException ? cause.reason : String(cause);
    // gray-matter hands YAML the text right after the opening `---`, so its line 0 is the file's line 1.
    return { problems: [error("invalid-front-matter", file, (mark?.line ?? 0) + 1, (mark?.column ?? 0) + 1, `Unexpected YAML: ${reason}`)] };
  }
  const data = cleanStrings(isRecord(parsed.data) ? parsed.data : {});
  const place = (key: string): [number, number] => placeOfKey(parsed.matter, key);
  const problems: Problem[] = [];
  const front: FrontMatter = { data, file, place, problems };

  // Lines of the top-level keys, found in one pass: a seed may hold thousands of keys.
  const keyLines = new Map<string, number>();
  parsed.matter.split("\n").forEach((line, index) => {
    const key = /^([^\s#:][^:]*):/.exec(line)?.[1];
    if (key !== undefined && !keyLines.has(key)) keyLines.set(key, index + 1);
  });
  for (const key of Object.keys(data)) {
    if ((frontMatterKeys as readonly string[]).includes(key)) continue;
    // Edit distance costs the product of the lengths: no key Dateline knows is near a long one.
    const near = key.length <= 40 ? closestName(key, frontMatterKeys) : undefined;
    const problem = warning("unknown-front-matter-key", file, keyLines.get(key) ?? 1, 1, `Unknown front-matter key ${JSON.stringify(key.slice(0, 80))}`);
    problems.push(near === undefined ? problem : { ...problem, hint: `did you mean ${JSON.stringify(near)}?` });
  }

  const rawDate = data["date"];
  let date: string | undefined;
  if (rawDate === undefined || rawDate === null || rawDate === "") {
    problems.push(error("missing-date", file, 1, 1, "Unexpected front matter without `date`, expected `date: YYYY-MM-DD`"));
  } else {
    date = readDay(front, "date");
  }
  const updated = data["updated"] === undefined || data["updated"] === null ? undefined : readDay(front, "updated");
  if (updated !== undefined && date !== undefined && updated < date) {
    problems.push(error("invalid-date", file, ...place("updated"), `Unexpected updated \`${updated}\` before the date \`${date}\`, expected the day the article was last changed`));
  }
  const draft = data["draft"];
  if (draft !== undefined && draft !== null && typeof draft !== "boolean") {
    problems.push(error("invalid-front-matter", file, ...place("draft"), `Unexpected draft ${shown(draft)}, expected true or false`));
  }

  const title = optionalText(front, "title");
  const summary = optionalText(front, "summary");
  const tags = readTags(data["tags"], file, place("tags"), problems);
  const author = optionalText(front, "author");
  if (data["section"] !== undefined && data["category"] !== undefined) {
    problems.push(error("invalid-front-matter", file, ...place("category"), "Unexpected both `section` and `category`, expected one of them (they are the same key)"));
  }
  const section = optionalText(front, "section") ?? optionalText(front, "category");
  const image = readImage(front, source);

  let slug: string | undefined;
  if (data["slug"] !== undefined) {
    const value = (scalar(data["slug"]) ?? "").trim();
    if (isSafeSlug(value)) slug = value;
    else problems.push(error("unsafe-permalink", file, ...place("slug"), `Unexpected slug ${shown(data["slug"])}, expected lower-case letters, digits and hyphens`));
  }
  let permalink: string | undefined;
  for (const key of ["permalink", "url"] as const) {
    if (data[key] === undefined) continue;
    const value = scalar(data[key]) ?? "";
    const safe = safePermalink(value);
    if (safe !== undefined && permalink === undefined) permalink = safe;
    else if (safe === undefined) {
      problems.push(error("unsafe-permalink", file, ...place(key), `Unexpected ${key} ${shown(data[key])}, expected a folder path inside the site`));
    }
  }

  const bodyLine = text.slice(0, text.length - parsed.content.length).split("\n").length;
  const body = markdownBody(parsed.content);
  if ("tooMuchMarkup" in body) {
    const { line, column, message } = body.tooMuchMarkup;
    return { problems: [...problems, error("too-much-markup", file, bodyLine + line - 1, column, message)] };
  }
  if ("tooDeep" in body) {
    const { line, column, message } = body.tooDeep;
    return { problems: [...problems, error("too-deeply-nested", file, bodyLine + line - 1, column, message)] };
  }
  if (body.paragraphs.length === 0) {
    problems.push(error("missing-body", file, bodyLine, 1, "Unexpected end of file after the front matter, expected the article's text"));
  }
  // Warnings (an unknown key) do not stop the article.
  if (problems.some((problem) => problem.severity === "error") || date === undefined) return { problems };
  const heading = title ?? body.heading;
  return {
    seed: {
      date,
      paragraphs: body.paragraphs,
      html: body.html,
      tags,
      ...(heading !== undefined ? { title: heading } : {}),
      ...(summary !== undefined ? { summary } : {}),
      ...(slug !== undefined ? { slug } : {}),
      ...(permalink !== undefined ? { permalink } : {}),
      ...(author !== undefined ? { author } : {}),
      ...(section !== undefined ? { section } : {}),
      ...(updated !== undefined ? { updated } : {}),
      ...(image !== undefined ? { image } : {}),
      ...(draft === true ? { draft: true as const } : {}),
    },
    problems,
  };
}

/**
 * The front matter with its text values, and those of its lists, cleaned: YAML's escapes (`"\0"`, `"\e"`, `"\uFFFE"`)
 * write characters a page or feed must not hold. Nested maps are never read, so they are left as they are.
 */
function cleanStrings(data: Record<string, unknown>): Record<string, unknown> {
  const clean = (value: unknown): unknown => (typeof value === "string" ? cleanText(value) : value);
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, Array.isArray(value) ? value.map(clean) : clean(value)]));
}

/**
 * A YAML scalar as text; undefined for a list or a map. Never `String()` a list: YAML aliases let a few hundred bytes
 * stand for a list of billions of items (`a: &a [x, x]`, `b: &b [*a, *a]`, …), which `String()` would spell out.
 */
function scalar(value: unknown): string | undefined {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
}

/** A front-matter value quoted in a message. */
function shown(value: unknown): string {
  const text = scalar(value);
  return text === undefined ? "that is a list or a map" : `\`${text}\``;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What every front-matter reader needs: the values, where each key sits, and the problems found so far. */
interface FrontMatter {
  readonly data: Record<string, unknown>;
  readonly file: string;
  readonly place: (key: string) => [number, number];
  readonly problems: Problem[];
}

function optionalText({ data, file, place, problems }: FrontMatter, key: string): string | undefined {
  const value = data[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" && typeof value !== "number") {
    problems.push(error("invalid-front-matter", file, ...place(key), `Unexpected ${key} that is not text`));
    return undefined;
  }
  const text = collapseWhitespace(String(value));
  return text === "" ? undefined : text;
}

/** Image files a seed may name: raster formats only (see README, Writing a seed: an SVG may hold scripts). */
export const imageExtensions = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"] as const;

/** `image` and `image_alt`: a path relative to the seed's folder, checked for its form here and for its file when the seeds are loaded. */
function readImage(front: FrontMatter, source: string): SeedImage | undefined {
  const { data, file, place, problems } = front;
  const alt = optionalText(front, "image_alt");
  const value = data["image"];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") {
    problems.push(error("invalid-image", file, ...place("image"), `Unexpected image ${shown(value)}, expected the path of an image file beside the seed`));
    return undefined;
  }
  const path = value.trim();
  const extension = /\.[^./]*$/.exec(path.toLowerCase())?.[0] ?? "";
  if (path.startsWith("/") || path.includes("\\") || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.split("/").some((part) => part === "" || part === ".")) {
    problems.push(error("invalid-image", file, ...place("image"), `Unexpected image \`${path}\`, expected a path relative to the seed, such as \`photo.jpg\` or \`images/photo.jpg\``));
    return undefined;
  }
  if (!(imageExtensions as readonly string[]).includes(extension)) {
    problems.push(error("invalid-image", file, ...place("image"), `Unexpected image \`${path}\`, expected a ${imageExtensions.join(", ")} file`));
    return undefined;
  }
  const resolved = posix.normalize(posix.join(posix.dirname(source), path));
  if (resolved === ".." || resolved.startsWith("../")) {
    problems.push(error("invalid-image", file, ...place("image"), `Unexpected image \`${path}\` outside the seeds folder, expected a file inside it`));
    return undefined;
  }
  return { source: resolved, alt: alt ?? "", line: place("image")[0] };
}

/** A front-matter day (`date`, `updated`): `YYYY-MM-DD`, a real one, optionally followed by a time that is ignored. */
function readDay({ data, file, place, problems }: FrontMatter, key: string): string | undefined {
  const raw = scalar(data[key]);
  if (raw === undefined) {
    problems.push(error("invalid-date", file, ...place(key), `Unexpected ${key} that is a list or a map, expected a date written YYYY-MM-DD`));
    return undefined;
  }
  const token = raw.trim();
  const day = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(token)?.[1];
  if (day !== undefined && isCalendarDate(day)) return day;
  const expected = day !== undefined ? "a real calendar date (YYYY-MM-DD)" : "a date written YYYY-MM-DD";
  problems.push(error("invalid-date", file, ...place(key), `Unexpected ${key} \`${token}\`, expected ${expected}`));
  return undefined;
}

function readTags(value: unknown, file: string, at: [number, number], problems: Problem[]): string[] {
  if (value === undefined || value === null) return [];
  const list = typeof value === "string" ? value.split(",") : Array.isArray(value) ? value : undefined;
  if (list === undefined || !list.every((tag) => typeof tag === "string" || typeof tag === "number")) {
    problems.push(error("invalid-front-matter", file, ...at, "Unexpected tags, expected a list of words"));
    return [];
  }
  return [...new Set(list.map((tag) => collapseWhitespace(String(tag))).filter((tag) => tag !== ""))];
}

/** Line and column of `key:` in the file; the front matter text starts on the line of the opening `---`. */
function placeOfKey(frontMatter: string, key: string): [number, number] {
  const lines = frontMatter.split("\n");
  const index = lines.findIndex((line) => line.startsWith(`${key}:`));
  if (index === -1) return [1, 1];
  const line = lines[index] ?? "";
  const valueColumn = line.length - line.slice(key.length + 1).trimStart().length + 1;
  return [index + 1, valueColumn];
}

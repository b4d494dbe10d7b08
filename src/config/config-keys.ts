import { baseUrlProblem, emptyProblem, languageProblem, pathPrefixProblem } from "./site-values.ts";

/** The largest page size a key allows: a page of a thousand articles is already slow to read on a phone. */
export const maxPageSize = 1000;

/** The kinds of value a config key takes; each has one check (read-config.ts) and one JSON Schema (config-schema.ts). */
export type KeyKind = "text" | "boolean" | "count" | "file" | "asset" | "assets" | "links" | "strings";

interface KeySpec {
  readonly kind: KeyKind;
  /** One sentence for the README, the schema's `description` and editors' completion. */
  readonly description: string;
  /** The build or check flag that overrides it (without `--`); `cache` is the one flag that negates its key. */
  readonly flag?: string;
  /** For text keys: why a value is wrong, as words that follow it, or undefined. */
  readonly check?: (value: string) => string | undefined;
  /** A JSON Schema `format` for text keys. */
  readonly format?: "uri";
  readonly example?: string | boolean | number;
}

/**
 * Every key of `dateline.config.yaml`: the one list the reader checks against, the schema is made from and the
 * "did you mean" hint searches. A key whose flag exists (build, check) takes the flag's place; the flag wins.
 */
export const configKeys = {
  title: { kind: "text", flag: "title", check: emptyProblem, description: "The site's name, in every page's title and header (default Dateline).", example: "The Wire Archive" },
  description: { kind: "text", check: emptyProblem, description: "One sentence about the site: the home page's meta description (default: how many articles it holds).", example: "Forty years of wire stories, searchable." },
  baseUrl: { kind: "text", flag: "base-url", check: baseUrlProblem, format: "uri", description: "Where the site is served, e.g. https://example.org: makes canonical, feed, sitemap and API URLs absolute. A path in it is the path prefix.", example: "https://example.org" },
  pathPrefix: { kind: "text", flag: "path-prefix", check: pathPrefixProblem, description: "Serve the site from a sub-folder, e.g. /archive/ (a GitHub Pages project site).", example: "/archive/" },
  language: { kind: "text", flag: "lang", check: languageProblem, description: "The articles' language as a BCP 47 tag, for <html lang>, dates and interface text (default en).", example: "en" },
  seeds: { kind: "text", flag: "seeds", check: emptyProblem, description: "The folder of seeds, relative to the config file (default seeds).", example: "seeds" },
  output: { kind: "text", flag: "out", check: emptyProblem, description: "The output folder, relative to the config file (default _site).", example: "_site" },
  pageSize: { kind: "count", description: "Articles on each page of the home page (default 30).", example: 30 },
  archivePageSize: { kind: "count", description: "Articles on each page of a year, month or day archive (default 100).", example: 100 },
  entityPageSize: { kind: "count", description: "Articles on each page of a person, place, organisation, tag, section or author (default 50).", example: 50 },
  entityIndexPageSize: { kind: "count", description: "Names on each page of /people/, /places/, /organisations/, /quotes/, /tags/, /sections/ and /authors/ (default 100).", example: 100 },
  quotePageSize: { kind: "count", description: "Quotations on each page of a speaker's /quotes/<name>/ (default 50).", example: 50 },
  logo: { kind: "asset", description: "An image in the project's assets/ folder, shown before the title in the header.", example: "logo.svg" },
  socialImage: { kind: "asset", description: "An image in the project's assets/ folder for link previews (og:image); needs baseUrl, as previews need an absolute URL.", example: "social.png" },
  stylesheets: { kind: "assets", description: "Stylesheets in the project's assets/ folder, linked after Dateline's on every page (default: assets/site.css when it exists).", example: "site.css" },
  nav: { kind: "links", description: "Links added to the header's navigation, each {text, url}: a path inside the site (/about/) or an absolute URL." },
  strings: { kind: "strings", description: "Interface text to replace, by the key of the strings file (key: text)." },
  skipInvalid: { kind: "boolean", flag: "skip-invalid", description: "Report seeds with errors, leave them out and build the rest.", example: true },
  drafts: { kind: "boolean", flag: "drafts", description: "Build the seeds whose front matter says draft: true too (default false: they are left out).", example: true },
  usWire: { kind: "boolean", flag: "us-wire", description: "The archive is a US newswire's: a story with dollar amounts or a US company form but no place is set in the United States (default false).", example: true },
  entityFixes: { kind: "file", flag: "entity-fixes", description: "The entity fixes file, relative to the config file (default dateline.entities.yaml beside it, when there is one).", example: "dateline.entities.yaml" },
  quiet: { kind: "boolean", flag: "quiet", description: "Print only problems and the summary line.", example: true },
  cache: { kind: "boolean", flag: "no-cache", description: "false builds everything from scratch, as --no-cache does (default true).", example: false },
} as const satisfies Readonly<Record<string, KeySpec>>;

export type ConfigKey = keyof typeof configKeys;

/** A link of the `nav` key. */
export interface NavLink {
  readonly text: string;
  readonly url: string;
}

interface KindValues {
  readonly text: string;
  readonly boolean: boolean;
  readonly count: number;
  readonly file: string;
  readonly asset: string;
  readonly assets: readonly string[];
  readonly links: readonly NavLink[];
  readonly strings: Readonly<Record<string, string>>;
}

/** The values a config file gives, each of the type its key's kind says. */
export type ConfigValues = { readonly [K in ConfigKey]?: KindValues[(typeof configKeys)[K]["kind"]] };

/** The table, typed for lookup by any name. */
export const keySpecs: ReadonlyMap<string, KeySpec> = new Map(Object.entries(configKeys));

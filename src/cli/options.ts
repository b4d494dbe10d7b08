import { existsSync, statSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { PageSizes, Site } from "../article.ts";
import { configKeys, type ConfigValues } from "../config/config-keys.ts";
import { configFileName, readConfig, type Config } from "../config/read-config.ts";
import { entityFixesFileName, readEntityFixes } from "../config/read-entity-fixes.ts";
import type { EntityFixes } from "../collect/entity-fixes.ts";
import { baseUrlProblem, emptyProblem, languageProblem, normalisePrefix, pathPrefixProblem } from "../config/site-values.ts";
import { UsageError } from "../errors.ts";
import { urlRegistryFile } from "../collect/url-registry.ts";
import { packageRoot } from "../files/package-root.ts";
import { checkFolderPath } from "../publish/check-path.ts";
// Its own module, not search/index.ts: that would load Pagefind for every command.
import { shardSizeOption } from "../search/shard-size-option.ts";

/** A command line, checked and narrowed. */
export type Command =
  | { readonly name: "help" | "version" }
  | { readonly name: "check"; readonly seeds: string; readonly site: Site; readonly drafts: boolean; readonly usWire: boolean; readonly urlRegistry?: string; readonly entityFixes?: EntityFixes }
  | BuildCommand
  | ServeCommand
  | { readonly name: "init"; readonly dir: string }
  | { readonly name: "new"; readonly seeds: string; readonly headline: string; readonly date?: string };

/** `dateline build`, checked. */
export interface BuildCommand {
  readonly name: "build";
  readonly seeds: string;
  readonly out: string;
  readonly site: Site;
  readonly skipInvalid: boolean;
  readonly quiet: boolean;
  readonly fresh: boolean;
  /** Build the seeds marked `draft: true` too. */
  readonly drafts: boolean;
  /** Enrich as a US newswire's archive (`--us-wire`). */
  readonly usWire: boolean;
  /** The project's entity fixes file, read and checked (`--entity-fixes`, else `dateline.entities.yaml` when there is one). */
  readonly entityFixes?: EntityFixes;
  readonly shardSize?: number;
  /** The config file read, as typed (for the warnings that name it). */
  readonly configFile?: string;
  /** The project's `dateline.urls.tsv`, when the seeds built are the project's own (see `urlRegistryOf`). */
  readonly urlRegistry?: string;
}

/** `dateline serve`: a build into a preview folder (`--out`, else `previewDir`), served at `host`:`port`. */
export interface ServeCommand extends Omit<BuildCommand, "name"> {
  readonly name: "serve";
  /** A preview reads the project's URL registry, so its URLs are the published ones, and never writes it. */
  readonly saveUrlRegistry: false;
  readonly port: number;
  readonly host: string;
}

/** Where `dateline serve` builds unless given `--out`: not the configured output, the site that is published. */
const previewDir = path.join(".cache", "dateline", "preview");

const flags = {
  config: { type: "string" },
  seeds: { type: "string" },
  out: { type: "string" },
  "base-url": { type: "string" },
  "path-prefix": { type: "string" },
  title: { type: "string" },
  lang: { type: "string" },
  "skip-invalid": { type: "boolean" },
  quiet: { type: "boolean" },
  "no-cache": { type: "boolean" },
  drafts: { type: "boolean" },
  "us-wire": { type: "boolean" },
  "entity-fixes": { type: "string" },
  date: { type: "string" },
  port: { type: "string" },
  host: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

type Flag = keyof typeof flags;
type FlagValues = { -readonly [F in Flag]?: (typeof flags)[F]["type"] extends "string" ? string : boolean };

const buildOnly = ["out", "base-url", "path-prefix", "title", "lang", "skip-invalid", "quiet", "no-cache"] as const;
// The flags each command takes besides --help and --version.
const commandFlags: Readonly<Record<"build" | "serve" | "check" | "init" | "new", readonly Flag[]>> = {
  build: ["config", "seeds", "drafts", "us-wire", "entity-fixes", ...buildOnly],
  serve: ["config", "seeds", "drafts", "us-wire", "entity-fixes", ...buildOnly, "port", "host"],
  check: ["config", "seeds", "drafts", "us-wire", "entity-fixes"],
  init: [],
  new: ["config", "seeds", "date"],
};

/** Reads `argv` (without node and script) into a Command, or throws a UsageError (or a ConfigError) saying what is wrong. */
export async function parseCommand(argv: readonly string[]): Promise<Command> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: flags, allowPositionals: true, strict: true });
  } catch (cause) {
    throw new UsageError(cause instanceof Error ? cause.message.replace(/\. To specify.*$/s, "") : String(cause));
  }
  const { values, positionals } = parsed;
  if (values.help) return { name: "help" };
  if (values.version) return { name: "version" };
  const [name, ...extra] = positionals;
  if (name === undefined) throw new UsageError("Missing command: build, serve, check, init or new");
  if (name !== "build" && name !== "serve" && name !== "check" && name !== "init" && name !== "new") throw new UsageError(`Unknown command \`${name}\`: expected build, serve, check, init or new`);
  const misplaced = (Object.keys(values) as Flag[]).find((flag) => values[flag] !== undefined && !commandFlags[name].includes(flag));
  if (misplaced) {
    // serve takes every option of build: naming build is enough.
    const takers = Object.entries(commandFlags).flatMap(([command, taken]) => (taken.includes(misplaced) && (command !== "serve" || !commandFlags.build.includes(misplaced)) ? [command] : []));
    throw new UsageError(`--${misplaced} is an option of ${takers.join(", ").replace(/, ([^,]*)$/, " and $1")}, not ${name}`);
  }

  if (name === "init") {
    const [dir, ...more] = extra;
    if (dir === undefined || dir.trim() === "") throw new UsageError("init needs the folder to make, e.g. dateline init my-archive");
    if (more.length > 0) throw new UsageError(`Unexpected argument \`${more[0]}\``);
    return { name, dir };
  }
  if (name === "new") {
    const [headline, ...more] = extra;
    if (headline === undefined || headline.trim() === "") throw new UsageError('new needs the headline, e.g. dateline new "Talks in Geneva"');
    if (more.length > 0) throw new UsageError(`Unexpected argument \`${more[0]}\`: quote a headline of several words`);
  } else if (extra.length > 0) throw new UsageError(`Unexpected argument \`${extra[0]}\``);

  const config = await projectConfig(values.config);
  // The config's values where no flag is given: flags override the file.
  const merged: FlagValues = { ...(config === undefined ? {} : configFlags(config.values, config.dir)) };
  for (const [flag, value] of Object.entries(values)) if (value !== undefined) (merged as Record<string, unknown>)[flag] = value;

  const seeds = merged.seeds ?? "seeds";
  await checkFolderPath("--seeds", seeds);
  const seedsStat = await stat(seeds).catch(() => undefined);
  if (!seedsStat?.isDirectory()) throw new UsageError(`--seeds ${seeds} is not a folder`);
  if (name === "new") return { name, seeds, headline: extra[0] ?? "", ...(merged.date !== undefined ? { date: merged.date } : {}) };

  const site = { ...readSite(merged), ...themeOptions(config?.values ?? {}, config?.dir ?? process.cwd()) };
  const drafts = merged.drafts ?? false;
  const usWire = merged["us-wire"] ?? false;
  const registry = urlRegistryOf(seeds, config);
  const urlRegistry = registry === undefined ? {} : { urlRegistry: registry };
  const fixes = await entityFixesOf(values["entity-fixes"], merged["entity-fixes"], config);
  const entityFixes = fixes === undefined ? {} : { entityFixes: fixes };
  if (name === "check") return { name, seeds, site, drafts, usWire, ...urlRegistry, ...entityFixes };
  // A preview never replaces the published site (the config's `output`) unless --out says so.
  const out = (name === "serve" ? values.out : merged.out) ?? (name === "serve" ? previewDir : "_site");
  if (out.trim() === "") throw new UsageError("--out needs a folder");
  const shardSize = searchShardSize();
  const built = {
    seeds,
    out,
    site,
    skipInvalid: merged["skip-invalid"] ?? false,
    quiet: merged.quiet ?? false,
    fresh: merged["no-cache"] ?? false,
    drafts,
    usWire,
    ...entityFixes,
    ...(shardSize !== undefined ? { shardSize } : {}),
    ...(config !== undefined ? { configFile: config.file } : {}),
  };
  if (name === "build") return { name, ...built, ...urlRegistry };
  return { name, ...built, ...urlRegistry, saveUrlRegistry: false, port: portNumber(values.port ?? "8080"), host: values.host ?? "127.0.0.1" };
}

/** A TCP port from --port: 0 (any free port) to 65535. */
function portNumber(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port <= 65535)) throw new UsageError(`--port ${text} is not a port number: give one from 1 to 65535 (0 for any free port)`);
  return port;
}

/**
 * The URL registry of the project (`dateline.urls.tsv` beside its config file, else in the current folder), when
 * `seeds` is the project's seeds folder (the config's `seeds`, else `seeds/`): a build of another folder (`--seeds`)
 * is not the project's site, and must neither take its URLs nor write over them.
 */
function urlRegistryOf(seeds: string, config: Config | undefined): string | undefined {
  const project = config?.dir ?? process.cwd();
  const own = typeof config?.values.seeds === "string" ? config.values.seeds : "seeds";
  if (path.resolve(seeds) !== path.resolve(project, own)) return undefined;
  return path.relative(process.cwd(), path.join(project, urlRegistryFile));
}

/**
 * The entity fixes file named by --entity-fixes (relative to the current folder) or the config's `entityFixes`
 * (relative to the config file, checked to exist when it was read), else the project's `dateline.entities.yaml` when
 * there is one; read and checked, its problems thrown as a ConfigError.
 */
async function entityFixesOf(flag: string | undefined, merged: string | undefined, config: Config | undefined): Promise<EntityFixes | undefined> {
  if (flag !== undefined && !(existsSync(flag) && statSync(flag).isFile())) throw new UsageError(`--entity-fixes ${flag} is not a file`);
  const file = merged ?? path.join(config?.dir ?? process.cwd(), entityFixesFileName);
  if (merged === undefined && !existsSync(file)) return undefined;
  return readEntityFixes(file);
}

/** The config file named by --config, else the current folder's dateline.config.yaml if there is one. */
async function projectConfig(named: string | undefined): Promise<Config | undefined> {
  if (named !== undefined && !existsSync(named)) throw new UsageError(`--config ${named} does not exist`);
  const file = named ?? (existsSync(configFileName) ? configFileName : undefined);
  if (file === undefined) return undefined;
  if (!statSync(file).isFile()) throw new UsageError(`--config ${file} is not a file`);
  return readConfig(file);
}

/** The config's values under the names of the flags they stand for; its folders relative to the config file. */
function configFlags(values: ConfigValues, dir: string): FlagValues {
  const flagged: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(configKeys)) {
    const value = values[key as keyof ConfigValues];
    if (!("flag" in spec) || value === undefined) continue;
    if (key === "cache") flagged[spec.flag] = value === false;
    else if (key === "seeds" || key === "output" || key === "entityFixes") flagged[spec.flag] = path.relative(process.cwd(), path.resolve(dir, value as string)) || ".";
    else flagged[spec.flag] = value;
  }
  return flagged as FlagValues;
}

/**
 * What the config says of the look of the site, and the project folder whose templates/ and assets/ override
 * Dateline's, when it has either (Dateline's own folder is no project of its own).
 */
function themeOptions(values: ConfigValues, dir: string): Partial<Site> {
  const project = path.resolve(dir);
  const hasTheme = project !== path.resolve(packageRoot) && ["templates", "assets"].some((folder) => existsSync(path.join(project, folder)));
  const sizes = { home: values.pageSize, archive: values.archivePageSize, entity: values.entityPageSize, entityIndex: values.entityIndexPageSize, quotes: values.quotePageSize };
  const pageSizes = Object.fromEntries(Object.entries(sizes).filter(([, size]) => size !== undefined)) as Partial<PageSizes>;
  const stylesheets = values.stylesheets ?? (hasTheme && existsSync(path.join(project, "assets", "site.css")) ? ["site.css"] : []);
  return {
    ...(values.description !== undefined ? { description: values.description } : {}),
    ...(values.strings !== undefined ? { strings: values.strings } : {}),
    ...(values.nav !== undefined && values.nav.length > 0 ? { nav: values.nav.map((link) => ({ url: link.url, label: link.text })) } : {}),
    ...(values.logo !== undefined ? { logo: values.logo } : {}),
    ...(values.socialImage !== undefined ? { socialImage: values.socialImage } : {}),
    ...(stylesheets.length > 0 ? { stylesheets } : {}),
    ...(hasTheme ? { theme: project } : {}),
    ...(Object.keys(pageSizes).length > 0 ? { pageSizes } : {}),
  };
}

/** Articles per search shard from `DATELINE_SEARCH_SHARD_SIZE`, read here once: tests use it to build small sites in several shards. */
function searchShardSize(): number | undefined {
  try {
    return shardSizeOption(process.env["DATELINE_SEARCH_SHARD_SIZE"]);
  } catch (cause) {
    throw new UsageError(cause instanceof Error ? cause.message : String(cause));
  }
}

function readSite(values: FlagValues): Site {
  const checked = (flag: Flag, value: string, problem: string | undefined): string => {
    if (problem !== undefined) throw new UsageError(`--${flag} ${value} ${problem}`);
    return value;
  };
  let baseUrl: string | undefined;
  let basePath = "/";
  if (values["base-url"] !== undefined) {
    const url = new URL(checked("base-url", values["base-url"], baseUrlProblem(values["base-url"])));
    baseUrl = url.origin;
    basePath = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  }
  const prefix = values["path-prefix"] !== undefined ? normalisePrefix(checked("path-prefix", values["path-prefix"], pathPrefixProblem(values["path-prefix"]))) : basePath;
  if (basePath !== "/" && basePath !== prefix) {
    throw new UsageError(`--base-url ends in ${basePath} but --path-prefix is ${prefix}; give the path once`);
  }
  const lang = checked("lang", values.lang ?? "en", languageProblem(values.lang ?? "en"));
  const title = checked("title", values.title ?? "Dateline", emptyProblem(values.title ?? "Dateline")).trim();
  return { title, lang, pathPrefix: prefix, ...(baseUrl !== undefined ? { baseUrl } : {}) };
}

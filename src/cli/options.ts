import { stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { Site } from "../article.ts";
import { UsageError } from "../errors.ts";
import { checkFolderPath } from "../publish/check-path.ts";
// Its own module, not search/index.ts: that would load Pagefind for every command.
import { shardSizeOption } from "../search/shard-size-option.ts";

/** A command line, checked and narrowed. */
export type Command =
  | { readonly name: "help" | "version" }
  | { readonly name: "check"; readonly seeds: string; readonly site: Site }
  | { readonly name: "build"; readonly seeds: string; readonly out: string; readonly site: Site; readonly skipInvalid: boolean; readonly quiet: boolean; readonly fresh: boolean; readonly shardSize?: number };

const flags = {
  seeds: { type: "string" },
  out: { type: "string" },
  "base-url": { type: "string" },
  "path-prefix": { type: "string" },
  title: { type: "string" },
  lang: { type: "string" },
  "skip-invalid": { type: "boolean" },
  quiet: { type: "boolean" },
  "no-cache": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

const buildOnly = ["out", "base-url", "path-prefix", "title", "lang", "skip-invalid", "quiet", "no-cache"] as const;

/** Reads `argv` (without node and script) into a Command, or throws a UsageError saying what is wrong. */
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
  if (name === undefined) throw new UsageError("Missing command: build or check");
  if (name !== "build" && name !== "check") throw new UsageError(`Unknown command \`${name}\`: expected build or check`);
  if (extra.length > 0) throw new UsageError(`Unexpected argument \`${extra[0]}\``);

  const seeds = values.seeds ?? "seeds";
  await checkFolderPath("--seeds", seeds);
  const seedsStat = await stat(seeds).catch(() => undefined);
  if (!seedsStat?.isDirectory()) throw new UsageError(`--seeds ${seeds} is not a folder`);

  const site = readSite(values);
  if (name === "check") {
    const misplaced = buildOnly.find((flag) => values[flag] !== undefined);
    if (misplaced) throw new UsageError(`--${misplaced} is an option of build, not check`);
    return { name, seeds, site };
  }
  const out = values.out ?? "_site";
  if (out.trim() === "") throw new UsageError("--out needs a folder");
  const shardSize = searchShardSize();
  return { name, seeds, out, site, skipInvalid: values["skip-invalid"] ?? false, quiet: values.quiet ?? false, fresh: values["no-cache"] ?? false, ...(shardSize !== undefined ? { shardSize } : {}) };
}

/** Articles per search shard from `DATELINE_SEARCH_SHARD_SIZE`, read here once: tests use it to build small sites in several shards. */
function searchShardSize(): number | undefined {
  try {
    return shardSizeOption(process.env["DATELINE_SEARCH_SHARD_SIZE"]);
  } catch (cause) {
    throw new UsageError(cause instanceof Error ? cause.message : String(cause));
  }
}

function readSite(values: { "base-url"?: string; "path-prefix"?: string; title?: string; lang?: string }): Site {
  let baseUrl: string | undefined;
  let basePath = "/";
  if (values["base-url"] !== undefined) {
    let url: URL;
    try {
      url = new URL(values["base-url"]);
    } catch {
      throw new UsageError(`--base-url ${values["base-url"]} is not a URL; write it like https://example.org`);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new UsageError(`--base-url must start with https:// or http://`);
    if (url.search || url.hash) throw new UsageError("--base-url takes no query or fragment");
    baseUrl = url.origin;
    basePath = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  }
  const prefix = values["path-prefix"] !== undefined ? normalisePrefix(values["path-prefix"]) : basePath;
  if (basePath !== "/" && basePath !== prefix) {
    throw new UsageError(`--base-url ends in ${basePath} but --path-prefix is ${prefix}; give the path once`);
  }
  const lang = values.lang ?? "en";
  try {
    Intl.getCanonicalLocales(lang);
  } catch {
    throw new UsageError(`--lang ${lang} is not a language tag; write it like en or pt-BR`);
  }
  const title = (values.title ?? "Dateline").trim();
  if (title === "") throw new UsageError("--title needs some text");
  return { title, lang, pathPrefix: prefix, ...(baseUrl !== undefined ? { baseUrl } : {}) };
}

/** `archive`, `/archive`, `/archive/` → `/archive/`; refuses anything that is not plain path segments. */
function normalisePrefix(value: string): string {
  const segments = value.split("/").filter((segment) => segment !== "");
  if (!segments.every((segment) => /^[A-Za-z0-9._~-]+$/.test(segment) && segment !== "." && segment !== "..")) {
    throw new UsageError(`--path-prefix ${value} must be a path such as /archive/`);
  }
  return segments.length === 0 ? "/" : `/${segments.join("/")}/`;
}

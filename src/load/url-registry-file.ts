import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Site } from "../article.ts";
import { formatUrlRegistry, parseUrlRegistry, type RegisteredUrl, type UrlRegistry } from "../collect/url-registry.ts";
import type { Problem } from "../errors.ts";
import { writeFileAtomic } from "../files/write-file-atomic.ts";

/** Where the registry is read, and the site an earlier Dateline built, to take the URLs from when there is none yet. */
export interface UrlRegistrySource {
  /** The registry file, as the user names it (problems name it so). */
  readonly file: string;
  /** The output folder a build replaces: its `api/YYYY.json` give the URLs when the registry file does not exist. */
  readonly site?: string;
}

/**
 * The URL registry of a site project. A missing file is an empty registry, or, when the site being replaced holds an
 * API (a site built before Dateline kept a registry), the URLs that site published, so an upgrade renames nothing.
 */
export function readUrlRegistry(source: UrlRegistrySource, site: Site): { registry: UrlRegistry; problems: Problem[] } {
  let text: string;
  try {
    text = readFileSync(source.file, "utf8");
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== "ENOENT") throw cause;
    return { registry: source.site === undefined ? new Map() : publishedUrls(source.site, site), problems: [] };
  }
  return parseUrlRegistry(text, source.file);
}

/** Writes the registry when its text differs from the file's (atomically: a reader never sees half a file). */
export async function saveUrlRegistry(file: string, registry: UrlRegistry): Promise<boolean> {
  const text = formatUrlRegistry(registry);
  let before: string | undefined;
  try {
    before = readFileSync(file, "utf8");
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== "ENOENT") throw cause;
  }
  if (before === text) return false;
  await writeFileAtomic(file, text);
  return true;
}

/** Seed → URL as the API of a site Dateline built says (`api/YYYY.json`: `{ source, url }` per article); nothing if there is none. */
function publishedUrls(siteDir: string, site: Site): UrlRegistry {
  const registry = new Map<string, RegisteredUrl>();
  let names: string[];
  try {
    names = readdirSync(path.join(siteDir, "api")).filter((name) => /^\d{4}\.json$/u.test(name)).sort();
  } catch {
    return registry;
  }
  for (const name of names) {
    let entries: unknown;
    try {
      entries = JSON.parse(readFileSync(path.join(siteDir, "api", name), "utf8"));
    } catch {
      continue;
    }
    if (!Array.isArray(entries)) continue;
    for (const entry of entries as unknown[]) {
      const { source, url } = (entry ?? {}) as { source?: unknown; url?: unknown };
      if (typeof source !== "string" || typeof url !== "string") continue;
      const sitePath = unprefixed(url, site);
      // Read through the registry's own parser, so that a URL it would refuse is not taken from the old site either.
      const parsed = sitePath === undefined ? undefined : parseUrlRegistry(`${source}\t${sitePath}\n`, name).registry.get(source);
      if (parsed !== undefined) registry.set(source, parsed);
    }
  }
  return registry;
}

/** A URL as the API gives it (absolute with a base URL, under the path prefix) as a site path. */
function unprefixed(url: string, site: Site): string | undefined {
  let served = url;
  if (/^https?:\/\//u.test(url)) {
    try {
      served = decodeURI(new URL(url).pathname);
    } catch {
      return undefined;
    }
  }
  if (!served.startsWith(site.pathPrefix)) return undefined;
  return `/${served.slice(site.pathPrefix.length)}`;
}

import { createHash } from "node:crypto";
import path from "node:path";

/**
 * A file of the build cache for one folder (the seeds, or the output): Dateline keeps it in `.cache/dateline/`
 * of the current folder, one file per folder so builds of different sites do not evict each other. A `spare`
 * is a folder that older versions kept (the site an output folder held before its last build): it is only removed.
 */
export function cacheFile(cacheDir: string, kind: CacheKind, folder: string): string {
  const id = createHash("sha256").update(path.resolve(folder)).digest("hex").slice(0, 16);
  return path.join(cacheDir, `${kind}-${id}${extensions[kind]}`);
}

const extensions = { records: ".ndjson", pages: ".json", spare: "" };
export type CacheKind = keyof typeof extensions;
export const cacheKinds = Object.keys(extensions) as CacheKind[];

/** The kind of the cache file named `name`, if it is one `cacheFile` names. */
export function cacheKind(name: string): CacheKind | undefined {
  return cacheKinds.find((kind) => new RegExp(`^${kind}-[0-9a-f]{16}${extensions[kind].replace(".", "\\.")}$`).test(name));
}

/** The build cache's folder below a project folder; `.cache/` is git-ignored. */
export function cacheDir(cwd: string): string {
  return path.join(cwd, ".cache", "dateline");
}

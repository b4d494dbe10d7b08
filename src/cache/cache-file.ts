import { createHash } from "node:crypto";
import path from "node:path";

/**
 * A file of the build cache for one folder (the seeds, or the output): Dateline keeps it in `.cache/dateline/`
 * of the current folder, one file per folder so builds of different sites do not evict each other.
 */
export function cacheFile(cacheDir: string, kind: "records" | "pages", folder: string): string {
  const id = createHash("sha256").update(path.resolve(folder)).digest("hex").slice(0, 16);
  return path.join(cacheDir, `${kind}-${id}.${kind === "records" ? "ndjson" : "json"}`);
}

/** The build cache's folder below a project folder; `.cache/` is git-ignored. */
export function cacheDir(cwd: string): string {
  return path.join(cwd, ".cache", "dateline");
}

import { readdir, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import { cacheKind, cacheKinds } from "./cache-file.ts";

/** How long the cache keeps the files of a folder no build has used, and how many folders' files it keeps at most. */
export const cacheLimits = { days: 30, folders: 8 };
// A temporary file this old was left by a killed build; a younger one may belong to a build still running.
const staleTemporaryMs = 60 * 60 * 1000;
// Kinds no build uses any more, removed whenever found: the spare sites of older versions (a whole site each).
const retired = new Set<string>(["spare"]);

/**
 * Keeps `.cache/dateline/` from growing with every seeds or output folder ever built: marks the files this
 * build used as just used, then removes, for each kind, those of folders unused for `cacheLimits.days` or
 * beyond the `cacheLimits.folders` most recently used, and temporary files that killed builds left behind.
 */
export async function pruneCache(cacheDir: string, used: readonly string[], now = new Date()): Promise<void> {
  const inParallel = pLimit(4);
  await inParallel.map(used, (file) => utimes(file, now, now).catch(() => undefined));
  const names = await readdir(cacheDir).catch(() => [] as string[]);
  const found = await Promise.all(
    names.map(async (name) => ({ name, mtimeMs: (await stat(path.join(cacheDir, name)).catch(() => undefined))?.mtimeMs })),
  );
  const keep = new Set(used.map((file) => path.basename(file)));
  const oldest = now.getTime() - cacheLimits.days * 24 * 60 * 60 * 1000;
  const remove: string[] = [];
  for (const kind of cacheKinds) {
    const files = found.filter((file) => cacheKind(file.name) === kind && file.mtimeMs !== undefined).sort((a, b) => (b.mtimeMs ?? 0) - (a.mtimeMs ?? 0));
    files.forEach((file, rank) => {
      if (!keep.has(file.name) && (retired.has(kind) || rank >= cacheLimits.folders || (file.mtimeMs ?? 0) < oldest)) remove.push(file.name);
    });
  }
  for (const file of found) if (file.name.endsWith(".tmp") && (file.mtimeMs ?? Infinity) < now.getTime() - staleTemporaryMs) remove.push(file.name);
  await inParallel.map(remove, (name) => rm(path.join(cacheDir, name), { recursive: true, force: true }));
}

import { cp, readdir, rename, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";
import type { Site } from "../article.ts";
import { hashFiles } from "../files/hash-files.ts";
import { templatesDir } from "../files/package-root.ts";

/** Where a site project keeps its overlays, beside the build cache (`dateline init` git-ignores `.cache/`). */
const overlaysFolder = path.join(".cache", "dateline", "themes");
// Overlays kept besides the one in use: one for each of a few recent versions of the overrides, so a build running
// beside another with other overrides keeps its own.
const keptOverlays = 4;

/**
 * The templates folder a site renders from: Dateline's own, or for a site project with `templates/` or `assets/`
 * (`site.theme`), an overlay: Dateline's templates with the project's copied over them file by file (the same
 * relative path wins, a new file adds) and the project's assets/ over `assets/`. Eleventy reads one input folder,
 * so the overlay is that folder. It is named after a hash of everything in it and never changed once made: Eleventy
 * keeps compiled templates by path for the whole process, so other overrides must get another path.
 */
export async function siteTemplates(site: Site): Promise<string> {
  if (site.theme === undefined) return templatesDir;
  const theme = site.theme;
  const key = (await hashFiles(theme, ["templates", "assets"], await hashFiles(templatesDir, ["."]))).slice(0, 16);
  const folder = path.join(theme, overlaysFolder);
  const dir = path.join(folder, key);
  if (await stat(dir).catch(() => undefined)) {
    const now = new Date();
    await utimes(dir, now, now).catch(() => undefined);
    return dir;
  }
  // Made aside and renamed into place, so no build reads a half-made overlay; another build may win the race.
  const making = `${dir}.tmp-${process.pid}`;
  await cp(templatesDir, making, { recursive: true });
  const copy = { recursive: true, force: true, dereference: true } as const;
  await cp(path.join(theme, "templates"), making, copy).catch(ignoreMissing);
  await cp(path.join(theme, "assets"), path.join(making, "assets"), copy).catch(ignoreMissing);
  try {
    await rename(making, dir);
  } catch {
    await rm(making, { recursive: true, force: true });
  }
  await pruneOverlays(folder, key);
  return dir;
}

/** Removes all but the most recently used overlays (and those a killed build left half-made, an hour on). */
async function pruneOverlays(folder: string, current: string): Promise<void> {
  const entries = await Promise.all((await readdir(folder)).map(async (name) => ({ name, mtimeMs: (await stat(path.join(folder, name)).catch(() => undefined))?.mtimeMs ?? 0 })));
  const hourAgo = Date.now() - 60 * 60 * 1000;
  const made = entries.filter((entry) => !entry.name.includes(".tmp-") && entry.name !== current).sort((a, b) => b.mtimeMs - a.mtimeMs);
  const stale = [...made.slice(keptOverlays), ...entries.filter((entry) => entry.name.includes(".tmp-") && entry.mtimeMs < hourAgo)];
  await Promise.all(stale.map((entry) => rm(path.join(folder, entry.name), { recursive: true, force: true })));
}

function ignoreMissing(cause: NodeJS.ErrnoException): void {
  if (cause.code !== "ENOENT") throw cause;
}

import type { Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { comparePaths } from "../files/compare-paths.ts";
import { warning, type Problem } from "../errors.ts";
import type { SeedFile } from "./parse-seed.ts";

const seedExtension = /\.(txt|md)$/i;

/** The seeds below a folder, and the entries that looked like seeds but were not read, each with the reason. */
export interface FoundSeeds {
  readonly seeds: SeedFile[];
  readonly problems: Problem[];
}

/**
 * Every seed below `dir`, sorted by path so builds are deterministic. Hidden files and folders, and files that are
 * not `.txt` or `.md`, are not seeds. A link to a file inside the seeds folder is a seed like the file; a link
 * that leads out of it, to a folder or to nothing, and a FIFO, socket or device, are reported and not read (a
 * FIFO would block the build for ever; a link out of the folder would publish a file nobody put in it).
 */
export async function findSeeds(dir: string, cwd = process.cwd()): Promise<FoundSeeds> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const root = await realpath(dir);
  const seeds: SeedFile[] = [];
  const problems: Problem[] = [];
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    const source = path.relative(dir, full).split(path.sep).join("/");
    if (entry.isDirectory() || source.split("/").some((part) => part.startsWith(".") || part === "node_modules")) continue;
    const file = path.relative(cwd, full) || full;
    const named = seedExtension.test(entry.name);
    const skipped = entry.isFile() ? undefined : await whyNotRead(entry, full, root);
    // A link to a folder is said whatever its name, since the seeds in it would be missed; other entries only when named like seeds.
    if (skipped !== undefined && (named || skipped === linkedFolder)) problems.push(warning("not-a-seed-file", file, 1, 1, `Unexpected ${skipped}, expected a file; not read`));
    else if (skipped === undefined && named) seeds.push({ id: entry.name.replace(seedExtension, ""), source, file });
  }
  problems.sort((a, b) => comparePaths(a.file, b.file));
  return { seeds: seeds.sort((a, b) => comparePaths(a.source, b.source)), problems };
}

/** Every seed below `dir` (see `findSeeds`), without the entries that were not read. */
export async function listSeeds(dir: string, cwd = process.cwd()): Promise<SeedFile[]> {
  return (await findSeeds(dir, cwd)).seeds;
}

const linkedFolder = "link to a folder (links to folders are not followed)";

/** Why an entry that is neither a plain file nor a folder is not read; undefined for a link to a seed file inside the folder. */
async function whyNotRead(entry: Dirent, full: string, root: string): Promise<string | undefined> {
  if (entry.isFIFO()) return "FIFO (named pipe)";
  if (entry.isSocket()) return "socket";
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return "device";
  if (!entry.isSymbolicLink()) return "special file";
  const target = await realpath(full).catch(() => undefined);
  if (target === undefined) return "link to nothing";
  const found = await stat(target).catch(() => undefined);
  if (found?.isDirectory()) return linkedFolder;
  const relative = path.relative(root, target);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return "link to a file outside the seeds folder";
  return found?.isFile() ? undefined : "link to something that is not a file";
}

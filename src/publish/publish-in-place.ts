import { lstat, mkdir, readFile, rename, rm, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../errors.ts";
import { removeEmptyFolders } from "../files/remove-empty-folders.ts";
import type { Staging } from "./staging.ts";
import { changesFile, type SiteChange, siteChanges, writeChanges } from "./site-changes.ts";
import { markerFile, markerText, writeMarker } from "./site-marker.ts";

/**
 * The journal of an update in place, `.dateline/commit.txt` in the commit folder: one line per step, `A path`
 * (move the staged file in, a new file), `M path` (move it over the live one) or `D path` (delete the live one), in
 * the order they are taken. Every step can be taken twice, so a build killed in the middle of them is finished by
 * the next one (`finishCommit`).
 */
const journalFile = ".dateline/commit.txt";
const commitPrefix = ".dateline-commit-";

/** What an update in place is given besides the staging folder. */
export interface InPlaceUpdate {
  /** Every file of the new site, relative and `/`-separated: those staged and those left as they are. */
  readonly files: readonly string[];
  /** The files written into the staging folder; every other file of `files` is the live site's, unchanged. */
  readonly staged: readonly string[];
  /** The files the live site's list names (`readMarker`). */
  readonly previous: ReadonlySet<string>;
  /** Called once the update is ready and before the live site starts to change (the build forgets its page manifest). */
  readonly beforeCommit?: () => Promise<void>;
}

/** The folder an update in place of `outDir` is committed from, beside it. */
export function commitFolder(outDir: string): string {
  return path.join(path.dirname(outDir), `${commitPrefix}${path.basename(outDir)}`);
}

/**
 * Updates the published site in `staging.outDir` in place with what the staging folder holds: only the files that
 * were added, changed or deleted are touched, so a rebuild costs what changed, not the size of the archive. Files
 * are moved in the order added → modified → deleted, as the deploy recipe uploads them: at every instant each page
 * is whole and every link leads to a page (a new page is in before the pages linking to it change, and a page goes
 * only once nothing links to it). The staging folder becomes the commit folder with its journal in one rename, the
 * commit point; a build killed after it is finished by the next (see `recoverSite`), one killed before leaves the
 * site as it was. Only files on the site's list (`markerFile`) are replaced or deleted; a file of the user's elsewhere
 * in the site is left as it is, and one where this build would add a file is refused, before anything is moved.
 */
export async function publishInPlace(staging: Staging, update: InPlaceUpdate): Promise<void> {
  await finishCommit(await commitUpdate(staging, update), staging.outDir);
}

/**
 * The first half of `publishInPlace`, up to its commit point: writes the lists and the journal into the staging folder,
 * lists every file of the update on the live site's list, and makes the staging folder the commit folder, returned.
 */
export async function commitUpdate(staging: Staging, update: InPlaceUpdate): Promise<string> {
  const { dir, outDir } = staging;
  const { previous } = update;
  const staged = new Set(update.staged);
  const unchanged = new Set(update.files.filter((file) => !staged.has(file)));
  const changes = await siteChanges({ dir, files: update.files, outDir, previous, unchanged });
  await refuseForeign(outDir, changes);
  await writeChanges(dir, changes);
  await writeMarker(dir, [...update.files, changesFile]);
  await writeFile(path.join(dir, journalFile), journal(changes));
  // Every file the live site is about to hold listed first, so that at no instant does it hold one its list leaves out.
  const union = path.join(dir, ".dateline", "union.txt");
  await writeFile(union, markerText([...previous, ...update.files, changesFile]));
  await rename(union, path.join(outDir, markerFile));
  await update.beforeCommit?.();
  const commit = commitFolder(outDir);
  await rename(dir, commit);
  return commit;
}

/** Takes every step of the journal in `commit` that is not yet taken, then puts the new lists in place and removes `commit`. */
export async function finishCommit(commit: string, outDir: string): Promise<void> {
  const steps = (await readFile(path.join(commit, journalFile), "utf8")).split("\n").filter((line) => line !== "");
  const emptied = new Set<string>();
  for (const step of steps) {
    const file = step.slice(2);
    const live = path.join(outDir, ...file.split("/"));
    if (step.startsWith("D ")) {
      await unlink(live).catch(ignoreMissing);
      emptied.add(path.posix.dirname(file));
      continue;
    }
    // Moved already by the build that was killed, if the file is no longer there.
    await mkdir(path.dirname(live), { recursive: true });
    await rename(path.join(commit, ...file.split("/")), live).catch(ignoreMissing);
  }
  // Folders of files that are gone, left empty: a cold build would not have them.
  for (const folder of [...emptied].sort().reverse()) removeEmptyFolders(outDir, folder);
  for (const list of [changesFile, markerFile]) {
    await rename(path.join(commit, list), path.join(outDir, list)).catch(ignoreMissing);
  }
  await rm(commit, { recursive: true, force: true });
}

/** The journal's lines: what was added, then what changed, then what was deleted. */
function journal(changes: readonly SiteChange[]): string {
  return ["A", "M", "D"].flatMap((kind) => changes.filter((change) => change.kind === kind).map((change) => `${kind} ${change.file}\n`)).join("");
}

/** Refuses an update that would add a file where the live site holds something Dateline did not write. */
async function refuseForeign(outDir: string, changes: readonly SiteChange[]): Promise<void> {
  const checked = new Set<string>();
  for (const { kind, file } of changes) {
    if (kind !== "A") continue;
    // The file itself, and each folder on its way not yet known to be a folder (a file of the user's named `2022`).
    for (let at = file; at !== "." && !checked.has(at); at = path.posix.dirname(at)) {
      checked.add(at);
      const found = await lstat(path.join(outDir, ...at.split("/"))).catch(() => undefined);
      if (found === undefined) continue;
      if (at !== file && found.isDirectory()) break;
      throw new UsageError(`--out ${outDir} holds ${at}, which Dateline did not write, where this build writes ${file}; move it out of the folder, or choose another --out`);
    }
  }
}

function ignoreMissing(cause: NodeJS.ErrnoException): void {
  if (cause.code !== "ENOENT") throw cause;
}

import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { lstat, mkdir, readdir, readlink, realpath, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { describeFailure, environmentError } from "../environment.ts";
import { UsageError } from "../errors.ts";
import { checkFolderPath } from "./check-path.ts";
import { changesFile, siteChanges, writeChanges } from "./site-changes.ts";
import { commitFolder, finishCommit } from "./publish-in-place.ts";
import type { Staging } from "./staging.ts";
import { foreignEntries, markerFile, readMarker, writeMarker } from "./site-marker.ts";


const prefix = ".dateline-";

/**
 * Checks that `outDir` may be built into and makes the staging folder beside it; a link to a folder is followed, and
 * its target built. What a killed build left is put right first (see `recoverSite`). Whether the output may be
 * replaced as a whole is `checkOwned`'s to say.
 */
export async function stageSite(outDir: string, seedsDir: string): Promise<Staging> {
  await checkFolderPath("--out", outDir);
  const out = await followLink(outDir);
  const seeds = await realpath(seedsDir).catch(() => path.resolve(seedsDir));
  if (out === path.parse(out).root || out === process.cwd() || isInside(seeds, out)) {
    throw new UsageError(`--out ${outDir} would replace a folder that holds your seeds or project; choose a folder of its own, such as _site`);
  }
  if (isInside(out, seeds)) {
    throw new UsageError(`--out ${outDir} is inside the seeds folder ${seedsDir}, where the next build would read the site as seeds; choose a folder outside it, such as _site`);
  }
  await recoverSite(out);
  const existing = await stat(out).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new UsageError(`--out ${outDir} is a file, not a folder`);
  const dir = path.join(path.dirname(out), `${prefix}tmp-${path.basename(out)}-${process.pid}-${randomBytes(4).toString("hex")}`);
  // Made now, so that a folder Dateline may not write fails the build before any seed is read.
  try {
    await mkdir(path.dirname(dir), { recursive: true });
    await mkdir(dir);
  } catch (cause) {
    throw environmentError(cause, { at: `--out ${outDir}` }) ?? cause;
  }
  return { outDir: out, dir };
}

/** The folder `--out` names; for a link, its target, which is then replaced with the same guarantees. */
async function followLink(outDir: string): Promise<string> {
  const out = path.resolve(outDir);
  if (!(await lstat(out).catch(() => undefined))?.isSymbolicLink()) return out;
  const target = await realpath(out).catch(() => undefined);
  if (target === undefined) {
    // A link whose target a killed build left moved aside: put it back, then follow the link.
    await recoverSite(await outputTarget(out));
    const recovered = await realpath(out).catch(() => undefined);
    if (recovered !== undefined) return recovered;
    throw new UsageError(`--out ${outDir} is a link to a folder that does not exist; make the folder or choose another --out`);
  }
  return target;
}

/**
 * Refuses to replace an output folder holding anything that Dateline did not write there (see site-marker.ts): a
 * folder with no marker at once; the walk of the whole site for foreign entries is the promise, meant to overlap the
 * load. `outDir` is the folder as the user named it. A missing or empty folder may be replaced.
 */
export async function checkOwned(out: string, outDir: string): Promise<void> {
  if ((await readdir(out).catch(() => [])).length === 0) return;
  const files = readMarker(out);
  if (files === undefined) {
    const older = existsSync(path.join(out, "api", "index.json"));
    throw new UsageError(
      older
        ? `--out ${outDir} holds a site without the list of files Dateline wrote (${markerFile}), as older versions built them; check that nothing in it is yours, delete it once, and build again`
        : `--out ${outDir} holds files that Dateline did not write; empty it or choose another folder`,
    );
  }
  return foreignEntries(out, files).then((foreign) => {
    if (foreign.length > 0) {
      throw new UsageError(`--out ${outDir} holds files that Dateline did not write (${foreign.join(", ")}); move them out of the folder, or choose another --out`);
    }
  });
}

/**
 * Finishes the update in place that a killed build committed (see `publishInPlace`); puts back the site that a build
 * killed in the middle of its swap left moved aside (the output is missing, and a complete site waits beside it);
 * then removes what killed builds left: their staging folders and moved-aside sites. Leftovers of a build still
 * running (its process alive) are left alone.
 */
export async function recoverSite(out: string): Promise<void> {
  const commit = commitFolder(out);
  if (await lstat(commit).then((found) => found.isDirectory(), () => false)) await finishCommit(commit, out);
  const parent = path.dirname(out);
  const base = path.basename(out);
  const pattern = new RegExp(`^${escape(prefix)}(tmp|old)-${escape(base)}-(\\d+)-[0-9a-f]{8}$`);
  const leftovers: { name: string; kind: string; mtimeMs: number }[] = [];
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const match = pattern.exec(name);
    if (match === null || isAlive(Number(match[2]))) continue;
    const found = await lstat(path.join(parent, name)).catch(() => undefined);
    if (found?.isDirectory()) leftovers.push({ name, kind: match[1] as string, mtimeMs: found.mtimeMs });
  }
  if (!(await lstat(out).then(() => true, () => false))) {
    // The newest site moved aside: only a complete output is ever moved aside, and staging folders are never put back.
    const complete = leftovers.filter((entry) => entry.kind === "old").sort((a, b) => b.mtimeMs - a.mtimeMs)[0];
    if (complete !== undefined) {
      await rename(path.join(parent, complete.name), out);
      leftovers.splice(leftovers.indexOf(complete), 1);
    }
  }
  // A moved-aside site goes only once the output is in place, so it is never the last copy when it goes.
  const hasSite = await lstat(out).then(() => true, () => false);
  for (const entry of leftovers) if (entry.kind === "tmp" || hasSite) await rm(path.join(parent, entry.name), { recursive: true, force: true });
}

/** The folder a build into `outDir` replaces: the target of a link (even one whose target is moved aside just now). */
export async function outputTarget(outDir: string): Promise<string> {
  const out = path.resolve(outDir);
  const link = await readlink(out).catch(() => undefined);
  return link === undefined ? out : path.resolve(path.dirname(out), link);
}

/**
 * Writes into the complete staging folder what changed since the site it replaces (`changesFile`), marks it as
 * Dateline's, listing `files` (every file in it, relative) and the list of changes, and swaps it into place. The swap
 * is two renames; a build killed between them leaves the old site beside the output, complete, and the next build
 * puts it back (`recoverSite`) before it removes anything. The old site is removed only after, moved into `trash` (in
 * the build cache, on the disk of the output) for a background process to delete, if there is one: deleting tens of
 * thousands of files takes long. What fails then costs the next build time, not this one its output, and is returned
 * as a note.
 */
export async function publishSite(staging: Staging, files: readonly string[], trash?: string): Promise<string | undefined> {
  const { dir, outDir } = staging;
  // Read again rather than kept from the check: at a million articles the list holds millions of paths, which the render need not carry.
  await writeChanges(dir, await siteChanges({ dir, files, outDir, previous: readMarker(outDir), unchanged: new Set() }));
  await writeMarker(dir, [...files, changesFile]);
  const old = path.join(path.dirname(outDir), `${prefix}old-${path.basename(outDir)}-${process.pid}-${randomBytes(4).toString("hex")}`);
  const hadSite = await lstat(outDir).then(() => true, () => false);
  if (hadSite) await rename(outDir, old);
  try {
    await rename(dir, outDir);
  } catch (cause) {
    if (hadSite) await rename(old, outDir);
    throw cause;
  }
  if (!hadSite) return undefined;
  try {
    if (trash === undefined || (await deleteLater([old], trash)).length > 0) await rm(old, { recursive: true, force: true });
    return undefined;
  } catch (cause) {
    return `the replaced site was not cleared away (${describeFailure(cause)}); the next build removes it`;
  }
}

/** Moves folders into `trash` and starts a detached process that empties `trash`; returns those it could not move (another disk). */
async function deleteLater(dirs: readonly string[], trash: string): Promise<string[]> {
  const moved = await mkdir(trash, { recursive: true }).then(
    () => Promise.all(dirs.map((dir) => rename(dir, path.join(trash, `${path.basename(dir)}-${randomBytes(4).toString("hex")}`)).then(() => true, (cause: NodeJS.ErrnoException) => cause.code === "ENOENT"))),
    () => dirs.map(() => false),
  );
  // Everything in the trash goes, including what an interrupted deletion left behind.
  const script = "for (const entry of require('fs').readdirSync(process.argv[1])) require('fs').rmSync(require('path').join(process.argv[1], entry), { recursive: true, force: true })";
  if (moved.some(Boolean)) spawn(process.execPath, ["-e", script, trash], { detached: true, stdio: "ignore" }).unref();
  return dirs.filter((_, i) => !moved[i]);
}

/** Removes the staging folder of a build that failed. */
export async function discardStaging(staging: Staging): Promise<void> {
  // Retried: a render that failed may still have writes in flight (a folder is not empty yet when removed).
  await rm(staging.dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
  } catch (cause) {
    // EPERM: the process exists, but is another user's.
    return (cause as NodeJS.ErrnoException).code === "EPERM";
  }
  // A zombie answers too: a build killed after its supervisor, never reaped where nothing reaps (a container's init).
  try {
    return !/^\d+ \(.*\) Z /s.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

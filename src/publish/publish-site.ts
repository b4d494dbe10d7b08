import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../errors.ts";

/** A temporary folder beside the output, to be swapped into place when complete. */
export interface Staging {
  readonly dir: string;
  readonly outDir: string;
}

const prefix = ".dateline-";

/**
 * Makes a staging folder name beside `outDir` and checks that `outDir` may be replaced:
 * it must be missing, empty, or a site Dateline built (it has `api/index.json`).
 * Leftovers of killed builds are removed.
 */
export async function stageSite(outDir: string, seedsDir: string): Promise<Staging> {
  const out = path.resolve(outDir);
  const seeds = path.resolve(seedsDir);
  if (out === path.parse(out).root || out === process.cwd() || isInside(seeds, out)) {
    throw new UsageError(`--out ${outDir} would replace a folder that holds your seeds or project; choose a folder of its own, such as _site`);
  }
  const existing = await stat(out).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new UsageError(`--out ${outDir} is a file, not a folder`);
  if (existing) {
    const entries = await readdir(out);
    const isSite = await stat(path.join(out, "api", "index.json")).then(() => true, () => false);
    if (entries.length > 0 && !isSite) {
      throw new UsageError(`--out ${outDir} holds files that Dateline did not build; empty it or choose another folder`);
    }
  }
  const parent = path.dirname(out);
  const base = path.basename(out);
  for (const entry of await readdir(parent).catch(() => [])) {
    const match = new RegExp(`^${prefix}(?:tmp|old)-${escape(base)}-(\\d+)-`).exec(entry);
    if (match && !isAlive(Number(match[1]))) await rm(path.join(parent, entry), { recursive: true, force: true });
  }
  return { outDir: out, dir: path.join(parent, `${prefix}tmp-${base}-${process.pid}-${randomBytes(4).toString("hex")}`) };
}

/** Where the site being replaced goes, in the build cache (on the disk of the output folder, or not used). */
export interface Leftovers {
  /** Moved here and deleted by a background process: deleting tens of thousands of files takes longer than a warm build's other steps. */
  readonly trash: string;
  /** Kept here instead, for the next build to start from (see `linkLastBuild`); what was kept before goes to the trash. */
  readonly spare?: string;
}

/** Swaps the complete staging folder into place; the old site is removed, or kept as `spare`, only after. */
export async function publishSite(staging: Staging, leftovers?: Leftovers): Promise<void> {
  const { dir, outDir } = staging;
  const old = path.join(path.dirname(outDir), `${prefix}old-${path.basename(outDir)}-${process.pid}-${randomBytes(4).toString("hex")}`);
  const hadSite = await stat(outDir).then(() => true, () => false);
  if (hadSite) await rename(outDir, old);
  try {
    await rename(dir, outDir);
  } catch (cause) {
    if (hadSite) await rename(old, outDir);
    throw cause;
  }
  if (!hadSite) return;
  if (leftovers?.spare !== undefined && (await keep(old, leftovers.spare, leftovers.trash))) return;
  if (leftovers === undefined || (await deleteLater([old], leftovers.trash)).length > 0) await rm(old, { recursive: true, force: true });
}

/** Moves `dir` to `spare`, and what was there to the trash; false if it cannot be moved (another disk). */
async function keep(dir: string, spare: string, trash: string): Promise<boolean> {
  await mkdir(path.dirname(spare), { recursive: true });
  const kept = await stat(spare).then(() => true, () => false);
  // The next build links or indexes every shard of its search index anew, so the old one goes too: in the
  // background now, rather than by the next build.
  const unused = [...(kept ? [spare] : []), path.join(dir, "pagefind")];
  await Promise.all((await deleteLater(unused, trash)).map((left) => rm(left, { recursive: true, force: true })));
  return rename(dir, spare).then(() => true, () => false);
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
  await rm(staging.dir, { recursive: true, force: true });
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

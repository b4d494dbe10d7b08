import { existsSync, lstatSync, mkdirSync, renameSync, statSync, unlinkSync } from "node:fs";
import path from "node:path";
import { linkFile } from "../files/link-file.ts";
import { listFiles } from "../files/list-files.ts";
import { moduleWorker } from "../files/module-worker.ts";
import { removeEmptyFolders } from "../files/remove-empty-folders.ts";
import { sameFile } from "../files/same-file.ts";
import { type OutputEntry, readManifest } from "./page-manifest.ts";

/** The page files of the last build, linked into a new build's staging folder (see `linkLastBuild`). */
export interface LastBuild {
  /** Staged file → what the manifest says of it, for every file linked (or copied) in, unchanged since it was written. */
  readonly linked: ReadonlyMap<string, OutputEntry>;
  /** Why the manifest of the last build was not used, if it was not. */
  readonly discarded: string | undefined;
}

/** A page file of the live site that is as the last build wrote it. */
interface LivePage {
  readonly entry: OutputEntry;
  readonly ino: number;
  readonly dev: number;
}

/**
 * Hard-links (or copies, where links are not possible) into `stagingDir` every page file the last build into
 * `outDir` wrote that is still as it wrote it (same size and modification time). Called as the build starts, so
 * that the file system's work overlaps loading the archive; `PageCache.plan` then removes the links of the pages
 * that changed. A missing or damaged manifest links nothing.
 *
 * Making 15,000 folders and 20,000 links costs seconds on ext4, so the site the last build replaced, kept as
 * `spare`, becomes the staging folder when there is one: its files that are the live site's unchanged pages
 * (the same inode) stay, every other file goes, and only the pages changed since it was live are linked again.
 */
export async function linkLastBuild(options: LinkOptions): Promise<LastBuild> {
  // A first build: nothing to link, and no thread to start.
  if (!existsSync(options.manifest)) return { linked: new Map(), discarded: undefined };
  // Tens of thousands of file-system calls at 10,000 articles: in a thread of their own, beside the archive loading.
  const worker = moduleWorker(new URL("./link-worker.ts", import.meta.url));
  try {
    const reply = await new Promise<{ last?: LastBuild; error?: string }>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`Internal error: the page-linking worker exited with code ${code}`)));
      worker.postMessage(options);
    });
    if (reply.last === undefined) throw new Error(reply.error);
    return reply.last;
  } finally {
    await worker.terminate();
  }
}

/** Where `linkLastBuild` links from and to. */
export interface LinkOptions {
  readonly manifest: string;
  readonly outDir: string;
  readonly stagingDir: string;
  readonly version: string;
  readonly spare?: string;
}

/** The work of `linkLastBuild`, done in its worker thread (link-worker.ts). */
export async function linkPages(options: LinkOptions): Promise<LastBuild> {
  const read = await readManifest(options.manifest);
  if (typeof read === "string") return { linked: new Map(), discarded: read };
  // Another Dateline or other templates: every fingerprint differs, so no page would be reused.
  if (read.version !== options.version) return { linked: new Map(), discarded: undefined };
  const recycled = options.spare !== undefined && renamed(options.spare, options.stagingDir);
  if (!recycled) mkdirSync(options.stagingDir, { recursive: true });
  // A file of the live site edited, replaced or deleted by hand since is rendered again, not trusted.
  const live = new Map<string, LivePage>();
  for (const [file, entry] of read.outputs) {
    const found = statSync(path.join(options.outDir, file), { throwIfNoEntry: false });
    if (found?.isFile() && found.size === entry.size && found.mtimeMs === entry.mtimeMs) live.set(file, { entry, ino: found.ino, dev: found.dev });
  }
  // Its search index is left to the indexer, which replaces it.
  const kept = recycled ? recycle(options.stagingDir, listFiles(options.stagingDir, ["pagefind"]), live) : new Set<string>();
  const missing = [...live].filter(([file]) => !kept.has(file));
  for (const dir of new Set(missing.map(([file]) => path.dirname(path.join(options.stagingDir, file))))) mkdirSync(dir, { recursive: true });
  const linked = new Map([...kept].map((file) => [file, (live.get(file) as LivePage).entry]));
  for (const [file, { entry }] of missing) {
    const to = path.join(options.stagingDir, file);
    // A copy has the same bytes but a new time, which the manifest must know.
    linked.set(file, linkFile(path.join(options.outDir, file), to) === "copied" ? { ...entry, mtimeMs: statSync(to).mtimeMs } : entry);
  }
  return { linked, discarded: undefined };
}

function renamed(from: string, to: string): boolean {
  try {
    renameSync(from, to);
    return true;
  } catch {
    return false;
  }
}

/**
 * Empties the recycled site in `dir`, holding `files`, of every file but those that are `live` pages (the same
 * file, not a copy), and of the folders left empty that no live page is linked into again. Returns the files kept.
 */
function recycle(dir: string, files: readonly string[], live: ReadonlyMap<string, LivePage>): Set<string> {
  const kept = new Set<string>();
  const removed: string[] = [];
  for (const file of files) {
    const page = live.get(file);
    if (page !== undefined && sameFile(lstatSync(path.join(dir, file)), page)) kept.add(file);
    else {
      unlinkSync(path.join(dir, file));
      removed.push(file);
    }
  }
  const relinked = new Set([...live.keys()].map((file) => path.posix.dirname(file)));
  for (const folder of new Set(removed.map((file) => path.posix.dirname(file)))) if (!relinked.has(folder)) removeEmptyFolders(dir, folder);
  return kept;
}


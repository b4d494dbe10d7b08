import { lstat, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import { sameFile } from "../files/same-file.ts";

/**
 * `.dateline/changes.txt` in every site: what differs from the site it replaced at the same `--out`, one line per
 * file, `A path` (added), `M path` (modified) or `D path` (deleted), sorted by path, for a deploy to object storage
 * to upload and delete only those (see the README's "Deploying a big archive"). The `.dateline/` folder is never
 * listed: it describes the site, and need not be served.
 */
export const changesFile = ".dateline/changes.txt";

export type ChangeKind = "A" | "M" | "D";

export interface SiteChange {
  readonly kind: ChangeKind;
  /** Relative to the site's root, `/`-separated. */
  readonly file: string;
}

/** What `siteChanges` compares. */
export interface ChangeSources {
  /** The staged site, and the files in it (relative, `/`-separated). */
  readonly dir: string;
  readonly files: readonly string[];
  /** The published site it replaces, and the files its `files.txt` lists; undefined when there is none. */
  readonly outDir: string;
  readonly previous: ReadonlySet<string> | undefined;
  /** Staged files known to be the published site's own, unchanged: the pages the build linked from it. */
  readonly unchanged: ReadonlySet<string>;
}

const metadata = ".dateline/";
// A search-index shard's folder is named after the fingerprint of everything its bundle is made from (equal
// fingerprints, byte-identical bundles; see fingerprintShard), and the site serves it as immutable.
const fingerprinted = "pagefind/shards/";
// Files compared at once through the thread pool.
const inFlight = 16;

/**
 * The files that differ between the staged site and the published one, sorted by path. A file in both is the same
 * when it is listed `unchanged` or lies in a fingerprinted shard folder, with no file-system call; any other (the
 * pages rendered again, the always-rendered feeds and lists, the newest search shard) is compared: the same file
 * (a hard link), else its size, else its bytes. A warm rebuild thus reads only what it wrote again.
 */
export async function siteChanges(sources: ChangeSources): Promise<SiteChange[]> {
  const { dir, outDir, previous, unchanged } = sources;
  const files = sources.files.filter((file) => !file.startsWith(metadata));
  const changes: SiteChange[] = [];
  const compare: string[] = [];
  for (const file of files) {
    if (previous === undefined || !previous.has(file)) changes.push({ kind: "A", file });
    else if (!unchanged.has(file) && !file.startsWith(fingerprinted)) compare.push(file);
  }
  const differ = await pLimit(inFlight).map(compare, (file) => sameBytes(path.join(dir, file), path.join(outDir, file)).then((same) => !same));
  compare.forEach((file, index) => {
    if (differ[index]) changes.push({ kind: "M", file });
  });
  if (previous !== undefined) {
    const staged = new Set(files);
    for (const file of previous) if (!file.startsWith(metadata) && !staged.has(file)) changes.push({ kind: "D", file });
  }
  return changes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Writes `changes` as `changesFile` into the site in `dir`. */
export async function writeChanges(dir: string, changes: readonly SiteChange[]): Promise<void> {
  await mkdir(path.join(dir, path.dirname(changesFile)), { recursive: true });
  await writeFile(path.join(dir, changesFile), changes.map(({ kind, file }) => `${kind} ${file}\n`).join(""));
}

/** Whether two files hold the same bytes; a missing or unreadable published file is not the same, so it is uploaded again. */
async function sameBytes(staged: string, published: string): Promise<boolean> {
  const [a, b] = await Promise.all([lstat(staged), lstat(published).catch(() => undefined)]);
  if (b === undefined || !b.isFile()) return false;
  if (sameFile(a, b)) return true;
  if (a.size !== b.size) return false;
  const [x, y] = await Promise.all([readFile(staged), readFile(published).catch(() => undefined)]);
  return y !== undefined && x.equals(y);
}

import { mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { root } from "./corpus.ts";

// Outputs and sources are moved aside, not deleted, before a timed build, and deleted once everything is timed.
// On ext4 without a journal (this machine's disk) the kernel checks each new inode against those freed in the last
// 30 seconds, so a build started just after deleting the last one's 46,000 files and folders creates its own several
// times slower: a cold 10,000-article build took 26.6 s after `rm -rf` of the last output, 22.9 s after moving it
// aside (medians of 3, alternated), and the Eleventy baseline 17.7 against 17.0 s.
const trash = path.join(root, "bench", "out", ".trash");
let setAsides = 0;

/** Moves `dir`, if there, into the benches' trash, deleted by `emptyTrash`. */
export async function setAside(dir: string): Promise<void> {
  await mkdir(trash, { recursive: true });
  await rename(dir, path.join(trash, `${process.pid}-${setAsides++}-${path.basename(dir)}`)).catch((cause: NodeJS.ErrnoException) => {
    if (cause.code !== "ENOENT") throw cause;
  });
}

/** Deletes what was set aside (and what a killed bench left there); `settle` then waits out the kernel's 30 seconds. */
export async function emptyTrash(settle: boolean): Promise<void> {
  if ((await readdir(trash).catch(() => [])).length === 0) return;
  await rm(trash, { recursive: true, force: true });
  if (!settle) return;
  process.stderr.write("waiting 35 s after deleting the last bench's outputs\n");
  await new Promise((resolve) => setTimeout(resolve, 35_000));
}

import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import { linkFile } from "../cache/link-file.ts";
import { type BundleFiles, bundleFiles, filesInFlight } from "./bundle-files.ts";
import { fileListing, readShardRecord, sameListing, shardsFolder } from "./shard-record.ts";

/**
 * Copies a shard's bundle from the previous site's search folder (`previous`, the main bundle, or
 * `previous/shards/<id>/`) into the empty folder `target` when one there was built from the same `fingerprint` and still
 * holds every file its record lists at the recorded sizes (and the runtime, if `withRuntime`).
 * Returns the files it copied, or undefined: anything missing, changed or unreadable means the shard is indexed again.
 */
export async function reuseShard(previous: string, id: string, fingerprint: string, target: string, withRuntime: boolean): Promise<BundleFiles | undefined> {
  const candidates = withRuntime ? [previous, path.join(previous, shardsFolder, id)] : [path.join(previous, shardsFolder, id), previous];
  for (const folder of candidates) {
    const record = await readShardRecord(folder);
    if (record?.fingerprint !== fingerprint) continue;
    let files;
    try {
      files = await bundleFiles(folder);
    } catch {
      continue;
    }
    if (!sameListing(record.data, fileListing(files.data))) continue;
    if (withRuntime && (record.runtime === undefined || !sameListing(record.runtime, fileListing(files.runtime)))) continue;
    const copied = { data: files.data, runtime: withRuntime ? files.runtime : [] };
    try {
      for (const sub of new Set(["", ...copied.data.map((file) => path.posix.dirname(file.path))])) await mkdir(path.join(target, sub), { recursive: true });
      await pLimit(filesInFlight).map([...copied.data, ...copied.runtime], (file) => linkFile(path.join(folder, ...file.path.split("/")), path.join(target, ...file.path.split("/"))));
      return copied;
    } catch {
      // Changed under us (a hand edit, a concurrent deploy): index it again instead.
      await rm(target, { recursive: true, force: true });
    }
  }
  return undefined;
}

import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { linkFile } from "../files/link-file.ts";
import { type BundleFiles, bundleFiles } from "./bundle-files.ts";
import { fileListing, readShardRecord, type ShardRecord, sameListing, shardsFolder } from "./shard-record.ts";

/** A bundle of the previous site's search folder whose record says it was built from the fingerprint wanted. */
export interface RecordedBundle {
  readonly folder: string;
  readonly record: ShardRecord;
}

/**
 * The bundles of the previous site's search folder (`previous`: the main bundle, or `previous/shards/<id>/`)
 * recorded with `fingerprint`, the one holding the runtime first if `withRuntime`. Only their records are read,
 * so a shard to index again learns it at once, without waiting for other shards being copied.
 */
export async function recordedBundles(previous: string, id: string, fingerprint: string, withRuntime: boolean): Promise<RecordedBundle[]> {
  const candidates = withRuntime ? [previous, path.join(previous, shardsFolder, id)] : [path.join(previous, shardsFolder, id), previous];
  const found: RecordedBundle[] = [];
  for (const folder of candidates) {
    const record = await readShardRecord(folder);
    if (record?.fingerprint === fingerprint) found.push({ folder, record });
  }
  return found;
}

/**
 * Copies the first of `bundles` that still holds every file its record lists at the recorded sizes (and the
 * runtime, if `withRuntime`) into the empty folder `target`. Returns the files it copied, or undefined:
 * anything missing, changed or unreadable means the shard is indexed again.
 */
export function reuseShard(bundles: readonly RecordedBundle[], target: string, withRuntime: boolean): BundleFiles | undefined {
  for (const { folder, record } of bundles) {
    let files;
    try {
      files = bundleFiles(folder);
    } catch {
      continue;
    }
    if (!sameListing(record.data, fileListing(files.data))) continue;
    if (withRuntime && (record.runtime === undefined || !sameListing(record.runtime, fileListing(files.runtime)))) continue;
    const copied = { data: files.data, runtime: withRuntime ? files.runtime : [] };
    try {
      for (const sub of new Set(["", ...copied.data.map((file) => path.posix.dirname(file.path))])) mkdirSync(path.join(target, sub), { recursive: true });
      for (const file of [...copied.data, ...copied.runtime]) linkFile(path.join(folder, ...file.path.split("/")), path.join(target, ...file.path.split("/")));
      return copied;
    } catch {
      // Changed under us (a hand edit, a concurrent deploy): index it again instead.
      rmSync(target, { recursive: true, force: true });
    }
  }
  return undefined;
}

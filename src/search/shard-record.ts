import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { type BundleFile, type BundleFiles, listingDigest } from "./bundle-files.ts";

/** Which files a bundle holds: their count, total bytes and a digest of their paths and sizes. */
export interface FileListing {
  readonly files: number;
  readonly bytes: number;
  readonly digest: string;
}

/**
 * What `shard.json`, written in every shard's bundle, records: the fingerprint it was built from
 * and the files it must hold, so a later build can reuse the bundle only when it is complete.
 * Its bytes depend only on the bundle, so cold and warm builds write the same file.
 */
export interface ShardRecord {
  readonly fingerprint: string;
  readonly articles: number;
  readonly data: FileListing;
  /** Only in the site's main bundle, the one that also holds the search runtime. */
  readonly runtime?: FileListing;
}

export const shardRecordFile = "shard.json";

/** The folder inside `pagefind/` that holds every shard's bundle but the main one, each in a folder named by its id. */
export const shardsFolder = "shards";

export function fileListing(files: readonly BundleFile[]): FileListing {
  return { files: files.length, bytes: files.reduce((sum, file) => sum + file.size, 0), digest: listingDigest(files) };
}

export function sameListing(a: FileListing, b: FileListing): boolean {
  return a.files === b.files && a.bytes === b.bytes && a.digest === b.digest;
}

export async function writeShardRecord(folder: string, fingerprint: string, articles: number, files: BundleFiles, withRuntime: boolean): Promise<ShardRecord> {
  const record: ShardRecord = { fingerprint, articles, data: fileListing(files.data), ...(withRuntime ? { runtime: fileListing(files.runtime) } : {}) };
  await writeFile(path.join(folder, shardRecordFile), `${JSON.stringify(record, null, 1)}\n`);
  return record;
}

/** The record in `folder`, or undefined when there is none or it is not one Dateline wrote. */
export async function readShardRecord(folder: string): Promise<ShardRecord | undefined> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path.join(folder, shardRecordFile), "utf8"));
  } catch {
    return undefined;
  }
  if (typeof data !== "object" || data === null) return undefined;
  const record = data as Record<string, unknown>;
  const listing = asListing(record["data"]);
  const runtime = record["runtime"] === undefined ? undefined : asListing(record["runtime"]);
  if (typeof record["fingerprint"] !== "string" || typeof record["articles"] !== "number" || listing === undefined) return undefined;
  if (record["runtime"] !== undefined && runtime === undefined) return undefined;
  return { fingerprint: record["fingerprint"], articles: record["articles"], data: listing, ...(runtime ? { runtime } : {}) };
}

function asListing(value: unknown): FileListing | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { files, bytes, digest } = value as Record<string, unknown>;
  return typeof files === "number" && typeof bytes === "number" && typeof digest === "string" ? { files, bytes, digest } : undefined;
}

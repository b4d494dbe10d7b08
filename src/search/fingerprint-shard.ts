import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { pageFile } from "./page-file.ts";
import type { ShardPlan } from "./plan-shards.ts";

/** Everything besides the pages that decides what Pagefind writes for a shard. */
export interface IndexSettings {
  readonly pagefindVersion: string;
  readonly forceLanguage: string;
  /** Pagefind's `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE` (see `indexShard`). */
  readonly indexChunkSize: number;
}

// Bumped when Dateline changes what it keeps of a shard's bundle or how it records it.
const shardFormat = 1;

/**
 * SHA-256 (hex) of what a shard's bundle is made from: its pages' URLs and HTML bytes in order,
 * the Pagefind version and the index settings. Equal fingerprints, byte-identical bundles.
 */
export async function fingerprintShard(dir: string, shard: ShardPlan, settings: IndexSettings): Promise<string> {
  const hash = createHash("sha256").update(JSON.stringify({ shardFormat, ...settings }));
  const batch = 64;
  for (let start = 0; start < shard.articles.length; start += batch) {
    const urls = shard.articles.slice(start, start + batch).map((article) => article.url);
    const pages = await Promise.all(urls.map((url) => readFile(pageFile(dir, url))));
    urls.forEach((url, i) => hash.update(`\n${url}\n${createHash("sha256").update(pages[i]!).digest("hex")}`));
  }
  return hash.digest("hex");
}

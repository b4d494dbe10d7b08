import { readFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { outputFile } from "../cache/page-fingerprints.ts";
import { pruneBundle } from "./bundle-files.ts";
import type { IndexSettings } from "./fingerprint-shard.ts";
import type { ShardSources } from "./shard-sources.ts";

/**
 * Indexes one shard's pages (found in `dir` by `sources`) with a Pagefind process of its own,
 * closed afterwards so its memory is bounded by the shard, and writes the bundle to `target`,
 * keeping the search runtime only if `keepRuntime`. Returns how many pages Pagefind read.
 * Pagefind reports problems in `errors` arrays rather than throwing: any of them fails the build.
 */
export async function indexShard(dir: string, sources: ShardSources, target: string, settings: IndexSettings, keepRuntime: boolean): Promise<number> {
  let read = 0;
  try {
    const created = await withChunkSize(settings.indexChunkSize, () => pagefind.createIndex({ forceLanguage: settings.forceLanguage }));
    check("createIndex", created.errors);
    const { index } = created;
    if (index === undefined) throw new Error("Pagefind did not create an index");
    for (const glob of sources.globs) {
      const added = await index.addDirectory({ path: dir, glob });
      check("addDirectory", added.errors);
      read += added.page_count;
    }
    for (const url of sources.urls) {
      check("addHTMLFile", (await index.addHTMLFile({ url, content: await readFile(path.join(dir, outputFile(url)), "utf8") })).errors);
      read++;
    }
    check("writeFiles", (await index.writeFiles({ outputPath: target })).errors);
  } finally {
    await pagefind.close();
  }
  await pruneBundle(target, keepRuntime);
  return read;
}

// A search loads, from every shard, the index chunk that holds each word typed, so chunks an eighth
// of Pagefind's default (20,000 word positions) make a search of a sharded index fetch about as much
// as one of a single index. Pagefind reads the size from its environment only (pagefind/src/options.rs),
// and its Node API starts the process, inheriting ours, inside `createIndex`: set for that call alone.
function withChunkSize<T>(size: number, start: () => T): T {
  const name = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE";
  const before = process.env[name];
  process.env[name] = String(size);
  try {
    return start();
  } finally {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  }
}

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Search indexing failed in Pagefind's ${step}: ${errors.join("; ")}`);
}

import { readFile } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import * as pagefind from "pagefind";
import { outputFile } from "../cache/page-fingerprints.ts";
import { pruneBundle } from "./bundle-files.ts";
import { filesInFlight, type IndexSettings, pagefindInput } from "./fingerprint-shard.ts";

/**
 * Indexes one shard's pages (its article `urls`: what `given` holds of them, see `pagefindInput`, else their files in
 * `dir`) with a Pagefind process of its own, closed afterwards so its memory is bounded by the shard, and writes the
 * bundle to `target`, keeping the search runtime only if `keepRuntime`. Returns how many pages Pagefind read.
 * Pagefind reports problems in `errors` arrays rather than throwing: any of them fails the build.
 */
export async function indexShard(dir: string, urls: readonly string[], target: string, settings: IndexSettings, keepRuntime: boolean, given: ReadonlyMap<string, string> = new Map()): Promise<number> {
  // Pagefind numbers pages in the order it is given them, and a folder it walks comes in the file system's order
  // (ext4 hashes names with a seed of its own, tmpfs lists the newest first): the same pages on another machine
  // made another bundle under the same shard name. So pages go one by one, in URL order, each as the part of it
  // that Pagefind indexes, which is also what the shard's fingerprint is made of.
  const ordered = [...urls].sort();
  // Read while Pagefind's process starts.
  const reading = pLimit(filesInFlight).map(ordered, async (url) => given.get(url) ?? pagefindInput(await readFile(path.join(dir, outputFile(url)), "utf8")));
  reading.catch(() => undefined);
  try {
    const created = await withChunkSize(settings.indexChunkSize, () => pagefind.createIndex({ forceLanguage: settings.forceLanguage }));
    check("createIndex", created.errors);
    const { index } = created;
    if (index === undefined) throw new Error("Pagefind did not create an index");
    const pages = await reading;
    // Sent all at once: Pagefind's service takes them in turn, in the order sent.
    const added = await Promise.all(ordered.map((url, i) => index.addHTMLFile({ url, content: pages[i]! })));
    for (const { errors } of added) check("addHTMLFile", errors);
    check("writeFiles", (await index.writeFiles({ outputPath: target })).errors);
  } finally {
    await pagefind.close();
  }
  await pruneBundle(target, keepRuntime);
  return ordered.length;
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

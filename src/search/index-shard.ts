import { readFileSync } from "node:fs";
import * as pagefind from "pagefind";
import { pruneBundle } from "./bundle-files.ts";
import { type IndexSettings, pagefindInput } from "./fingerprint-shard.ts";
import { HandedPages } from "./handed-pages.ts";
import { pageFile } from "./read-page.ts";

/**
 * Indexes one shard's pages (its article `urls`: what `pages` holds or is promised of them, else their files in
 * `dirs`, see `pageFile`) with a Pagefind process of its own, closed afterwards so its memory is bounded by the shard, and writes the
 * bundle to `target`, keeping the search runtime only if `keepRuntime`. Pages go to Pagefind as soon as they and those
 * before them are at hand, so a shard started before its last pages are rendered indexes the others meanwhile.
 * Returns how many pages Pagefind read. Pagefind reports problems in `errors` arrays rather than throwing: any of
 * them fails the build; `pages` cancelled fails the shard.
 */
export async function indexShard(dirs: readonly string[], urls: readonly string[], target: string, settings: IndexSettings, keepRuntime: boolean, pages = new HandedPages(new Map())): Promise<number> {
  // Pagefind numbers pages in the order it is given them, and a folder it walks comes in the file system's order
  // (ext4 hashes names with a seed of its own, tmpfs lists the newest first): the same pages on another machine
  // made another bundle under the same shard name. So pages go one by one, in URL order, each as the part of it
  // that Pagefind indexes, which is also what the shard's fingerprint is made of.
  const ordered = [...urls].sort();
  // Cancelled: Pagefind's process is closed at once, which fails whatever was asked of it.
  const stop = (): void => void pagefind.close();
  pages.signal.addEventListener("abort", stop);
  try {
    // Its process starts at once, and boots while the pages are read.
    const creating = withChunkSize(settings.indexChunkSize, () => pagefind.createIndex({ forceLanguage: settings.forceLanguage }));
    // Read synchronously, in one go: 100-110 ms for a shard of 1,900 small pages, against 240-340 ms through
    // fs/promises. The indexer has a worker thread of its own, except on one core, where it shares the main thread.
    const inputs = ordered.map(async (url) => (await pages.input(url)) ?? pagefindInput(readFileSync(pageFile(dirs, url), "utf8")));
    for (const input of inputs) input.catch(() => undefined);
    const created = await creating;
    check("createIndex", created.errors);
    const { index } = created;
    if (index === undefined) throw new Error("Pagefind did not create an index");
    // Sent without waiting for Pagefind's answers: its service takes them in turn, in the order sent.
    const added = [];
    for (const [i, url] of ordered.entries()) {
      const content = await inputs[i]!;
      // Asked of a closed Pagefind, the API would start another process.
      pages.signal.throwIfAborted();
      const result = index.addHTMLFile({ url, content });
      // Left unanswered if a later page fails and Pagefind is closed.
      result.catch(() => undefined);
      added.push(result);
    }
    for (const { errors } of await Promise.all(added)) check("addHTMLFile", errors);
    pages.signal.throwIfAborted();
    check("writeFiles", (await index.writeFiles({ outputPath: target })).errors);
  } catch (cause) {
    // Not "Pagefind backend closed": why it was.
    throw pages.signal.aborted ? pages.signal.reason : cause;
  } finally {
    pages.signal.removeEventListener("abort", stop);
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

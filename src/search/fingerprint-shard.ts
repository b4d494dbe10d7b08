import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import pLimit from "p-limit";
import type { ShardPlan } from "./plan-shards.ts";
import { pageFile } from "./read-page.ts";

/** Everything besides the pages that decides what Pagefind writes for a shard. */
export interface IndexSettings {
  readonly pagefindVersion: string;
  readonly forceLanguage: string;
  /** Pagefind's `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE` (see `indexShard`). */
  readonly indexChunkSize: number;
}

// Pages read at once through the thread pool: enough to keep it busy.
export const filesInFlight = 64;

// Bumped when Dateline changes how it indexes a shard, what it keeps of the bundle or how it records it
// (3: pages handed over in URL order, not walked).
const shardFormat = 3;

/**
 * SHA-256 (hex) of what a shard's bundle is made from: its pages' URLs and the part of each page
 * Pagefind reads (see `indexedPart`) in order, the Pagefind version and the index settings. Equal
 * fingerprints, byte-identical bundles. `digests` holds the `pageDigest` of pages already known (rendered
 * in this build, or unchanged since the last one); the others are read from `dirs` (see `pageFile`), and added to it.
 */
export async function fingerprintShard(dirs: readonly string[], shard: ShardPlan, settings: IndexSettings, digests: Map<string, string>): Promise<string> {
  const hash = createHash("sha256").update(JSON.stringify({ shardFormat, ...settings }));
  const unknown = shard.articles.filter(({ url }) => !digests.has(url));
  await pLimit(filesInFlight).map(unknown, async ({ url }) => {
    digests.set(url, pageDigest(await readFile(pageFile(dirs, url), "utf8")));
  });
  for (const { url } of shard.articles) hash.update(`\n${url}\n${digests.get(url) ?? ""}`);
  return hash.digest("hex");
}

/** SHA-256 (hex) of the part of a page Pagefind indexes. */
export function pageDigest(html: string): string {
  return digestOf(indexedPart(html));
}

/** What Pagefind is given of a page and its `pageDigest`, from one search of the page. */
export function indexedPage(html: string): { readonly input: string; readonly digest: string } {
  const part = indexedPart(html);
  return { input: inputOf(html, part), digest: digestOf(part) };
}

/** What Pagefind is given of a page: its indexed part, as a document of its own when that is not the whole page. */
export function pagefindInput(html: string): string {
  return inputOf(html, indexedPart(html));
}

// Copied through a buffer: V8 keeps a slice of a string as a view of the whole, and a kept input would hold its whole page.
const inputOf = (html: string, part: string): string => (part === html ? html : Buffer.from(`<html><body>${part}</body></html>`).toString());

const digestOf = (part: string): string => createHash("sha256").update(part).digest("hex");

const bodyElement = /<([a-z][a-z0-9-]*)\b[^>]*\sdata-pagefind-body\b[^>]*>/gi;
// What Pagefind takes from anywhere on a page: `data-pagefind-*` attributes, the title from the first
// `h1`, the image from the first `img` after it (https://pagefind.app/docs/metadata/).
const readAnywhere = /data-pagefind-|<h1[\s>]|<img[\s>]/i;

/**
 * The part of a page that Pagefind indexes: its one `data-pagefind-body` element, when nothing outside
 * it can reach the index, else the whole page. An article's related stories and its older and newer
 * neighbours sit outside: a new article changes them on dozens of pages, and no shard needs indexing for that.
 */
export function indexedPart(html: string): string {
  // Searched in place, not in copies of the page (lower-cased, or joined around the body): 9,582 article pages
  // took 180 ms so, against 290 ms.
  bodyElement.lastIndex = 0;
  const start = bodyElement.exec(html);
  if (start === null || bodyElement.exec(html) !== null) return html;
  const tag = start[1]!.toLowerCase();
  const closing = new RegExp(`</${tag}>`, "gi");
  closing.lastIndex = start.index + start[0].length;
  const close = closing.exec(html);
  if (close === null) return html;
  const end = close.index + close[0].length;
  const body = html.slice(start.index, end);
  // A nested element of the same name would end the body early.
  if (new RegExp(`<${tag}[\\s>]`, "i").test(body.slice(start[0].length))) return html;
  return readAnywhere.test(html.slice(0, start.index)) || readAnywhere.test(html.slice(end)) ? html : body;
}

import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pLimit from "p-limit";
import type { Site } from "../article.ts";
import { bundleFiles } from "./bundle-files.ts";
import { fingerprintShard, indexedPage, type IndexSettings } from "./fingerprint-shard.ts";
import { HandedPages } from "./handed-pages.ts";
import { indexShard } from "./index-shard.ts";
import { defaultShardSize, planShards, type ShardArticle } from "./plan-shards.ts";
import { recordedBundles, reuseShard } from "./reuse-shard.ts";
import { ShardIndexers, type ShardRun } from "./shard-indexers.ts";
import { shardsFolder, writeShardRecord } from "./shard-record.ts";

/** How to index. */
export interface IndexOptions {
  /** The published site this build replaces: shards whose pages have not changed are copied from it. */
  readonly previous?: string;
  /** The `pageDigest` of article pages known to be unchanged since the last build, which saves reading them. */
  readonly digests?: ReadonlyMap<string, string>;
  /** Articles per shard (tests use small ones); defaults to `DATELINE_SEARCH_SHARD_SIZE`, then 2,000. */
  readonly shardSize?: number;
  /** Article pages whose files are in place before the render (taken from the last build), as `written` says. */
  readonly written?: Iterable<string>;
  /**
   * URLs of articles new or changed since the last build (their seeds were parsed again). A shard holding one most
   * likely changes, so it starts indexing at once, beside the render, and is handed its other pages as they are
   * rendered; if its fingerprint, known once they all are, shows the last build's bundle still fits, that is kept.
   */
  readonly changed?: ReadonlySet<string>;
  /**
   * The search digests the last build recorded for its article pages, by URL, when a build starts indexing before it
   * knows which of them it will take over (see `written`): a shard begun for a changed article then reads its other
   * pages from the published site at once, and is indexed again if any of them turns out to give the index another part.
   */
  readonly lastDigests?: ReadonlyMap<string, string>;
}

/** What indexing the built site did. */
export interface IndexSummary {
  /** HTML pages Pagefind read in this build: the articles of the shards it indexed. */
  readonly pages: number;
  /** Pages in the index: only those with `data-pagefind-body`, the articles. */
  readonly searchable: number;
  readonly shards: number;
  /** Shards copied from the previous site instead of indexed again. */
  readonly reused: number;
  /** Files in `pagefind/`. */
  readonly files: number;
  /** The `pageDigest` of every article page, by URL, for the next build's `digests`. */
  readonly digests: ReadonlyMap<string, string>;
}

/** One shard as `pagefind/shards.json` lists it for the search page, newest first. */
export interface ShardEntry {
  /** First 16 hex digits of the shard's fingerprint. */
  readonly id: string;
  /** Its bundle folder inside `pagefind/`: `""` for the newest, the main bundle, else `shards/<id>/`. */
  readonly path: string;
  readonly from: string;
  readonly to: string;
  readonly articles: number;
}

// Pagefind processes at once: each holds one shard's index, up to ~330 MiB at 114,258 articles.
const maxIndexers = 4;

// Word positions per index chunk (see `indexShard`): measured at 10,000 articles in 5 shards, a typed
// query fetched 22–65 KB with 2,500 against 57–261 KB with Pagefind's default of 20,000.
const indexChunkSize = 2500;

/** Indexes shards as their pages are rendered, one Pagefind process at a time, beside the render. */
export interface SearchIndexer {
  /**
   * Says these pages' files are written: a shard starts indexing once all of its pages are known. `digests` gives the
   * `pageDigest` of those known without reading them (taken over from the last build).
   */
  written(urls: Iterable<string>, digests?: ReadonlyMap<string, string>): void;
  /**
   * Says this page is rendered, as `html`: what the index needs of it is taken from there, so its file need not be
   * written yet (the render calls this before Eleventy writes it, so that a shard starts on its last page).
   */
  rendered(url: string, html: string): void;
  /** Says the render is done: indexes what is left, then writes `pagefind/shards.json`. */
  finish(): Promise<IndexSummary>;
  /** Says the build failed: starts no more shards, and settles once the Pagefind processes at work have ended. */
  abandon(): Promise<void>;
}

/**
 * Starts the search index of the site being rendered into `dir`: one Pagefind bundle in
 * `<dir>/pagefind/` per shard of consecutive articles (see `planShards`), each indexed by a
 * Pagefind process of its own so memory stays bounded, or copied from `options.previous` when its
 * pages have not changed. The newest shard is the main bundle at `pagefind/` (with `pagefind.js`);
 * the others sit in `pagefind/shards/<id>/` (files that never change under that name, so hosts may
 * cache them for good), and `pagefind/shards.json` lists them all for the search page.
 * Shards are indexed as `written` and `rendered` complete them, so indexing can overlap the render.
 */
export function startIndexing(dir: string, site: Site, articles: readonly ShardArticle[], options: IndexOptions = {}): SearchIndexer {
  const plans = planShards(articles, options.shardSize ?? shardSizeFromEnvironment() ?? defaultShardSize);
  // An empty archive still gets an (empty) bundle, so the search page loads and finds nothing.
  if (plans.length === 0) plans.push({ articles: [], from: "", to: "" });
  const bundle = path.join(dir, "pagefind");
  const previous = options.previous === undefined ? undefined : path.join(options.previous, "pagefind");
  const waiting = plans.map((plan) => new Set(plan.articles.map((article) => article.url)));
  const shardOf = new Map(plans.flatMap((plan, i) => plan.articles.map((article) => [article.url, i] as const)));
  const entries: ShardEntry[] = new Array(plans.length);
  // Files: each shard's `shard.json`, and `shards.json`; its bundle's files are added as it is placed.
  const done = { pages: 0, reused: 0, searchable: 0, files: plans.length + 1 };
  const digests = new Map(options.digests);
  // What Pagefind is given of pages rendered but maybe not yet written, by URL: kept until their files are written,
  // or their shard is indexed (then handed over) or reused, so it holds a run's pages at most.
  const inputs = new Map<string, string>();
  const take = (urls: readonly string[]): Map<string, string> => {
    const taken = new Map<string, string>();
    for (const url of urls) {
      const input = inputs.get(url);
      if (input === undefined) continue;
      taken.set(url, input);
      inputs.delete(url);
    }
    return taken;
  };
  let abandoned = false;
  // Shards are indexed side by side, each by a Pagefind process in a worker thread of its own: one core
  // fewer than there are while the render runs, which has a core's worth of work itself, then every core.
  const parallel = Math.max(1, Math.min(availableParallelism(), maxIndexers, plans.length));
  const indexers = parallel > 1 ? new ShardIndexers(parallel) : undefined;
  // A page not known unchanged may change its shard, which is then indexed again.
  if (articles.some((article) => !digests.has(article.url))) indexers?.prestart();
  const slot = pLimit(Math.max(1, parallel - 1));

  // Fingerprints are made one at a time, in a chain, so that reading and hashing the next shard's pages
  // overlaps Pagefind (or copying) on this one; then each bundle is copied from the last build, or indexed
  // when a slot is free. A failure is thrown by `finish`; meanwhile it must not go unhandled.
  const placed: Promise<void>[] = [];
  let fingerprints: Promise<unknown> = Promise.resolve();
  const after = <T>(chain: Promise<unknown>, step: () => Promise<T>): Promise<T> => {
    const next = chain.then(step);
    next.catch(() => undefined);
    return next;
  };
  // One language for the whole archive: Pagefind would otherwise split pages by `<html lang>` region.
  const settings = after(fingerprints, async (): Promise<IndexSettings> => ({ pagefindVersion: await pagefindVersion(), forceLanguage: site.lang.split("-")[0] ?? "en", indexChunkSize }));
  fingerprints = settings;
  const prepared = after(Promise.resolve(), async () => {
    await rm(bundle, { recursive: true, force: true });
    await mkdir(bundle);
  });
  const start = (i: number): void => {
    const plan = plans[i]!;
    const fingerprint = after(fingerprints, async () => fingerprintShard(dir, plan, await settings, digests));
    fingerprints = fingerprint;
    const place = (async () => {
      await prepared;
      if (abandoned) return;
      const main = i === 0;
      const id = (await fingerprint).slice(0, 16);
      const folder = path.join(bundle, shardsFolder, id);
      const recorded = previous === undefined ? [] : await recordedBundles(previous, id, await fingerprint, main);
      let files = reuseShard(recorded, folder, main);
      const speculation = speculations.get(i);
      if (files !== undefined) {
        done.reused++;
        take(plan.articles.map((article) => article.url));
        if (speculation) await giveUp(speculation);
      } else {
        let read = await (speculation === undefined ? index(i, folder) : speculated(speculation));
        if (abandoned) return;
        if (read === undefined) read = await index(i, folder);
        else if (speculation) {
          await mkdir(path.dirname(folder), { recursive: true });
          await rename(speculation.folder, folder);
        }
        // Awaited before the sum is read: `done.pages += await …` would add to a value read before another shard's.
        done.pages += read;
        files = bundleFiles(folder);
      }
      await writeShardRecord(folder, await fingerprint, plan.articles.length, files, main);
      done.files += files.data.length + files.runtime.length;
      const searchable = await pageCount(folder);
      done.searchable += searchable;
      entries[i] = { id, path: main ? "" : `${shardsFolder}/${id}/`, from: plan.from, to: plan.to, articles: plan.articles.length };
    })();
    place.catch(() => undefined);
    placed.push(place);
  };
  // A shard holding an article changed since the last build starts at once, beside the render (see `changed`), in
  // a folder of its own until its fingerprint names it; it is given up if the last build's bundle still fits.
  interface Speculation {
    readonly folder: string;
    /** Pages read from the published site before the page plan said whether they change, with the last build's digest of each. */
    readonly provisional: ReadonlyMap<string, string>;
    done: Promise<number>;
    run?: ShardRun;
    cancelled?: boolean;
  }
  const speculations = new Map<number, Speculation>();
  // Indexes shard `i` into `target` once a slot is free (only indexing takes one: a shard to index again need not
  // wait for others being copied). The pages rendered but maybe not written go with it, taken then; those still to
  // be rendered are promised to a speculation; the worker reads the others.
  const index = async (i: number, target: string, speculation?: Speculation): Promise<number> => {
    const indexSettings = await settings;
    return slot(() => {
      if (abandoned || speculation?.cancelled) return 0;
      const urls = plans[i]!.articles.map((article) => article.url);
      const given = take(urls);
      if (indexers === undefined) return indexShard(dir, urls, target, indexSettings, i === 0, new HandedPages(given));
      // Provisional pages are read from the published site, where their files are as they were; the rest wait for the render.
      const provisional = speculation?.provisional ?? new Map<string, string>();
      const promised = [...waiting[i]!].filter((url) => !provisional.has(url));
      const run = indexers.run([provisional.size > 0 ? (options.previous ?? dir) : dir, urls, target, indexSettings, i === 0, given, promised]);
      if (speculation) speculation.run = run;
      return run.done;
    });
  };
  const speculate = (i: number): void => {
    const lastDigests = options.lastDigests ?? new Map<string, string>();
    const provisional = new Map(
      plans[i]!.articles.flatMap(({ url }) => {
        const digest = lastDigests.get(url);
        return digest !== undefined && waiting[i]!.has(url) && !(options.changed?.has(url) ?? false) ? [[url, digest] as const] : [];
      }),
    );
    const speculation: Speculation = { folder: path.join(bundle, `.shard-${i}`), provisional, done: Promise.resolve(0) };
    speculation.done = after(prepared, () => index(i, speculation.folder, speculation));
    speculations.set(i, speculation);
  };
  const stop = (speculation: Speculation): void => {
    speculation.cancelled = true;
    speculation.run?.cancel();
  };
  // What a speculation read; undefined, its bundle thrown away, when a page it read before the render turned out to give
  // the index another part now (or was gone from the published site), so the shard must be indexed again.
  const speculated = async (speculation: Speculation): Promise<number | undefined> => {
    const read = await (speculation.provisional.size > 0 ? speculation.done.catch(() => undefined) : speculation.done);
    if (read !== undefined && [...speculation.provisional].every(([url, digest]) => digests.get(url) === digest)) return read;
    await rm(speculation.folder, { recursive: true, force: true });
    return undefined;
  };
  const giveUp = async (speculation: Speculation): Promise<void> => {
    stop(speculation);
    await speculation.done.catch(() => undefined);
    await rm(speculation.folder, { recursive: true, force: true });
  };
  // Waits for every shard started, then stops the workers.
  const settle = async (): Promise<void> => {
    await Promise.allSettled([...placed, ...[...speculations.values()].map((speculation) => speculation.done)]);
    await indexers?.close();
  };
  // `input`, if given, is handed to the shard's speculation, if it runs (else the page's file is read).
  const known = (url: string, i: number, input?: string): void => {
    if (!waiting[i]!.delete(url)) return;
    speculations.get(i)?.run?.hand(url, input);
    if (waiting[i]!.size === 0) start(i);
  };
  const written = (urls: Iterable<string>, taken?: ReadonlyMap<string, string>): void => {
    for (const url of urls) {
      const i = shardOf.get(url);
      if (i === undefined) continue;
      const digest = taken?.get(url);
      if (digest !== undefined) digests.set(url, digest);
      inputs.delete(url);
      known(url, i);
    }
  };
  waiting.forEach((pages, i) => {
    if (pages.size === 0) start(i);
  });
  written(options.written ?? []);
  const { changed } = options;
  if (indexers && previous !== undefined && changed !== undefined) {
    plans.forEach((plan, i) => {
      if (waiting[i]!.size > 0 && plan.articles.some((article) => changed.has(article.url))) speculate(i);
    });
  }

  return {
    written,
    rendered(url, html) {
      const i = shardOf.get(url);
      if (i === undefined) return;
      const { input, digest } = indexedPage(html);
      digests.set(url, digest);
      // Kept for the shard until it starts, or handed to it if it runs already; kept too if that run may be thrown
      // away (it read pages provisionally), since the shard is then indexed again, maybe before the file is written.
      const speculation = speculations.get(i);
      if (speculation?.run === undefined || speculation.provisional.size > 0) inputs.set(url, input);
      known(url, i, input);
    },
    async finish() {
      slot.concurrency = parallel;
      for (const [url, i] of shardOf) known(url, i);
      try {
        await Promise.all(placed);
      } finally {
        await settle();
      }
      // The main bundle moves up to `pagefind/`, where `pagefind.js` looks for its index.
      const main = path.join(bundle, shardsFolder, entries[0]!.id);
      for (const name of await readdir(main)) await rename(path.join(main, name), path.join(bundle, name));
      await rmdir(main);
      if (entries.length === 1) await rmdir(path.join(bundle, shardsFolder));
      await writeFile(path.join(bundle, "shards.json"), `${JSON.stringify({ shards: entries })}\n`);
      return { ...done, shards: entries.length, digests };
    },
    async abandon() {
      abandoned = true;
      inputs.clear();
      speculations.forEach(stop);
      await settle();
    },
  };
}

async function pageCount(folder: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(folder, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

async function pagefindVersion(): Promise<string> {
  // The package's exports hide package.json, so it is read beside the resolved entry point.
  const entry = fileURLToPath(import.meta.resolve("pagefind"));
  return (JSON.parse(await readFile(path.join(path.dirname(entry), "..", "package.json"), "utf8")) as { version: string }).version;
}

/** `DATELINE_SEARCH_SHARD_SIZE`: articles per shard, for tests that need a multi-shard index from a small site. */
function shardSizeFromEnvironment(): number | undefined {
  const value = process.env["DATELINE_SEARCH_SHARD_SIZE"];
  if (value === undefined || value === "") return undefined;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 2) throw new Error(`DATELINE_SEARCH_SHARD_SIZE must be a whole number of at least 2, not "${value}"`);
  return size;
}

import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import type { Archive, Article, Site } from "../article.ts";
import { seedRecord, type SeedRecord, type SeedTimings } from "./seed-record.ts";
import { SeedWorkers } from "./seed-workers.ts";
import { checkImages } from "./article-images.ts";
import { collectArchive } from "../collect/index.ts";
import type { EntityFixes } from "../collect/entity-fixes.ts";
import type { EnrichOptions } from "../enrich/index.ts";
import { error, type Problem } from "../errors.ts";
import { findSeeds, maxSeedBytes, type SeedFile } from "../parse/index.ts";
import { type RecordStore, seedKey } from "./record-store.ts";
import { readUrlRegistry, type UrlRegistrySource } from "./url-registry-file.ts";

/** How to load: where names are relative to, and whether to reuse earlier builds' work. */
export interface LoadOptions {
  readonly cwd?: string;
  /**
   * The store of seeds parsed and enriched before (the build cache's, see BuildCache.records): seeds whose bytes it
   * has seen are not parsed or enriched again, and it is filled with the others and saved while the build goes on.
   */
  readonly records?: RecordStore;
  /** Worker threads that parse and enrich; by default one per core but one when many seeds need it, else none. */
  readonly threads?: number;
  /** Keep seeds whose front matter says `draft: true` (`--drafts`); by default they are left out. */
  readonly drafts?: boolean;
  /** How articles are enriched (`--us-wire`); part of each cached record's key. */
  readonly enrich?: EnrichOptions;
  /** The site project's URL registry (`dateline.urls.tsv`): its URLs are kept. Without one, every URL is derived afresh. */
  readonly urlRegistry?: UrlRegistrySource;
  /** The site project's entity fixes, applied at collect, after the cached records. */
  readonly entityFixes?: EntityFixes;
  /** Told after each batch how many seeds are parsed or taken from the cache, of how many. */
  readonly onSeeds?: (done: number, total: number) => void;
}

/** What loading the seeds gave: the archive of every good seed, and every problem found. */
export interface LoadResult {
  readonly archive: Archive;
  readonly problems: readonly Problem[];
  readonly seeds: number;
  /** Seeds taken from the cache, neither parsed nor enriched. */
  readonly cached: number;
  /** Worker threads that parsed and enriched. */
  readonly threads: number;
  /** Seeds left out because they have errors. */
  readonly skipped: number;
  /** Seeds left out as duplicates of another. */
  readonly duplicates: number;
  /** Seeds left out as drafts (`draft: true`, without `--drafts`). */
  readonly drafts: number;
  /** Seconds: parse is the wall time of reading, parsing and enriching; enrich the part of it spent enriching, summed over threads. */
  readonly timings: Readonly<Record<"parse" | "enrich" | "collect", number>>;
  /** Why the cache was not used, if so. */
  readonly cacheNote?: string;
  /** The cache being written while the build goes on: says why it could not be, if so. Never rejects. */
  readonly cacheSaved: Promise<string | undefined>;
  /**
   * Each article as parsed and enriched, by its seed's cache key (a hash of its bytes and names): with Dateline's
   * code version, a fingerprint of the article, known without serialising it. Articles collect changed are not here.
   */
  readonly articleKeys: ReadonlyMap<Article, string>;
  /** URLs of the articles whose seeds were parsed, not taken from the cache: new or changed since it was saved. */
  readonly parsedUrls: ReadonlySet<string>;
}

// Seeds per message to a worker: large enough to make messaging cheap, small enough to share work evenly.
const batchSize = 64;
// A worker loads the parsers again before it parses anything, so few seeds are parsed sooner without one: at
// 1,000 seeds, 0.77 s with a worker against 0.66 s without (medians of 4 compiled builds).
const threadsFrom = 3000;

interface Batch {
  readonly indexes: number[];
  readonly seeds: SeedFile[];
  readonly bytes: Uint8Array[];
  readonly keys: string[];
}

/** Runs seeds → parse → enrich → collect over a seeds folder, checking every seed. */
export async function loadArchive(seedsDir: string, site: Site, options: LoadOptions = {}): Promise<LoadResult> {
  const started = performance.now();
  const found = await findSeeds(seedsDir, options.cwd ?? process.cwd());
  const { seeds } = found;
  const parsed = await parseSeeds(seedsDir, seeds, options);
  const problems: Problem[] = [...found.problems, ...parsed.records.flatMap((record) => record.problems)];
  const good = parsed.records.flatMap((record) => (record.article ? [record.article] : []));
  // Drafts are parsed and checked as any seed (and cached), then left out here, so --drafts needs no parse again.
  const published = options.drafts === true ? good : good.filter((article) => article.draft !== true);
  const articleKeys = new Map<Article, string>();
  parsed.records.forEach((record, i) => {
    const key = parsed.keys[i];
    if (record.article && key !== undefined) articleKeys.set(record.article, key);
  });
  const afterParse = performance.now();

  const display = new Map(seeds.map((seed) => [seed.source, seed.file]));
  const fileOf = (source: string): string => display.get(source) ?? path.join(seedsDir, source);
  const images = checkImages(published, seedsDir, fileOf);
  problems.push(...images.problems);
  const { articles } = images;
  const registry = options.urlRegistry === undefined ? undefined : readUrlRegistry(options.urlRegistry, site);
  problems.push(...(registry?.problems ?? []));
  const collected = collectArchive(articles, site, fileOf, registry?.registry, options.entityFixes);
  problems.push(...collected.problems);
  const afterCollect = performance.now();
  // By seed: collect may give an article another URL.
  const parsedSources = new Set(parsed.records.flatMap((record, i) => (record.article && !parsed.hits[i] ? [record.article.source] : [])));

  return {
    archive: collected.archive,
    problems,
    seeds: seeds.length,
    cached: parsed.hits.filter(Boolean).length,
    threads: parsed.threads,
    skipped: seeds.length - good.length + (published.length - articles.length),
    drafts: good.length - published.length,
    duplicates: collected.problems.filter((problem) => problem.id === "duplicate-article").length,
    timings: {
      parse: (afterParse - started) / 1000,
      enrich: parsed.timings.enrich,
      collect: (afterCollect - afterParse) / 1000,
    },
    ...(parsed.cacheNote !== undefined ? { cacheNote: parsed.cacheNote } : {}),
    cacheSaved: parsed.saved,
    articleKeys,
    parsedUrls: new Set(collected.archive.articles.flatMap((article) => (parsedSources.has(article.source) ? [article.url] : []))),
  };
}

/**
 * Reads, parses and enriches every seed, or takes its record from the cache, and starts saving the cache. Its own
 * function so the cache (the JSON of every record) can be freed once saved, while collect builds the pages.
 */
async function parseSeeds(
  seedsDir: string,
  seeds: readonly SeedFile[],
  options: LoadOptions,
): Promise<{ records: SeedRecord[]; keys: (string | undefined)[]; hits: boolean[]; threads: number; timings: SeedTimings; cacheNote?: string; saved: Promise<string | undefined> }> {
  const cache = options.records;
  const toParse = seeds.length - (cache?.size ?? 0);
  // One worker per core but one: the main thread parses too, between reading files and taking the workers' results.
  const threads = options.threads ?? (toParse >= threadsFrom ? Math.max(1, availableParallelism() - 1) : 0);
  const workers = threads > 0 ? new SeedWorkers(threads) : undefined;
  const timings: SeedTimings = { parse: 0, enrich: 0 };

  // Reading is synchronous: for thousands of small files it is several times faster than fs/promises.
  // The main thread reads and parses too, so no core waits while the workers start.
  const records: SeedRecord[] = new Array<SeedRecord>(seeds.length);
  const keys: (string | undefined)[] = new Array<string | undefined>(seeds.length);
  let cursor = 0;
  let done = 0;
  const progressed = (count: number): void => {
    done += count;
    options.onSeeds?.(done, seeds.length);
  };
  const hits: boolean[] = new Array<boolean>(seeds.length).fill(false);
  const next = (): Batch | undefined => {
    const batch: Batch = { indexes: [], seeds: [], bytes: [], keys: [] };
    while (cursor < seeds.length && batch.indexes.length < batchSize) {
      const i = cursor++;
      const seed = seeds[i] as SeedFile;
      let bytes: Uint8Array;
      try {
        bytes = readSeed(path.join(seedsDir, seed.source));
      } catch (cause) {
        const reason = cause instanceof Error ? cause.message : String(cause);
        records[i] = { problems: [error("unreadable-file", seed.file, 1, 1, `Unexpected read failure: ${reason}`)] };
        progressed(1);
        continue;
      }
      const key = seedKey(seed, bytes, options.enrich);
      keys[i] = key;
      const hit = cache?.get(key);
      if (hit) {
        records[i] = hit;
        hits[i] = true;
        progressed(1);
        continue;
      }
      batch.indexes.push(i);
      batch.seeds.push(seed);
      batch.bytes.push(bytes);
      batch.keys.push(key);
    }
    return batch.indexes.length > 0 ? batch : undefined;
  };
  const inThisThread = async (): Promise<void> => {
    for (let batch = next(); batch; batch = next()) {
      batch.seeds.forEach((seed, i) => {
        const record = seedRecord(batch.bytes[i] as Uint8Array, seed, timings, options.enrich);
        if (cache) {
          // Through JSON, as records from the workers and the cache come: the same shape whichever made it.
          const text = JSON.stringify(record);
          records[batch.indexes[i] as number] = JSON.parse(text) as SeedRecord;
          cache.set(batch.keys[i] as string, text);
        } else {
          records[batch.indexes[i] as number] = record;
        }
      });
      progressed(batch.indexes.length);
      // Lets the workers' answers in, so they get their next batch.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const inWorkers = async (pool: SeedWorkers): Promise<void> => {
    for (let batch = next(); batch; batch = next()) {
      const json = await pool.run(batch.seeds, batch.bytes, options.enrich ?? {});
      json.forEach((text, i) => {
        records[batch.indexes[i] as number] = JSON.parse(text) as SeedRecord;
        cache?.set(batch.keys[i] as string, text);
      });
      progressed(batch.indexes.length);
    }
  };
  try {
    // Two batches in flight per worker, so none waits for the main thread between batches.
    await Promise.all([...(workers ? Array.from({ length: threads * 2 }, () => inWorkers(workers)) : []), inThisThread()]);
  } finally {
    await workers?.close();
  }
  if (workers) {
    timings.parse += workers.timings.parse;
    timings.enrich += workers.timings.enrich;
  }
  // Not awaited: the file is written while collect and render run.
  const saved = cache === undefined ? Promise.resolve(undefined) : saveCache(cache);
  const cacheNote = cache?.discarded !== undefined ? `record cache ignored: ${cache.discarded}` : undefined;
  return { records, keys, hits, threads, timings, saved, ...(cacheNote !== undefined ? { cacheNote } : {}) };
}

/**
 * A seed's bytes; of a file larger than any seed, only the first `maxSeedBytes` + 1, which `parseSeed` refuses as too
 * large: a multi-gigabyte file left in the seeds folder must not be read into memory whole.
 */
function readSeed(file: string): Uint8Array {
  const fd = openSync(file, "r");
  try {
    if (fstatSync(fd).size <= maxSeedBytes) return readFileSync(fd);
    const head = Buffer.alloc(maxSeedBytes + 1);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** True when any of the problems is an error rather than a warning. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === "error");
}

/** Saves the cache; a cache that cannot be written costs the next build time, not this one its output. */
async function saveCache(cache: RecordStore): Promise<string | undefined> {
  try {
    await cache.save();
    return undefined;
  } catch (cause) {
    return `record cache not saved: ${cause instanceof Error ? cause.message : String(cause)}`;
  }
}

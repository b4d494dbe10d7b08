import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Archive, Article, Site } from "./article.ts";
import { collectArchive } from "./collect/index.ts";
import { enrichArticle } from "./enrich/index.ts";
import { error, type Problem } from "./errors.ts";
import { listSeeds, parseSeed, type ParseResult } from "./parse/index.ts";

/** What loading the seeds gave: the archive of every good seed, and every problem found. */
export interface LoadResult {
  readonly archive: Archive;
  readonly problems: readonly Problem[];
  readonly seeds: number;
  /** Seeds left out because they have errors. */
  readonly skipped: number;
  /** Seeds left out as duplicates of another. */
  readonly duplicates: number;
  /** Seconds spent in each stage. */
  readonly timings: Readonly<Record<"parse" | "enrich" | "collect", number>>;
}

// Enough reads in flight to hide disk latency without holding thousands of file handles.
const concurrency = 64;

/** Runs seeds → parse → enrich → collect over a seeds folder, checking every seed. */
export async function loadArchive(seedsDir: string, site: Site, cwd = process.cwd()): Promise<LoadResult> {
  const started = performance.now();
  const seeds = await listSeeds(seedsDir, cwd);
  const results = await mapLimit(seeds, concurrency, async (seed): Promise<ParseResult> => {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path.join(seedsDir, seed.source));
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      return { problems: [error("unreadable-file", seed.file, 1, 1, `Unexpected read failure: ${reason}`)] };
    }
    return parseSeed(bytes, seed);
  });
  const problems: Problem[] = results.flatMap((result) => result.problems);
  const parsed = results.flatMap((result) => (result.article && !hasErrors(result.problems) ? [result.article] : []));
  const afterParse = performance.now();

  const articles: Article[] = parsed.map(enrichArticle);
  const afterEnrich = performance.now();

  const display = new Map(seeds.map((seed) => [seed.source, seed.file]));
  const fileOf = (source: string): string => display.get(source) ?? path.join(seedsDir, source);
  const collected = collectArchive(articles, site, fileOf);
  problems.push(...collected.problems);
  const afterCollect = performance.now();

  return {
    archive: collected.archive,
    problems,
    seeds: seeds.length,
    skipped: seeds.length - parsed.length,
    duplicates: collected.problems.filter((problem) => problem.id === "duplicate-article").length,
    timings: {
      parse: (afterParse - started) / 1000,
      enrich: (afterEnrich - afterParse) / 1000,
      collect: (afterCollect - afterEnrich) / 1000,
    },
  };
}

/** True when any of the problems is an error rather than a warning. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === "error");
}

/** Maps with at most `limit` calls in flight; results keep the input order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await map(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

import type { Article } from "../article.ts";
import { enrichArticle } from "../enrich/index.ts";
import type { Problem } from "../errors.ts";
import { parseSeed, type SeedFile } from "../parse/index.ts";

/** What one seed gives: its article when it has no errors, and every problem found. */
export interface SeedRecord {
  readonly problems: readonly Problem[];
  readonly article?: Article;
}

/** Seconds spent in each step of one or more seed records. */
export interface SeedTimings {
  parse: number;
  enrich: number;
}

/** seed → parse → enrich for one seed: a pure function of its bytes, its names and Dateline's code, so it can be cached. */
export function seedRecord(bytes: Uint8Array, seed: SeedFile, timings: SeedTimings): SeedRecord {
  const started = performance.now();
  const parsed = parseSeed(bytes, seed);
  const afterParse = performance.now();
  timings.parse += (afterParse - started) / 1000;
  if (parsed.article === undefined || parsed.problems.some((problem) => problem.severity === "error")) return { problems: parsed.problems };
  const article = enrichArticle(parsed.article);
  timings.enrich += (performance.now() - afterParse) / 1000;
  return { problems: parsed.problems, article };
}

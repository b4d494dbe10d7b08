import type { Article } from "../article.ts";
import { enrichArticle, type EnrichOptions } from "../enrich/index.ts";
import { error, type Problem } from "../errors.ts";
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

/**
 * seed → parse → enrich for one seed: a pure function of its bytes, its names and Dateline's code, so it can be cached.
 * It never throws: should parse or enrich fail on some seed (a bug, or a stack overflow), that seed gets a
 * `seed-failed` error and the others still build.
 */
export function seedRecord(bytes: Uint8Array, seed: SeedFile, timings: SeedTimings, enrich: EnrichOptions = {}): SeedRecord {
  let problems: readonly Problem[] = [];
  try {
    const started = performance.now();
    const parsed = parseSeed(bytes, seed);
    problems = parsed.problems;
    const afterParse = performance.now();
    timings.parse += (afterParse - started) / 1000;
    if (parsed.article === undefined || parsed.problems.some((problem) => problem.severity === "error")) return { problems };
    const article = enrichArticle(parsed.article, enrich);
    timings.enrich += (performance.now() - afterParse) / 1000;
    return { problems, article };
  } catch (cause) {
    return { problems: [...problems, failed(seed.file, cause)] };
  }
}

/** The `seed-failed` error for a seed whose parse or enrich threw `cause`. */
function failed(file: string, cause: unknown): Problem {
  let reason: string;
  try {
    reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  } catch {
    reason = "an exception that cannot be printed";
  }
  // One line, and short: a message may quote anything, and the hint says how to report it.
  reason = reason.replace(/\s+/g, " ").trim().slice(0, 200);
  return error("seed-failed", file, 1, 1, `Unexpected failure while reading this seed (${reason}), expected an article or a report of what is wrong with it`);
}

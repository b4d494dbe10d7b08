import type { ParsedArticle } from "../article.ts";
import type { Problem } from "../errors.ts";
import { decode } from "./decode.ts";
import { parseMd } from "./md.ts";
import { parseTxt } from "./txt.ts";

/** Where a seed came from: the three names it goes by. */
export interface SeedFile {
  /** File stem. */
  readonly id: string;
  /** Path relative to the seeds folder, `/`-separated. */
  readonly source: string;
  /** Path for messages, relative to the current folder. */
  readonly file: string;
}

/** The outcome of parsing one seed: an article when it has no errors, and every problem found. */
export interface ParseResult {
  readonly article?: ParsedArticle;
  readonly problems: readonly Problem[];
}

/** Parses one seed's bytes into a ParsedArticle, reporting every problem rather than throwing. */
export function parseSeed(bytes: Uint8Array, seed: SeedFile): ParseResult {
  const decoded = decode(bytes, seed.file);
  if (decoded.text === undefined) return { problems: decoded.problems };
  const format = seed.source.toLowerCase().endsWith(".md") ? "md" : "txt";
  const result = format === "md" ? parseMd(decoded.text, seed.file) : parseTxt(decoded.text, seed.file);
  const problems = [...decoded.problems, ...result.problems];
  if (result.seed === undefined) return { problems };
  return { article: { id: seed.id, source: seed.source, format, tags: [], ...result.seed }, problems };
}

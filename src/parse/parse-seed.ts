import type { ParsedArticle } from "../article.ts";
import { error, type Problem } from "../errors.ts";
import { cleanText } from "./clean-text.ts";
import { decode } from "./decode.ts";
import { parseMd } from "./md.ts";
import { parseTxt } from "./txt.ts";
import { seedFormat } from "./seed-format.ts";

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

/** The largest seed read, in bytes: one article is far smaller, and the work a seed can cause stays bounded. */
export const maxSeedBytes = 4 * 1024 * 1024;

/** Parses one seed's bytes into a ParsedArticle, reporting every problem rather than throwing. */
export function parseSeed(bytes: Uint8Array, seed: SeedFile): ParseResult {
  if (bytes.length > maxSeedBytes) {
    // Loading reads no more than one byte past the limit, so the length here says only that the file is larger.
    const message = `Unexpected file larger than 4 MiB (${maxSeedBytes} bytes), expected one article`;
    return { problems: [error("seed-too-large", seed.file, 1, 1, message)] };
  }
  const decoded = decode(bytes, seed.file);
  if (decoded.text === undefined) return { problems: decoded.problems };
  // Both formats read clean text, so no control character or noncharacter reaches a page or the feed.
  const text = cleanText(decoded.text);
  const format = seedFormat(seed.source);
  const result = format === "md" ? parseMd(text, seed.file, seed.source) : parseTxt(text, seed.file);
  const problems = [...decoded.problems, ...result.problems];
  if (result.seed === undefined) return { problems };
  return { article: { id: seed.id, source: seed.source, format, tags: [], ...result.seed }, problems };
}

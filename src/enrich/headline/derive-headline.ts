import { abbreviateNames } from "./abbreviate-names.ts";
import { clipHeadline } from "./clip-headline.ts";
import { dropArticles } from "./drop-articles.ts";
import { dropAsides } from "./drop-asides.ts";
import { dropAttribution } from "./drop-attribution.ts";
import { dropPossessives } from "./drop-possessives.ts";
import { dropTickers } from "./drop-tickers.ts";
import { dividendHeadline } from "./dividend-headline.ts";
import { dropTimePhrases } from "./drop-time-phrases.ts";
import { fitHeadline } from "./fit-headline.ts";
import { headlineTense } from "./headline-tense.ts";
import { resultsHeadline } from "./results-headline.ts";
import { sentences } from "../sentences.ts";

/** Longest derived headline, ellipsis included: taken when fitting `softHeadline` would lose too many of its words. */
export const maxHeadline = 120;
/** Length a derived headline keeps to when that loses few of its words (npm run bench:headlines: median 90). */
export const softHeadline = 90;

/** One way a wire editor compresses a lead sentence into a headline: plain text in, plain text out. */
export type HeadlineRule = (sentence: string) => string;

/** The compression rules, in the order they run (npm run bench:headlines measures them). */
export const headlineRules: readonly HeadlineRule[] = [
  dropTimePhrases,
  dropAsides,
  dropAttribution,
  headlineTense,
  dropTickers,
  dropArticles,
  dropPossessives,
  abbreviateNames,
];

/**
 * A headline for an article without one: its lead sentence compressed by `rules` and ended at a clause or phrase
 * boundary, or for a table the headline a financial wire gives it (dividend, results) or its first rows.
 * @param rules the compression rules; all of them unless a measurement leaves some out
 */
export function deriveHeadline(paragraphs: readonly string[], rules: readonly HeadlineRule[] = headlineRules): string {
  const start = Math.max(paragraphs.findIndex((paragraph) => /[\p{L}\p{N}]/u.test(paragraph)), 0);
  const lead = paragraphs[start] ?? "";
  // A table's rows are not sentences for the rules to compress.
  if (isRow(lead)) {
    const table = paragraphs.slice(start).filter((paragraph) => isRow(paragraph));
    const headline = dividendHeadline(lead) ?? resultsHeadline(table) ?? rows(paragraphs.slice(start));
    return clipHeadline(headline, softHeadline, maxHeadline);
  }
  const sentence = sentences(lead)[0] ?? lead;
  // A headline carries no closing full stop; `?` and `!` are part of the meaning.
  const bare = sentence.replace(/(?<![A-Z]\.[A-Z]|\b[A-Z])\.$/u, "");
  const compressed = capitalise(rules.reduce((text, rule) => rule(text), bare), bare);
  // Rules that leave too little (a fragment) lose to the sentence as it was.
  const chosen = (compressed.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= 3 ? compressed : bare;
  return fitHeadline(chosen, softHeadline, maxHeadline);
}

// A table row: short, and not a sentence (`Shr 70 cts vs 47 cts`, `Net 4,185,000 vs 2,433,000`, `Period ended Jan 31`).
function isRow(paragraph: string): boolean {
  return paragraph.length <= 60 && /[\p{L}\p{N}]$/u.test(paragraph);
}

/** A table's first rows joined with `; `, as many as fit in a headline. */
function rows(paragraphs: readonly string[]): string {
  let joined = paragraphs[0] ?? "";
  for (const row of paragraphs.slice(1)) {
    const next = `${joined}; ${row}`;
    if (!isRow(row) || next.length > softHeadline) break;
    joined = next;
  }
  return joined;
}

/** Starts `text` with a capital when the sentence it came from started with one. */
function capitalise(text: string, sentence: string): string {
  return /^\P{L}*\p{Lu}/u.test(sentence) ? text.replace(/^(\P{L}*)(\p{Ll})/u, (_, before: string, letter: string) => before + letter.toUpperCase()) : text;
}

import { abbreviateNames } from "./abbreviate-names.ts";
import { clipHeadline } from "./clip-headline.ts";
import { compressHeadline, maxHeadline } from "./compress-headline.ts";
import { dropArticles } from "./drop-articles.ts";
import { dropAsides } from "./drop-asides.ts";
import { dropAttribution } from "./drop-attribution.ts";
import { dropDescriptors } from "./drop-descriptors.ts";
import { dropGivenNames } from "./drop-given-names.ts";
import { dropLegalForms } from "./drop-legal-forms.ts";
import { dropPossessives } from "./drop-possessives.ts";
import { dropTickers } from "./drop-tickers.ts";
import { dividendHeadline } from "./dividend-headline.ts";
import { dropTimePhrases } from "./drop-time-phrases.ts";
import { headlineTense } from "./headline-tense.ts";
import { resultsHeadline } from "./results-headline.ts";
import { tableCompany } from "./table-company.ts";
import { sentences } from "../sentences.ts";
import type { IndexedModel } from "../../text/averaged-perceptron.ts";

export { maxHeadline } from "./compress-headline.ts";

/** One way a wire editor compresses a lead sentence into a headline: plain text in, plain text out. */
export type HeadlineRule = (sentence: string) => string;

/** The compression rules, in the order they run before the model chooses phrases (npm run bench:headlines measures them). */
export const headlineRules: readonly HeadlineRule[] = [
  dropTimePhrases,
  dropAsides,
  dropAttribution,
  dropDescriptors,
  headlineTense,
  dropTickers,
  dropLegalForms,
  dropGivenNames,
  dropArticles,
  dropPossessives,
  abbreviateNames,
];

/**
 * A headline for an article without one: its lead sentence compressed by `rules`, then cut to the phrases the
 * trained model keeps (compressHeadline); for a table, the headline a financial wire gives it (dividend,
 * results, with the company when the table names it) or its first rows. Always whole words, never `…`,
 * at most `maxHeadline` characters.
 * @param rules the compression rules; all of them unless a measurement leaves some out
 * @param model the compression model; the trained one, read on first use, unless a measurement gives another
 */
export function deriveHeadline(paragraphs: readonly string[], rules: readonly HeadlineRule[] = headlineRules, model?: IndexedModel): string {
  const lead = compressedLead(paragraphs, rules);
  if (typeof lead !== "string") {
    const { table, rows: all } = lead;
    const wire = dividendHeadline(table[0] ?? "") ?? resultsHeadline(table);
    // `Net 1.9 mln vs 800,000` says nothing without whose net it is.
    const company = wire === undefined ? undefined : tableCompany(paragraphs);
    const headline = company === undefined ? (wire ?? rows(all)) : `${company} ${lowerFirst(wire ?? "")}`;
    return clipHeadline(headline, maxHeadline);
  }
  return compressHeadline(lead, paragraphs, model);
}

/** A table's rows (and every paragraph from its first row on), or the lead sentence compressed by `rules`. */
export function compressedLead(paragraphs: readonly string[], rules: readonly HeadlineRule[] = headlineRules): string | { table: string[]; rows: string[] } {
  const start = Math.max(paragraphs.findIndex((paragraph) => /[\p{L}\p{N}]/u.test(paragraph)), 0);
  const lead = paragraphs[start] ?? "";
  // A table's rows are not sentences for the rules to compress.
  if (isRow(lead)) return { table: paragraphs.slice(start).filter((paragraph) => isRow(paragraph)), rows: paragraphs.slice(start) };
  const sentence = sentences(lead)[0] ?? lead;
  // A headline carries no closing full stop; `?` and `!` are part of the meaning.
  const bare = sentence.replace(/(?<![A-Z]\.[A-Z]|\b[A-Z])\.$/u, "");
  const compressed = capitalise(rules.reduce((text, rule) => rule(text), bare), bare);
  // Rules that leave too little (a fragment) lose to the sentence as it was.
  return (compressed.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= 3 ? compressed : bare;
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
    if (!isRow(row) || next.length > maxHeadline) break;
    joined = next;
  }
  return joined;
}

/** Starts `text` with a capital when the sentence it came from started with one. */
function capitalise(text: string, sentence: string): string {
  return /^\P{L}*\p{Lu}/u.test(sentence) ? text.replace(/^(\P{L}*)(\p{Ll})/u, (_, before: string, letter: string) => before + letter.toUpperCase()) : text;
}

/** `Sets regular dividend` → `sets regular dividend`, to follow a company's name; `Qtr` too, but not `U.S.`. */
function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

import { phraseOpeners } from "./clip-headline.ts";
import { FeatureList, type FeatureSink } from "../../text/averaged-perceptron.ts";
import { core, isFunctionWord, stem, words as wordsOf } from "./content-words.ts";

/** Whether a headline keeps a word of the lead: the two labels of the compression model. */
export type KeepLabel = "keep" | "drop";

/** One word of a lead sentence, with where it stands in it. */
export interface CompressionToken {
  /** The word as written, with the punctuation attached to it (`Russia,`). */
  readonly text: string;
  /** Its letters and digits, lower-cased (`russia`); empty for punctuation alone. */
  readonly word: string;
  /** Its offset in characters from the start of the sentence. */
  readonly start: number;
  /** Which phrase of the sentence it is in, counting from 0 (see `opens`). */
  readonly phrase: number;
  /** Whether it opens a phrase: after a clause mark, a dash, or a preposition, conjunction or relative word. */
  readonly opens: boolean;
  /** Whether it is inside quotation marks. */
  readonly quoted: boolean;
  /** Its shape, a cue to what kind of word it is: `Xx` capitalised, `X` capitals, `x` lower case, `d` digits, `p` punctuation. */
  readonly shape: string;
  /** How often the article names it (its stem), the lead included, in buckets: `0`, `1`, `2`, `3` (3–5), `6` (6 or more). */
  readonly mentions: string;
  /** Where its stem ranks among the article's content words by mentions, in buckets (`1`, `2`, `4`, `7`, `11`), `-` for a function word or one said once. */
  readonly rank: string;
}

/**
 * The words of a sentence (split at spaces) with the phrases they fall in.
 * @param article the article's paragraphs: a word it repeats is what it is about, which its headline names
 */
export function compressionTokens(sentence: string, article: readonly string[] = []): CompressionToken[] {
  const counts = mentionCounts(article);
  const ranks = mentionRanks(counts);
  const tokens: CompressionToken[] = [];
  let start = 0;
  let phrase = 0;
  let quoted = false;
  let previous = "";
  const words = sentence.split(" ");
  for (const [i, text] of words.entries()) {
    if (text !== "") {
      const word = core(text);
      // `between Ukraine and Russia`, `Procter and Gamble`: `and` between two names joins them, opening nothing.
      const joins = /^(?:and|or|&)$/u.test(word || text) && /^\p{Lu}[^,;:]*$/u.test(previous) && /^\p{Lu}/u.test(words[i + 1] ?? "");
      const opens = tokens.length > 0 && !joins && (/[,;:]$/u.test(previous) || /^[-–—]+$/u.test(text) || phraseOpeners.has(word));
      if (opens) phrase++;
      const opening = /^["“‘']/u.test(text);
      const stemmed = stem(word);
      const mentions = bucket(word === "" ? 0 : (counts.get(stemmed) ?? 0));
      const rank = ranks.get(stemmed) ?? "-";
      tokens.push({ text, word, start, phrase, opens, quoted: quoted || opening, shape: shapeOf(text), mentions, rank });
      // A quote opened by this word and not closed by it goes on to the next.
      const marks = (text.match(/["“”]/gu) ?? []).length;
      if (marks % 2 === 1) quoted = !quoted;
      previous = text;
    }
    start += text.length + 1;
  }
  return tokens;
}

/** How many times the article's paragraphs hold each stem. */
function mentionCounts(article: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const paragraph of article) {
    for (const found of wordsOf(paragraph)) {
      const stemmed = stem(found);
      counts.set(stemmed, (counts.get(stemmed) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * Each content stem said more than once, by its rank among them in buckets: what a long article repeats most is
 * its subject as much as in a short one, where raw counts are lower.
 */
function mentionRanks(counts: ReadonlyMap<string, number>): Map<string, string> {
  const repeated = [...counts].filter(([found, count]) => count > 1 && !isFunctionWord(found) && /\p{L}/u.test(found));
  // Ties share the rank of the first of them, so the order the words came in does not matter.
  const sorted = repeated.map(([, count]) => count).sort((a, b) => b - a);
  return new Map(repeated.map(([found, count]) => [found, rankBucket(sorted.indexOf(count) + 1)]));
}

function rankBucket(rank: number): string {
  return rank >= 11 ? "11" : rank >= 7 ? "7" : rank >= 4 ? "4" : rank >= 2 ? "2" : "1";
}

// Counts of a word in buckets: beyond a handful, more mentions say no more about a headline.
function bucket(count: number): string {
  return count >= 6 ? "6" : count >= 3 ? "3" : String(count);
}

/** How many parts each feature template's value has (see `indexModel`): none for a flag, else one. */
export const compressionArities: Readonly<Record<string, number>> = {
  b: 0, w: 1, s: 1, x: 1, i: 1, c: 1, g: 1, pw: 1, nw: 1, ps: 1, ns: 1, e: 1, f: 1, o: 1, "o+g": 1, q: 0, last: 0, pl: 1, "pl+s": 1, m: 1, "m+s": 1, "m+f": 1, "m+c": 1, r: 1, "r+s": 1, "r+c": 1,
};

/**
 * The features the compression model weighs for token `i`: the word and its neighbours, its shape and
 * suffix (cues to its part of speech), where it stands (word, character, phrase), quotation, and the label
 * given to the word before it.
 */
export function compressionFeatures(tokens: readonly CompressionToken[], i: number, previous: KeepLabel | "start"): string[] {
  const list = new FeatureList();
  stateTokenFeatures(tokens, i, list);
  statePreviousFeatures(tokens, i, previous, list);
  return list.features;
}

/** States to `sink` the features of token `i` that do not depend on the label before it (scored once per token when decoding). */
export function stateTokenFeatures(tokens: readonly CompressionToken[], i: number, sink: FeatureSink): void {
  const token = tokens[i]!;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  const phrase = String(Math.min(token.phrase, 6));
  sink.feature0("b");
  sink.feature1("w", token.word);
  sink.feature1("s", token.shape);
  sink.feature1("x", token.word.slice(-3));
  sink.feature1("i", String(Math.min(i, 12)));
  sink.feature1("c", String(Math.min(Math.floor(token.start / 15), 10)));
  sink.feature1("g", phrase);
  sink.feature1("pw", before?.word ?? "^");
  sink.feature1("nw", after?.word ?? "$");
  sink.feature1("ps", before?.shape ?? "^");
  sink.feature1("ns", after?.shape ?? "$");
  sink.feature1("e", clauseMark(token.text));
  sink.feature1("f", isFunctionWord(token.word) ? "1" : "0");
  if (token.opens) {
    sink.feature1("o", token.word);
    sink.feature1("o+g", phrase);
  }
  if (token.quoted) sink.feature0("q");
  if (i === tokens.length - 1) sink.feature0("last");
  sink.feature1("m", token.mentions);
  sink.feature1("m+s", `${token.mentions} ${token.shape}`);
  sink.feature1("m+f", `${token.mentions} ${isFunctionWord(token.word) ? "1" : "0"}`);
  sink.feature1("m+c", `${token.mentions} ${Math.min(Math.floor(token.start / 30), 3)}`);
  sink.feature1("r", token.rank);
  sink.feature1("r+s", `${token.rank} ${token.shape}`);
  sink.feature1("r+c", `${token.rank} ${Math.min(Math.floor(token.start / 30), 3)}`);
}

/** States to `sink` the features of token `i` that pair it with the label of the token before. */
export function statePreviousFeatures(tokens: readonly CompressionToken[], i: number, previous: KeepLabel | "start", sink: FeatureSink): void {
  sink.feature1("pl", previous);
  sink.feature1("pl+s", `${previous} ${tokens[i]!.shape}`);
}

/** The clause mark a word ends with (`,` `;` `:`), else `-`. */
function clauseMark(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last === 44 || last === 59 || last === 58 ? text.charAt(text.length - 1) : "-";
}

/** A word's shape: its runs of capitals, lower case, digits and punctuation, as written (`U.S.` → `XpXp`), at most 4. */
function shapeOf(text: string): string {
  return text
    .replace(/\p{Lu}+/gu, "X")
    .replace(/\p{Ll}+/gu, "x")
    .replace(/\p{N}+/gu, "d")
    .replace(/[^Xxd]+/gu, "p")
    .slice(0, 4);
}

import type { QuoteSpan } from "./quote-spans.ts";
import { sentenceEnds } from "./sentence-ends.ts";
import { firstIndex } from "./sorted-search.ts";
import { mentions, words, type Mention, type PeopleIndex, type Word } from "./speaker-mentions.ts";

// The article as attribution reads it: paragraphs with their words, mentions and sentences, and the quotations found.

/** One paragraph, whitespace-normalised, with what attribution needs to know about it. */
export interface Paragraph {
  readonly text: string;
  /** Words outside quotation marks. */
  readonly words: readonly Word[];
  readonly mentions: readonly Mention[];
  /** Quotation ranges inside this paragraph (start after the opening mark, end at the closing mark). */
  readonly quoted: readonly { readonly start: number; readonly end: number }[];
  /** Sentence ends (exclusive), in order; the last is the paragraph's length. */
  readonly sentenceEnds: readonly number[];
}

/** A sentence by its place in the article: paragraph and index among that paragraph's sentences. */
export interface Place {
  readonly paragraph: number;
  readonly sentence: number;
}

/** A quotation of the article: where it lies, its text, and its speaker once attributed. */
export interface Found {
  readonly span: QuoteSpan;
  readonly text: string;
  speaker?: string | undefined;
}

/** A stretch of one paragraph: the words before or after a quotation that may attribute it. */
export interface Range {
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
}

/** Where a rule reads: the article, the quotations found (with the speakers given so far) and the quotation's sentence. */
export interface Context {
  readonly article: readonly Paragraph[];
  readonly found: readonly Found[];
  readonly place: Place;
}

/** Reads one normalised paragraph: its words outside `quoted`, the people they mention, and its sentence ends. */
export function readParagraph(text: string, quoted: readonly { start: number; end: number }[], index: PeopleIndex): Paragraph {
  const outside: Word[] = [];
  let q = 0;
  for (const word of words(text)) {
    while (q < quoted.length && quoted[q]!.end <= word.start) q++;
    const range = quoted[q];
    if (range === undefined || word.end <= range.start) outside.push(word);
  }
  return { text, words: outside, mentions: mentions(text, outside, index), quoted, sentenceEnds: sentenceEnds(text, quoted) };
}

/** The sentence of paragraph `p` that contains `index`. */
export function sentenceAt(article: readonly Paragraph[], p: number, index: number): Place {
  const ends = article[p]!.sentenceEnds;
  return { paragraph: p, sentence: Math.min(firstIndex(ends, (end) => end > index), ends.length - 1) };
}

/** Where a sentence starts and ends in its paragraph. */
export function sentenceRange(article: readonly Paragraph[], place: Place): { start: number; end: number } {
  const ends = article[place.paragraph]!.sentenceEnds;
  return { start: place.sentence === 0 ? 0 : ends[place.sentence - 1]!, end: ends[place.sentence]! };
}

/** The sentence before `place`, across empty paragraphs; undefined at the start of the article. */
export function previousSentence(article: readonly Paragraph[], place: Place): Place | undefined {
  if (place.sentence > 0) return { paragraph: place.paragraph, sentence: place.sentence - 1 };
  for (let p = place.paragraph - 1; p >= 0; p--) {
    if (article[p]!.text !== "") return { paragraph: p, sentence: article[p]!.sentenceEnds.length - 1 };
  }
  return undefined;
}

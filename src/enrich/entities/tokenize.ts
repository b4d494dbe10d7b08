import { legalSuffixes } from "./data/legal-forms.ts";
import { abbreviatedTitles } from "./data/roles.ts";

/** One word or punctuation mark of a paragraph, with what the extractor needs to know about it. */
export interface Token {
  /** As written, without a possessive `'s`; curly apostrophes made straight. */
  readonly text: string;
  /** `text` in lower case: the key for every look-up. */
  readonly lower: string;
  readonly word: boolean;
  /** Starts with a capital letter. */
  readonly capital: boolean;
  /** Two or more letters, all capitals (an acronym, a ticker, or text in capitals). */
  readonly upper: boolean;
  /** First word of a sentence (after any opening quotes or brackets). */
  readonly sentenceStart: boolean;
  /** Written with a possessive `'s`, which ends any name. */
  readonly possessive: boolean;
  /** Where it starts in the paragraph (UTF-16 index): how the entity tagger's training lines tokens up with labelled text. */
  readonly start: number;
}

// A word (the first group), or any other mark that is not white space.
const pattern = /([\p{L}\p{N}]+(?:(?:['’&/-]|\.(?=\p{L}))[\p{L}\p{N}]+)*\.?)|[^\s\p{L}\p{N}]/gu;
const initials = /^(?:\p{L}\.)+$/u;
const sentenceEnd = new Set([".", "!", "?", ":", ";"]);
// Abbreviations whose full stop belongs to the word rather than ending the sentence.
// Given names written short ("Alex. Brown and Sons", "Chas. P. Young Co") too.
const keepStop = new Set(["mr.", "mrs.", "ms.", "dr.", "st.", "jr.", "sr.", "no.", "vs.", "ft.", "mt.", "alex.", "chas.", "wm.", "geo.", "jas.", "thos.", "jos.", "benj.", ...Object.keys(abbreviatedTitles), ...legalSuffixes]);

/**
 * Splits a paragraph into words and punctuation marks.
 * @param abbreviations lower-case words written with a final full stop that is part of the word (`calif.`).
 */
export function tokenize(paragraph: string, abbreviations: ReadonlySet<string>): Token[] {
  const tokens: Token[] = [];
  let start = true;
  // Called for every paragraph of every article: one exec per token, and no regular expression where a character will do.
  pattern.lastIndex = 0;
  for (let match = pattern.exec(paragraph); match !== null; match = pattern.exec(paragraph)) {
    let text = match[0].includes("’") ? match[0].replaceAll("’", "'") : match[0];
    const first = text.charCodeAt(0);
    // A mark outside the Basic Multilingual Plane (two code units) counts as a word, as it always has.
    const isWord = match[1] !== undefined || text.length > 1;
    if (!isWord) {
      tokens.push({ text, lower: text, word: false, capital: false, upper: false, sentenceStart: false, possessive: false, start: match.index });
      if (sentenceEnd.has(text)) start = true;
      continue;
    }
    let ends = false;
    if (text.endsWith(".")) {
      const lower = text.toLowerCase();
      if (!keepStop.has(lower) && !abbreviations.has(lower) && !initials.test(text)) {
        text = text.slice(0, -1);
        ends = true;
      }
    }
    // Ends in 's or 'S.
    const possessive = text.length > 2 && text.charCodeAt(text.length - 2) === 39 && (text.charCodeAt(text.length - 1) | 32) === 115;
    if (possessive) text = text.slice(0, -2);
    const capital = first >= 65 && first <= 90 ? true : first < 128 ? false : text[0] !== text[0]?.toLowerCase();
    tokens.push({ text, lower: text.toLowerCase(), word: true, capital, upper: allCapitals(text), sentenceStart: start, possessive, start: match.index });
    start = ends;
  }
  return tokens;
}

/** Two or more letters, none in lower case; the common all-ASCII word without building a string of its letters. */
function allCapitals(text: string): boolean {
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) return false;
    if (code >= 65 && code <= 90) letters++;
    else if (code >= 128) {
      const all = text.replace(/[^\p{L}]/gu, "");
      return all.length >= 2 && all === all.toUpperCase();
    }
  }
  return letters >= 2;
}

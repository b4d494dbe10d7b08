import { phraseOpeners } from "./clip-headline.ts";
import { isFunctionWord } from "./content-words.ts";

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
}

/** The words of a sentence (split at spaces) with the phrases they fall in. */
export function compressionTokens(sentence: string): CompressionToken[] {
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
      tokens.push({ text, word, start, phrase, opens, quoted: quoted || opening, shape: shapeOf(text) });
      // A quote opened by this word and not closed by it goes on to the next.
      const marks = (text.match(/["“”]/gu) ?? []).length;
      if (marks % 2 === 1) quoted = !quoted;
      previous = text;
    }
    start += text.length + 1;
  }
  return tokens;
}

/** The letters and digits of a written word, lower-cased: `“Direct”,` → `direct`, `U.S.` → `u.s`. */
export function core(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*/gu) ?? []).join("");
}

/**
 * The features the compression model weighs for token `i`: the word and its neighbours, its shape and
 * suffix (cues to its part of speech), where it stands (word, character, phrase), quotation, and the label
 * given to the word before it.
 */
export function compressionFeatures(tokens: readonly CompressionToken[], i: number, previous: KeepLabel | "start"): string[] {
  return [...tokenFeatures(tokens, i), ...previousFeatures(tokens, i, previous)];
}

/** The features of token `i` that do not depend on the label before it (computed once per token when decoding). */
export function tokenFeatures(tokens: readonly CompressionToken[], i: number): string[] {
  const token = tokens[i]!;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  const shape = token.shape;
  const features = [
    "b",
    `w=${token.word}`,
    `s=${shape}`,
    `x=${token.word.slice(-3)}`,
    `i=${Math.min(i, 12)}`,
    `c=${Math.min(Math.floor(token.start / 15), 10)}`,
    `g=${Math.min(token.phrase, 6)}`,
    `pw=${before?.word ?? "^"}`,
    `nw=${after?.word ?? "$"}`,
    `ps=${before?.shape ?? "^"}`,
    `ns=${after?.shape ?? "$"}`,
    `e=${/[,;:]$/u.test(token.text) ? token.text.at(-1) : "-"}`,
    `f=${isFunctionWord(token.word) ? 1 : 0}`,
  ];
  if (token.opens) features.push(`o=${token.word}`, `o+g=${Math.min(token.phrase, 6)}`);
  if (token.quoted) features.push("q");
  if (i === tokens.length - 1) features.push("last");
  return features;
}

/** The features of token `i` that pair it with the label of the token before. */
export function previousFeatures(tokens: readonly CompressionToken[], i: number, previous: KeepLabel | "start"): string[] {
  return [`pl=${previous}`, `pl+s=${previous} ${tokens[i]!.shape}`];
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

import { FeatureScorer, type IndexedModel } from "../../text/averaged-perceptron.ts";
import { clipHeadline, closePhrase, hanging } from "./clip-headline.ts";
import { compressionTokens, statePreviousFeatures, stateTokenFeatures, type CompressionToken, type KeepLabel } from "./compression-features.ts";
import { compressionModel } from "./compression-model.ts";
import { isFunctionWord } from "./content-words.ts";
import { isPastForm } from "./verb-base.ts";

/** Longest derived headline, in characters. */
export const maxHeadline = 90;

// Added to the score of each word kept: the model alone, trained on word matches, keeps too little. npm run
// bench:headlines (BBC F1, median length; held-out Reuters-21578 F1, recall), with words dropped inside phrases and the
// model of 3 epochs on common features: 20 → 0.275, 58; 0.369, 0.415; 22 → 0.274, 61; 0.370, 0.421; 24 → 0.272, 65;
// 0.369, 0.425. 20 is the last inside the median of 60. The best value moves with each retraining (a model
// trained on slightly different leads keeps more or less at the same bonus): measure again after npm run train:headlines.
const keepBonus = 20;

// A phrase opened by one of these can go from the middle of a headline and leave it whole
// (`Ford buys Hertz [for 1.3 bln dlrs] from Allegis`); one opened by `to`, `and`, `that` … cannot.
const detachable: ReadonlySet<string> = new Set(
  "in on at for from with by after before under through following during against amid despite since via over about including".split(" "),
);

// A longer phrase may hold a clause of its own, with the sentence's verb: `Oil traders [in New York area say Exxon
// raised price] for heating oil`.
const longestDetachable = 4;

type Previous = KeepLabel | "start";
const previousLabels = ["start", "keep", "drop"] as const;

/**
 * Compresses a lead sentence into a headline, word by word: of every choice of its words that starts with the
 * first phrase, stays within `maxHeadline` characters, ends where a phrase ends and leaves out only what can go
 * (a phrase that can go from the middle, or a word inside a phrase kept, see `droppable`), the one whose words the
 * model would most keep and whose left-out words it would most drop. A first phrase too long alone ends at the
 * last word that fits and does not join on to what follows.
 * @param article the article's paragraphs, whose repeated words the model weighs
 */
export function compressHeadline(sentence: string, article: readonly string[] = [], model: IndexedModel = compressionModel()): string {
  const tokens = compressionTokens(sentence, article);
  const n = tokens.length;
  if (n === 0) return "";
  const firstEnd = tokens.findIndex((token, i) => i > 0 && token.opens);
  const first = tokens.slice(0, firstEnd < 0 ? n : firstEnd);
  if (width(first) > maxHeadline) return clipHeadline(finish(first, sentence), maxHeadline, 0);
  const label = labelScores(tokens, model);
  const minimum = Math.min(3, wordCount(tokens));
  const ends = tokens.map((_, i) => i === n - 1 || tokens[i + 1]!.opens);
  const sizes = new Map<number, number>();
  for (const token of tokens) sizes.set(token.phrase, (sizes.get(token.phrase) ?? 0) + 1);
  // rest[i]: the score of leaving out token i and every one after it, the word before i kept.
  const rest = new Array<number>(n + 1).fill(0);
  for (let i = n - 1, after = 0; i >= 0; i--) {
    rest[i] = label(i, "drop", "keep") + after;
    after += label(i, "drop", "drop");
  }
  // Word by word, a state is the label of the word before, the width so far, the words kept (up to `minimum`) and
  // whether the phrase under way is left out whole; each state keeps its best score and the state it came from,
  // so the work grows with the words times the widths, not with the choices.
  const stride = (maxHeadline + 1) * 4 * 2;
  const state = (previous: number, used: number, words: number, out: number): number => previous * stride + (used * 4 + words) * 2 + out;
  let scores = new Map<number, number>([[state(0, 0, 0, 0), 0]]);
  const from: Map<number, number>[] = [];
  let best: { score: number; at: number; state: number } | undefined;
  for (let i = 0; i < n; i++) {
    const token = tokens[i]!;
    const next = new Map<number, number>();
    const back = new Map<number, number>();
    const offer = (to: number, score: number, came: number): void => {
      if (score > (next.get(to) ?? -Infinity)) {
        next.set(to, score);
        back.set(to, came);
      }
    };
    const opens = i === 0 || token.opens;
    const size = sizes.get(token.phrase)!;
    for (const [at, score] of scores) {
      const previous = Math.floor(at / stride);
      const used = Math.floor((at % stride) / 8);
      const words = Math.floor((at % 8) / 2);
      const out = at % 2;
      const before = previousLabels[previous]!;
      if (!opens && out === 1) {
        offer(state(2, used, words, 1), score + label(i, "drop", before), at);
        continue;
      }
      // After a phrase left out, only one that can follow anything: a clause after the comma that closed the phrase
      // left out would join on to the words before it (`… succeeded in February [on diverse,] non-commercial music`).
      const keepable = !(opens && out === 1 && !detachable.has(token.word));
      const wider = used + (used > 0 ? 1 : 0) + [...token.text].length;
      if (keepable && wider <= maxHeadline) offer(state(1, wider, Math.min(minimum, words + (token.word === "" ? 0 : 1)), 0), score + label(i, "keep", before), at);
      if (opens && i > 0 && detachable.has(token.word) && size <= longestDetachable && i + size < n) {
        offer(state(2, used, words, 1), score + label(i, "drop", before), at);
      } else if (!token.opens && !ends[i] && droppable(tokens, i, before === "keep")) {
        offer(state(2, used, words, 0), score + label(i, "drop", before), at);
      }
    }
    from.push(back);
    scores = next;
    if (!ends[i] || !isFinished(token, tokens)) continue;
    for (const [at, score] of scores) {
      if (Math.floor(at / stride) !== 1 || Math.floor((at % 8) / 2) < minimum) continue;
      const total = score + rest[i + 1]!;
      if (best === undefined || total > best.score) best = { score: total, at: i, state: at };
    }
  }
  // No choice fits (`Oil traders [in New York area say Exxon … customers]`, one phrase of 100 characters): the
  // sentence ends where a phrase or else a word ends, past half the length, rather than say nothing.
  if (best === undefined) return clipHeadline(finish(tokens, sentence), maxHeadline, 0.5);
  const kept: CompressionToken[] = [];
  for (let i = best.at, at = best.state; i >= 0; at = from[i]!.get(at)!, i--) if (Math.floor(at / stride) === 1) kept.unshift(tokens[i]!);
  return finish(kept, sentence);
}

/**
 * Whether a word inside a phrase may go while the phrase stays: a word that describes the one after it (`medical
 * [technology] firm`, `[Pharmaceutical] giant`). Never a function word, a verb or the subject before it (`Allardyce
 * signs`), a number or the unit after it (`£3.3 trillion`), a word of a name (`Dame Muriel Spark`, `Agriculture
 * Department`), a head before `of` (`weekend of protests`), a quoted or bracketed word (a quotation is not cut), nor
 * the word right after a kept function word (`to [buy] Guidant` would dangle).
 */
function droppable(tokens: readonly CompressionToken[], i: number, afterKept: boolean): boolean {
  const token = tokens[i]!;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (token.word === "" || isFunctionWord(token.word) || isVerbLike(tokens, i) || token.quoted || /[\p{N}()[\]"“”‘’]/u.test(token.text)) return false;
  if (after === undefined || after.word === "" || isFunctionWord(after.word) || isVerbLike(tokens, i + 1) || /ing$/u.test(after.word)) return false;
  if (before !== undefined && /\p{N}/u.test(before.text)) return false;
  if (isCapitalised(token) && ((before !== undefined && isCapitalised(before)) || isCapitalised(after))) return false;
  return !(afterKept && before !== undefined && (isFunctionWord(before.word) || before.opens));
}

function isCapitalised(token: CompressionToken): boolean {
  return /^\P{L}*\p{Lu}/u.test(token.text);
}

/**
 * Whether a word may be a verb, which a headline keeps (a headline is a clause): in headline tense (`calls`,
 * `agreed`), or in lower case after a name (`TimeWarner jump`, but not `Japan's edible`). A plural (`profits`) reads
 * the same as a verb and stays too.
 */
function isVerbLike(tokens: readonly CompressionToken[], i: number): boolean {
  const token = tokens[i]!;
  if (!/^\p{Ll}/u.test(token.text)) return false;
  const before = tokens[i - 1];
  return /[^s'’]s$/u.test(token.word) || isPastForm(token.word) || (i > 1 && before !== undefined && isCapitalised(before) && !/['’]s$/u.test(before.text));
}

/**
 * Each word's score for a label after the label of the word before (the model's, plus `keepBonus` to keep), as a
 * function over a table filled once: the search asks for them once per state.
 */
function labelScores(tokens: readonly CompressionToken[], model: IndexedModel): (i: number, is: KeepLabel, previous: Previous) => number {
  const keep = model.labels.indexOf("keep");
  const drop = model.labels.indexOf("drop");
  const scorer = new FeatureScorer(model);
  const scored = (): Record<KeepLabel, number> => ({ keep: scorer.scores[keep] ?? 0, drop: scorer.scores[drop] ?? 0 });
  // A word's score is that of its own features plus those it shares with the label before it, which depend only
  // on that label and the word's shape, so they are scored once per pair.
  const paired = new Map<string, Record<KeepLabel, number>>();
  const table = new Float64Array(tokens.length * 6);
  for (const [i, token] of tokens.entries()) {
    // A function word is kept or left out with the words it serves, not for itself: the score does not count it.
    if (isFunctionWord(token.word)) continue;
    scorer.reset();
    stateTokenFeatures(tokens, i, scorer);
    const own = scored();
    for (const [p, previous] of previousLabels.entries()) {
      const key = `${previous} ${token.shape}`;
      let scores = paired.get(key);
      if (scores === undefined) {
        scorer.reset();
        statePreviousFeatures(tokens, i, previous, scorer);
        paired.set(key, (scores = scored()));
      }
      table[i * 6 + p] = own.keep + scores.keep + keepBonus;
      table[i * 6 + 3 + p] = own.drop + scores.drop;
    }
  }
  return (i, is, previous) => table[i * 6 + (is === "keep" ? 0 : 3) + previousLabels.indexOf(previous)]!;
}

/**
 * Whether a headline may end on this word: not on a function word (`is`, `says`, `the`), a participle that wants
 * its object (`Aid workers trying`) or before `to` or `that`, unless the sentence ends there too.
 */
function isFinished(last: CompressionToken, tokens: readonly CompressionToken[]): boolean {
  if (last === tokens.at(-1)) return true;
  if (isFunctionWord(last.word) || hanging.has(last.word) || /ing$/u.test(last.word)) return false;
  // `India agrees| to …`, `Muslims should accept| that …`: what follows completes a verb, unless a clause mark ends it.
  const next = tokens[tokens.indexOf(last) + 1];
  return /[,;:]$/u.test(last.text) || next === undefined || !/^(?:to|that|than|between)$/u.test(next.word);
}

function width(tokens: readonly CompressionToken[]): number {
  return tokens.reduce((sum, token) => sum + [...token.text].length, Math.max(tokens.length - 1, 0));
}

function wordCount(tokens: readonly CompressionToken[]): number {
  return tokens.filter((token) => token.word !== "").length;
}

/** The kept words as text, ending on a word that closes a phrase and without the punctuation that led on, with a capital when the sentence had one. */
function finish(kept: readonly CompressionToken[], sentence: string): string {
  const text = closePhrase(kept.map((token) => token.text));
  return /^\P{L}*\p{Lu}/u.test(sentence) ? text.replace(/^(\P{L}*)(\p{Ll})/u, (_, before: string, letter: string) => before + letter.toUpperCase()) : text;
}

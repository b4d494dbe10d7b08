import { FeatureScorer, type IndexedModel } from "../../text/averaged-perceptron.ts";
import { clipHeadline, closePhrase, hanging } from "./clip-headline.ts";
import { compressionTokens, statePreviousFeatures, stateTokenFeatures, type CompressionToken, type KeepLabel } from "./compression-features.ts";
import { compressionModel } from "./compression-model.ts";
import { isFunctionWord } from "./content-words.ts";

/** Longest derived headline, in characters. */
export const maxHeadline = 90;

// Added to the score of each word kept: the model alone, trained on word matches, keeps too little (median 38
// characters on BBC). npm run bench:headlines on held-out Reuters-21578, tried before the last two rules below:
// 0 → F1 0.336, recall 0.357; 10 → 0.348, 0.381; 15 → 0.351, 0.401; 20 → 0.357, 0.425 but a BBC median of 64
// characters, over the 60. With them, 15 gave 0.353, 0.409 and a BBC median of 53. With the rules that
// drop legal forms, given names and descriptions before a name after a preposition (BBC F1, median; held-out Reuters
// F1, recall): 15 → 0.262, 50; 0.362, 0.407; 16 → 0.263, 54; 0.363, 0.410; 18 → 0.264, 58; 0.363, 0.416;
// 20 → 0.266, 64; 0.364, 0.422. 18 is the last inside 60. The best value moves with each retraining (a model trained
// on slightly different leads keeps more or less at the same bonus): measure again after npm run train:headlines.
const keepBonus = 18;

// A phrase opened by one of these can go from the middle of a headline and leave it whole
// (`Ford buys Hertz [for 1.3 bln dlrs] from Allegis`); one opened by `to`, `and`, `that` … cannot.
const detachable: ReadonlySet<string> = new Set(
  "in on at for from with by after before under through following during against amid despite since via over about including".split(" "),
);

// A longer phrase may hold a clause of its own, with the sentence's verb: `Oil traders [in New York area say Exxon
// raised price] for heating oil`.
const longestDetachable = 4;

type Previous = KeepLabel | "start";
/** A phrase's score for each label it may take, after each label of the word before it. */
type PhraseScores = Record<KeepLabel, Record<Previous, number>>;

interface Phrase {
  readonly tokens: readonly CompressionToken[];
  readonly width: number;
  readonly words: number;
  readonly scores: PhraseScores;
}

/**
 * Compresses a lead sentence into a headline of whole phrases: of every choice of its phrases that starts
 * with the first, stays within `maxHeadline` characters and leaves out only phrases that can go, the one
 * whose words the model would most keep and whose left-out words it would most drop. A first phrase too
 * long alone ends at the last word that fits and does not join on to what follows.
 */
export function compressHeadline(sentence: string, model: IndexedModel = compressionModel()): string {
  const tokens = compressionTokens(sentence);
  if (tokens.length === 0) return "";
  const phrases = group(tokens, model);
  const first = phrases[0]!;
  if (first.width > maxHeadline) return clipHeadline(finish(first.tokens), maxHeadline, 0);
  const minimum = Math.min(3, wordCount(tokens));
  // dropped[j][p]: the score of leaving out phrase j and every one after it, the word before j labelled p.
  const dropped = phrases.map(() => ({ start: 0, keep: 0, drop: 0 }));
  for (let j = phrases.length - 1; j >= 0; j--) {
    const after = dropped[j + 1]?.drop ?? 0;
    for (const previous of ["start", "keep", "drop"] as const) dropped[j]![previous] = phrases[j]!.scores.drop[previous] + after;
  }
  // Phrase by phrase: end the headline here, keep the phrase, or leave it out and go on. What a choice can still
  // score depends only on where it stands, so each place is weighed once: without the memo, a sentence of many short
  // detachable phrases (a seed's run-on paragraph) took time exponential in their number.
  const memo = new Map<string, Choice | undefined>();
  const best = (index: number, previous: KeepLabel, width: number, words: number): Choice | undefined => {
    const key = `${index} ${previous} ${width} ${Math.min(words, minimum)}`;
    if (memo.has(key)) return memo.get(key);
    let found: Choice | undefined;
    const consider = (score: number, kept: number[]): void => {
      if (found === undefined || score > found.score) found = { score, kept };
    };
    if (previous === "keep" && words >= minimum && isFinished(phrases[index - 1]!.tokens.at(-1)!, tokens)) consider(dropped[index]?.keep ?? 0, []);
    const phrase = phrases[index];
    if (phrase !== undefined) {
      const opener = phrase.tokens[0]!;
      // After a phrase left out, only one that can follow anything: a clause after the comma that closed the phrase
      // left out would join on to the words before it (`… succeeded in February [on diverse,] non-commercial music`).
      if (width + 1 + phrase.width <= maxHeadline && (previous === "keep" || detachable.has(opener.word))) {
        const rest = best(index + 1, "keep", width + 1 + phrase.width, words + phrase.words);
        if (rest !== undefined) consider(phrase.scores.keep[previous] + rest.score, [index, ...rest.kept]);
      }
      if (detachable.has(opener.word) && phrase.tokens.length <= longestDetachable && index < phrases.length - 1) {
        const rest = best(index + 1, "drop", width, words);
        if (rest !== undefined) consider(phrase.scores.drop[previous] + rest.score, rest.kept);
      }
    }
    memo.set(key, found);
    return found;
  };
  const chosen = best(1, "keep", first.width, first.words);
  // No choice fits (`Oil traders [in New York area say Exxon … customers]`, one phrase of 100 characters): the
  // sentence ends where a phrase or else a word ends, past half the length, rather than say nothing.
  if (chosen === undefined) return clipHeadline(finish(tokens), maxHeadline, 0.5);
  return finish([0, ...chosen.kept].flatMap((index) => phrases[index]!.tokens));
}

/** The best way on from a phrase: what it adds to the score, and the phrases it keeps. */
interface Choice {
  readonly score: number;
  readonly kept: number[];
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

/** The tokens grouped by phrase, in order, each phrase with its width, words and scores. */
function group(tokens: readonly CompressionToken[], model: IndexedModel): Phrase[] {
  const keep = model.labels.indexOf("keep");
  const drop = model.labels.indexOf("drop");
  const scorer = new FeatureScorer(model);
  const scored = (): Record<KeepLabel, number> => ({ keep: scorer.scores[keep] ?? 0, drop: scorer.scores[drop] ?? 0 });
  // A word's score is that of its own features plus those it shares with the label before it, which depend only
  // on that label and the word's shape, so they are scored once per pair.
  const own = tokens.map((_, i) => {
    scorer.reset();
    stateTokenFeatures(tokens, i, scorer);
    return scored();
  });
  const paired = new Map<string, Record<KeepLabel, number>>();
  const label = (i: number, is: KeepLabel, previous: Previous): number => {
    const key = `${previous} ${tokens[i]!.shape}`;
    let scores = paired.get(key);
    if (scores === undefined) {
      scorer.reset();
      statePreviousFeatures(tokens, i, previous, scorer);
      paired.set(key, (scores = scored()));
    }
    return own[i]![is] + scores[is] + (is === "keep" ? keepBonus : 0);
  };
  const ranges: number[][] = [];
  for (const [i, token] of tokens.entries()) {
    if (token.opens || ranges.length === 0) ranges.push([]);
    ranges.at(-1)!.push(i);
  }
  return ranges.map((range) => {
    const [head, ...rest] = range as [number, ...number[]];
    const scores = {} as PhraseScores;
    for (const is of ["keep", "drop"] as const) {
      const inside = rest.reduce((sum, i) => sum + label(i, is, is), 0);
      scores[is] = { start: label(head, is, "start") + inside, keep: label(head, is, "keep") + inside, drop: label(head, is, "drop") + inside };
    }
    const phrase = range.map((i) => tokens[i]!);
    return { tokens: phrase, width: width(phrase), words: wordCount(phrase), scores };
  });
}

function width(tokens: readonly CompressionToken[]): number {
  return tokens.reduce((sum, token) => sum + [...token.text].length, Math.max(tokens.length - 1, 0));
}

function wordCount(tokens: readonly CompressionToken[]): number {
  return tokens.filter((token) => token.word !== "").length;
}

/** The kept words as text, ending on a word that closes a phrase and without the punctuation that led on. */
function finish(kept: readonly CompressionToken[]): string {
  return closePhrase(kept.map((token) => token.text));
}

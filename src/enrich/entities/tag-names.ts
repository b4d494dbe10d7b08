import { FeatureList, FeatureScorer, indexModel, type FeatureSink, type IndexedModel, type PerceptronModel } from "../../text/averaged-perceptron.ts";
import { firstNames } from "./data/first-names.ts";
import { legalSuffixes } from "./data/legal-forms.ts";
import { organisationHeads } from "./data/words.ts";
import { lookUp, type Case } from "./gazetteer.ts";
import { isHonorific, isRoleHead } from "./role-before.ts";
import type { Token } from "./tokenize.ts";

// A trained tagger for names in mixed-case text: an averaged perceptron (src/text/averaged-perceptron.ts) reads a
// paragraph's tokens left to right and gives each a BIO tag (B-PER, I-PER, …, O), seeing the tags it gave the two
// tokens before. It is trained on CoNLL-2003 train by `npm run train:entities` (tools/train-entities.ts), which
// writes data/tagger-model.tsv; the features here are the ones it was trained with, so a change to them needs a new model.

/** The entity types the tagger tells apart; MISC (nationalities, events) is learnt but not reported. */
export type NameType = "PER" | "LOC" | "ORG" | "MISC";

/** A name the tagger found: tokens `start` to `end` (exclusive) of the paragraph. */
export interface TaggedName {
  readonly start: number;
  readonly end: number;
  readonly type: NameType;
}

/** Every tag the tagger may give, in a fixed order (the model's label order). */
export const tags: readonly string[] = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];

/** A word's shape: capitals X, small letters x, digits d, other marks as they are, runs of one kind written twice at most. */
function shape(text: string): string {
  let out = "";
  let last = "";
  let run = 0;
  for (let i = 0; i < text.length && out.length < 8; i++) {
    const code = text.charCodeAt(i);
    const kind = code >= 65 && code <= 90 ? "X" : code >= 97 && code <= 122 ? "x" : code >= 48 && code <= 57 ? "d" : code >= 128 ? (text[i] === text[i]?.toLowerCase() ? "x" : "X") : (text[i] ?? "");
    run = kind === last ? run + 1 : 1;
    last = kind;
    if (run <= 2) out += kind;
  }
  return out;
}

/** What the gazetteer says of each token: `B-`/`I-` and the kind of the longest known name it is part of, else "". */
function gazetteerMarks(tokens: readonly Token[], mode: Case): string[] {
  const marks = new Array<string>(tokens.length).fill("");
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i] as Token;
    const match = token.word && token.capital ? lookUp(tokens, i, tokens.length, mode) : undefined;
    if (match === undefined) {
      i++;
      continue;
    }
    const kind = match.entry.kind === "company" ? "organisation" : match.entry.kind;
    for (let k = 0; k < match.length; k++) marks[i + k] = `${k === 0 ? "B" : "I"}-${kind}`;
    i += match.length;
  }
  return marks;
}

/** A paragraph's tokens ready for tagging, with what every token's features read. */
export interface Prepared {
  readonly tokens: readonly Token[];
  readonly gazetteer: readonly string[];
  /** Per token, its {@link shape}, made when first asked for (most tokens never are). */
  readonly shapes: (string | undefined)[];
}

/** Gets a paragraph's tokens ready for tagging. */
export function prepare(tokens: readonly Token[], mode: Case): Prepared {
  return { tokens, gazetteer: gazetteerMarks(tokens, mode), shapes: [] };
}

function shapeOf(prepared: Prepared, k: number): string {
  if (k < 0) return "<s>";
  if (k >= prepared.tokens.length) return "</s>";
  return (prepared.shapes[k] ??= shape(prepared.tokens[k]?.text ?? ""));
}

// Small words and marks that may sit inside a name between capitalised words: "Bank of England", "Procter & Gamble".
const inside = new Set(["of", "and", "&", "for", "the", "de", "la", "du", "des", "del", "van", "von", "der", "den", "y", "on", "-", "'", "/"]);

/**
 * Whether token `i` needs the model at all: names start with a capital letter or a digit, and only a few small words
 * continue one. Every other token is O without scoring, which is most of a paragraph (and how training sees it too).
 */
export function mayBeName(prepared: Prepared, i: number, previous: string): boolean {
  const token = prepared.tokens[i] as Token;
  if (token.capital) return true;
  const code = token.text.charCodeAt(0);
  if (code >= 48 && code <= 57) return previous !== "O" && previous !== "<s>";
  if (previous === "O" || previous === "<s>" || !inside.has(token.lower)) return false;
  const next = prepared.tokens[i + 1];
  return next !== undefined && (next.capital || inside.has(next.lower));
}

/** The word of token `k`, lower-cased, or a mark for the edge of the paragraph. */
function wordAt(tokens: readonly Token[], k: number): string {
  return k < 0 ? "<s>" : k >= tokens.length ? "</s>" : (tokens[k] as Token).lower;
}

/** How many `|`-separated parts each feature template's value has (`w-1w=said|reagan` has two): see `indexModel`. */
export const templateArities: Readonly<Record<string, number>> = {
  b: 0, w: 1, s: 1, p2: 1, p3: 1, x2: 1, x3: 1, x4: 1, "w-1": 1, "w+1": 1, "w-2": 1, "w+2": 1, "s-1": 1, "s+1": 1, "s-1s": 3,
  "w-1w": 2, "ww+1": 2, g: 1, "g-1": 1, "g+1": 1, start: 0, "start|s": 1, pos: 0, first: 0, "first-1": 0, role: 0,
  "role-1": 0, orghead: 0, "orghead+1": 0, "t-1": 1, "t-2t-1": 2, "t-1w": 2, "t-1s": 2, h: 1, "h|t-1": 2,
};

/**
 * States the features of token `i`, given the two tags before it and what earlier paragraphs of the story said of
 * its word, to `sink`: as strings to train (`featuresAt`), or scored as they come to tag (`tagTokens`).
 */
function stateFeatures(prepared: Prepared, i: number, previous: string, beforePrevious: string, memory: StoryMemory, sink: FeatureSink): void {
  const { tokens, gazetteer } = prepared;
  const token = tokens[i] as Token;
  const own = shapeOf(prepared, i);
  const lower = token.lower;
  const next = tokens[i + 1];
  const before = tokens[i - 1];
  sink.feature0("b");
  sink.feature1("w", lower);
  sink.feature1("s", own);
  sink.feature1("p2", lower.slice(0, 2));
  sink.feature1("p3", lower.slice(0, 3));
  sink.feature1("x2", lower.slice(-2));
  sink.feature1("x3", lower.slice(-3));
  sink.feature1("x4", lower.slice(-4));
  sink.feature1("w-1", wordAt(tokens, i - 1));
  sink.feature1("w+1", wordAt(tokens, i + 1));
  sink.feature1("w-2", wordAt(tokens, i - 2));
  sink.feature1("w+2", wordAt(tokens, i + 2));
  sink.feature1("s-1", shapeOf(prepared, i - 1));
  sink.feature1("s+1", shapeOf(prepared, i + 1));
  sink.feature3("s-1s", shapeOf(prepared, i - 1), own, shapeOf(prepared, i + 1));
  sink.feature2("w-1w", wordAt(tokens, i - 1), lower);
  sink.feature2("ww+1", lower, wordAt(tokens, i + 1));
  sink.feature1("g", gazetteer[i] as string);
  sink.feature1("g-1", gazetteer[i - 1] ?? "<s>");
  sink.feature1("g+1", gazetteer[i + 1] ?? "</s>");
  if (token.sentenceStart) {
    sink.feature0("start");
    sink.feature1("start|s", own);
  }
  if (token.possessive) sink.feature0("pos");
  if (firstNames.has(token.text)) sink.feature0("first");
  if (before !== undefined && firstNames.has(before.text)) sink.feature0("first-1");
  if (isRoleHead(token)) sink.feature0("role");
  if (before !== undefined && (isRoleHead(before) || isHonorific(before))) sink.feature0("role-1");
  if (organisationHeads.has(lower)) sink.feature0("orghead");
  if (next !== undefined && (legalSuffixes.has(next.lower) || organisationHeads.has(next.lower))) sink.feature0("orghead+1");
  const earlier = memory.get(lower) ?? "-";
  sink.feature1("t-1", previous);
  sink.feature2("t-2t-1", beforePrevious, previous);
  sink.feature2("t-1w", previous, lower);
  sink.feature2("t-1s", previous, own);
  sink.feature1("h", earlier);
  sink.feature2("h|t-1", earlier, previous);
}

/**
 * What the tagger made of each capitalised word earlier in the story (lower case → its type, or O): a name's later
 * mentions are read in the light of its first ("Leicestershire beat Somerset" then "Leicestershire extended").
 */
export type StoryMemory = Map<string, string>;

/** The features of token `i` given the two tags before it and what earlier paragraphs of the story said of its word. */
export function featuresAt(prepared: Prepared, i: number, previous: string, beforePrevious: string, memory: StoryMemory): string[] {
  const list = new FeatureList();
  stateFeatures(prepared, i, previous, beforePrevious, memory, list);
  return list.features;
}

/** Remembers the tags of a paragraph's capitalised words for the paragraphs after it. */
export function remember(memory: StoryMemory, prepared: Prepared, tagged: readonly string[]): void {
  prepared.tokens.forEach((token, i) => {
    if (token.capital && !token.sentenceStart) memory.set(token.lower, tagged[i]?.slice(2) || "O");
  });
}

/** The tagger's model indexed for {@link tagTokens}. */
export function indexTagger(model: PerceptronModel): IndexedModel {
  return indexModel(model, templateArities);
}

/** Tags a paragraph's tokens with `model`, left to right, each tag seeing the two before it; then remembers them. */
export function tagTokens(model: IndexedModel, prepared: Prepared, memory: StoryMemory): string[] {
  const out: string[] = [];
  const scorer = new FeatureScorer(model);
  for (let i = 0; i < prepared.tokens.length; i++) {
    const previous = out[i - 1] ?? "<s>";
    if (mayBeName(prepared, i, previous)) {
      scorer.reset();
      stateFeatures(prepared, i, previous, out[i - 2] ?? "<s>", memory, scorer);
      out.push(scorer.best());
    } else out.push("O");
  }
  remember(memory, prepared, out);
  return out;
}

/** The names in a sequence of BIO tags: an `I-` tag without its `B-` starts a name too. */
export function namesOf(tagged: readonly string[]): TaggedName[] {
  const names: TaggedName[] = [];
  let start = -1;
  let type = "";
  const close = (end: number): void => {
    if (start >= 0) names.push({ start, end, type: type as NameType });
    start = -1;
  };
  tagged.forEach((tag, i) => {
    const kind = tag.slice(2);
    if (tag === "O") close(i);
    else if (tag.startsWith("B-") || kind !== type || start < 0) {
      close(i);
      start = i;
      type = kind;
    }
  });
  close(tagged.length);
  return names;
}

import type { Person, Quote } from "../../article.ts";
import { collapseWhitespace } from "../../collapse-whitespace.ts";
import { indexPeople, mentions, words, type Mention, type PeopleIndex, type Word } from "./speaker-mentions.ts";
import { quoteSpans, type QuotePart, type QuoteSpan } from "./quote-spans.ts";

/** Quotations of fewer words are terms, not statements (“direct”, “unlimited”, "drastic and sudden"). */
const minimumWords = 4;
// Bounds that keep hostile input linear: a governing verb is this many words before its quotation at most, and a
// pronoun looks this many characters back into each sentence.
const verbReach = 60;
const pronounReach = 1000;

// Verbs that attribute the quotation next to them. Words that are as often nouns (`notes`, `claims`, `states`)
// or plain verbs (`continued`, `suggested`) are left out: one of them before a quotation would hide the real speaker.
const speechVerbs = new Set(
  (
    "said says say told tells added adds stated noted warned warns asked asks defended insisted insists assured assures " +
    "explained explains declared declares stressed stresses argued argues replied replies remarked predicted acknowledged " +
    "admitted admits announced wrote writes urged urges cautioned emphasised emphasized maintained complained responded " +
    "conceded concluded answered countered contended testified reiterated affirmed quipped quoted"
  ).split(" "),
);
// A participle hands the quotation to the clause's own verb: `X defended the plan, calling it "…"`.
const participles = new Set("saying adding calling describing noting warning telling arguing insisting stressing explaining".split(" "));
// Words that may stand between a subject and its verb: `Wang also said`, `Smith, who …, has said`, `X was quoted as`.
const betweenSubjectAndVerb = new Set(
  (
    "also has had have would will later then again further earlier previously recently repeatedly once never who was is " +
    "as on today yesterday tonight monday tuesday wednesday thursday friday saturday sunday jr sr"
  ).split(" "),
);
// A descriptor before a name may not contain these: `said a spokesman for Smith` is not Smith speaking.
const prepositions = new Set("for of at in with to from by on about against like than".split(" "));
const determiners = new Set(["the", "a", "an", "his", "her", "its", "their"]);
// `Jeffrey Leeds of Chemical Bank said`: a capitalised affiliation between a name and its verb.
const affiliation = /^ of (?:(?:\p{Lu}[\p{L}\p{N}.&'’-]*|and|&|de|the|of)\s)+/u;
// Where a noun phrase after a speech verb ends: punctuation, or a preposition or relative pronoun.
const phraseEnd = /[,;:()"“”]|\s(?:for|of|at|in|with|to|from|by|on|about|against|like|than|who|which)(?=\s)/g;
const abbreviations = new Set("mr mrs ms dr st jr sr gen sen rep gov lt col capt prof mt ft vs no jan feb mar apr aug sep sept oct nov dec".split(" "));

/** One paragraph, whitespace-normalised, with what attribution needs to know about it. */
interface Paragraph {
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
interface Place {
  readonly paragraph: number;
  readonly sentence: number;
}

interface Found {
  readonly span: QuoteSpan;
  readonly text: string;
  speaker?: string | undefined;
}

/**
 * The direct quotations of an article, in order, each with its speaker when the text attributes it to one of
 * `people`: by a speech verb before it (`Wang said the plan was "…"`) or after it (`"…," Wang told Blinken`,
 * `"…," added the Chinese foreign minister`), by `according to X`, by `he`/`she` when exactly one person is named
 * in that sentence and the one before, or by standing alone right after a quotation of the same paragraph.
 * Anything else, organisations included, gets no speaker. Linear in the text, so it suits whole archives.
 */
export function extractQuotes(paragraphs: readonly string[], people: readonly Person[]): Quote[] {
  const texts = paragraphs.map(collapseWhitespace);
  const spans = quoteSpans(texts);
  if (spans.length === 0) return [];
  const index = indexPeople(people);
  const quoted = texts.map(() => [] as { start: number; end: number }[]);
  for (const span of spans) for (const part of span.parts) quoted[part.paragraph]!.push(part);
  for (const ranges of quoted) ranges.sort((a, b) => a.start - b.start);
  const article: Paragraph[] = texts.map((text, i) => paragraph(text, quoted[i]!, index));
  const found: Found[] = [];
  for (const span of spans) {
    const text = span.parts
      .map((part) => texts[part.paragraph]!.slice(part.start, part.end))
      .join(" ")
      .replace(/[\s,]+$/, "")
      .trim();
    // Shorter ones stay quoted text (no words of theirs attribute anything) but are not returned.
    if (text.split(" ").filter((word) => /[\p{L}\p{N}]/u.test(word)).length >= minimumWords) found.push({ span, text });
  }
  for (const [i, quote] of found.entries()) quote.speaker = attribute(article, found, i);
  return found.map(({ text, speaker }) => (speaker === undefined ? { text } : { text, speaker }));
}

function paragraph(text: string, quoted: readonly { start: number; end: number }[], index: PeopleIndex): Paragraph {
  const outside: Word[] = [];
  let q = 0;
  for (const word of words(text)) {
    while (q < quoted.length && quoted[q]!.end <= word.start) q++;
    const range = quoted[q];
    if (range === undefined || word.end <= range.start) outside.push(word);
  }
  return { text, words: outside, mentions: mentions(text, outside, index), quoted, sentenceEnds: sentenceEnds(text, quoted) };
}

/** Sentence ends outside quotations: `.`, `?`, `!` before a capital or an opening mark, and quotations that end in `.`. */
function sentenceEnds(text: string, quoted: readonly { start: number; end: number }[]): number[] {
  const ends: number[] = [];
  let q = 0;
  for (let i = 0; i < text.length; i++) {
    const range = quoted[q];
    if (range !== undefined && i >= range.start - 1) {
      // Jump over the quotation; a closing mark after a full stop ends the sentence when a new one starts.
      i = range.end;
      q++;
      if (i < text.length && text[i - 1] === "." && startsSentence(text, i + 1)) ends.push(i + 1);
      continue;
    }
    const char = text[i];
    if ((char === "." || char === "?" || char === "!") && startsSentence(text, i + 1) && !(char === "." && isAbbreviation(text, i))) ends.push(i + 1);
  }
  if (ends.at(-1) !== text.length) ends.push(text.length);
  return ends;
}

function startsSentence(text: string, i: number): boolean {
  if (i >= text.length) return true;
  return text[i] === " " && /[\p{Lu}"“]/u.test(text[i + 1] ?? "");
}

/** `Mr.`, `J.`, `U.S.`: a full stop that ends a word rather than a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  let start = dot;
  while (start > 0 && dot - start < 12 && /[\p{L}.]/u.test(text[start - 1]!)) start--;
  const word = text.slice(start, dot);
  return word.length === 1 || word.includes(".") || abbreviations.has(word.toLowerCase());
}

/** The sentence of paragraph `p` that contains `index`. */
function sentenceAt(article: readonly Paragraph[], p: number, index: number): Place {
  const ends = article[p]!.sentenceEnds;
  return { paragraph: p, sentence: Math.min(firstIndex(ends, (end) => end > index), ends.length - 1) };
}

function sentenceRange(article: readonly Paragraph[], place: Place): { start: number; end: number } {
  const ends = article[place.paragraph]!.sentenceEnds;
  return { start: place.sentence === 0 ? 0 : ends[place.sentence - 1]!, end: ends[place.sentence]! };
}

/** The speaker of quotation `i`, by the first rule that applies (see extractQuotes); undefined when none resolves. */
function attribute(article: readonly Paragraph[], found: readonly Found[], i: number): string | undefined {
  const { parts } = found[i]!.span;
  const first = parts[0]!;
  const final = parts.at(-1)!;
  const openPlace = sentenceAt(article, first.paragraph, first.start - 1);
  const closePlace = sentenceAt(article, final.paragraph, final.end);
  const { words: opening } = article[first.paragraph]!;
  const reach = opening[Math.max(0, firstIndex(opening, (word) => word.start >= first.start) - verbReach)]?.start ?? 0;
  const before = { paragraph: first.paragraph, start: Math.max(sentenceRange(article, openPlace).start, reach), end: first.start - 1 };
  const { quoted } = article[final.paragraph]!;
  const nextQuote = quoted[firstIndex(quoted, (range) => range.start > final.end)];
  const closeEnd = sentenceRange(article, closePlace).end;
  const afterEnd = Math.min(closeEnd, nextQuote === undefined ? closeEnd : nextQuote.start - 1);
  const after = { paragraph: final.paragraph, start: skipPunctuation(article[final.paragraph]!.text, final.end + 1, afterEnd), end: afterEnd };
  const context = { article, found, place: openPlace };

  const fromBefore = verbBefore(context, before);
  if (fromBefore?.person !== undefined) return fromBefore.person;
  const fromAfter = final.end < article[final.paragraph]!.text.length ? verbAfter(context, after, closePlace) : undefined;
  if (fromAfter?.person !== undefined) return fromAfter.person;
  // A speech verb whose subject is not one of the people (`the ministry said`) settles it: nobody.
  if (fromBefore !== undefined || fromAfter !== undefined) return undefined;
  const according = accordingTo(article, before) ?? accordingTo(article, after);
  if (according !== undefined) return according;
  return inherited(article, found, i, openPlace, [before, after]);
}

/** Past the spaces, commas and dashes after a closing mark: `”, he said` reads like `,” he said`. */
function skipPunctuation(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && /[\s,\-–—]/.test(text[i]!)) i++;
  return i;
}

interface Range {
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
}

interface Context {
  readonly article: readonly Paragraph[];
  readonly found: readonly Found[];
  readonly place: Place;
}

/** A speech verb found next to a quotation, with its speaker when that is one of the people. */
interface Clause {
  readonly person?: string | undefined;
}

function wordsIn(article: readonly Paragraph[], range: Range): Word[] {
  return within(article[range.paragraph]!.words, range.start, range.end);
}

/** The items of a list sorted by position that lie inside [start, end). */
function within<T extends { readonly start: number; readonly end: number }>(list: readonly T[], start: number, end: number): T[] {
  const result: T[] = [];
  for (let i = firstIndex(list, (item) => item.start >= start); i < list.length && list[i]!.end <= end; i++) result.push(list[i]!);
  return result;
}

/** Binary search: the index of the first item for which `after` holds (it must hold for all items past it). */
function firstIndex<T>(list: readonly T[], after: (item: T) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (after(list[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The last speech verb before the quotation in its sentence, and its subject: `Wang said the plan was "…"`. */
function verbBefore(context: Context, range: Range): Clause | undefined {
  const list = wordsIn(context.article, range);
  const at = list.findLastIndex((word) => speechVerbs.has(word.lower) || participles.has(word.lower));
  const verb = list[at];
  if (verb === undefined) return undefined;
  // A participle or a second verb shares the clause's subject: `X defended the plan, calling it "…"`,
  // `X told Reuters sales were weak, but added: "…"`. Without an earlier speech verb, the sentence's opening name
  // followed by its verb is the subject (`First Boston analyst William Randol recommended …, saying "…"`).
  const shared = participles.has(verb.lower) || /^(?:and|but)$/.test(list[at - 1]?.lower === "also" ? (list[at - 2]?.lower ?? "") : (list[at - 1]?.lower ?? ""));
  const finite = shared ? list.slice(0, at).findLast((word) => speechVerbs.has(word.lower)) : verb;
  let subject: Mention | undefined;
  if (finite !== undefined) subject = speakerOf(context.article, range, finite);
  else if (participles.has(verb.lower)) subject = openingSubject(context.article, range);
  else subject = speakerOf(context.article, range, verb);
  return { person: subject === undefined ? undefined : resolve(context, subject) };
}

/** Who speaks through `verb`: its subject, or the object of `quoted X as saying`. */
function speakerOf(article: readonly Paragraph[], range: Range, verb: Word): Mention | undefined {
  if (verb.lower === "quoted") {
    const { text, mentions: all } = article[range.paragraph]!;
    const object = all[firstIndex(all, (mention) => mention.start > verb.end)];
    if (object !== undefined && text.slice(verb.end, object.start) === " " && text.startsWith(" as saying", object.end)) return object;
  }
  return subjectBefore(article, range, verb);
}

/** The name a sentence opens with, when a verb (a lower-case word) follows it, directly or after an appositive. */
function openingSubject(article: readonly Paragraph[], range: Range): Mention | undefined {
  const { text, mentions: all } = article[range.paragraph]!;
  const first = all[firstIndex(all, (mention) => mention.start >= range.start)];
  if (first === undefined || first.kind === "role" || !describes(text, range.start, first.start)) return undefined;
  return /^(?:,[^,"“”]{1,120},)? \p{Ll}/u.test(text.slice(first.end, first.end + 130)) ? first : undefined;
}

/** An attribution right after the quotation: `"…," Wang told Blinken` or `"…," said analyst Carole Berger`. */
function verbAfter(context: Context, range: Range, place: Place): Clause | undefined {
  const list = wordsIn(context.article, range);
  const verbIndex = list.slice(0, 16).findIndex((word) => speechVerbs.has(word.lower));
  if (verbIndex === -1) return undefined;
  const verb = list[verbIndex]!;
  const { text, mentions: all } = context.article[range.paragraph]!;
  const sentenceContext = { ...context, place };
  if (verbIndex > 0) {
    const subject = speakerOf(context.article, range, verb);
    if (subject === undefined || (subject.start < verb.start && !describes(text, range.start, subject.start))) return {};
    return { person: resolve(sentenceContext, subject) };
  }
  // Verb first: the subject follows it (`said analyst Carole Berger of …`), or is a name in apposition to a
  // description (`defended the head of European diplomacy, Josep Borrell, in …`).
  const subject = headMention(text, all, verb.end, range.end);
  if (subject !== undefined) return { person: resolve(sentenceContext, subject) };
  const segmentEnd = nextComma(text, verb.end, range.end);
  if (segmentEnd < range.end && within(all, verb.end, segmentEnd).length === 0) {
    const appositiveEnd = nextComma(text, segmentEnd + 1, range.end);
    const name = within(all, segmentEnd, appositiveEnd).find((mention) => mention.kind === "name");
    if (name !== undefined && text.slice(segmentEnd + 1, appositiveEnd).trim() === text.slice(name.start, name.end)) return { person: name.person };
  }
  return {};
}

/** `according to State Department spokesman Ned Price`: the named person, when the phrase names one. */
function accordingTo(article: readonly Paragraph[], range: Range): string | undefined {
  const list = wordsIn(article, range);
  const at = list.findIndex((word, k) => word.lower === "according" && list[k + 1]?.lower === "to");
  if (at === -1) return undefined;
  const { text, mentions: all } = article[range.paragraph]!;
  return headMention(text, all, list[at + 1]!.end, range.end)?.person;
}

/**
 * The head of the noun phrase starting at `from`: its last mention before a comma, bracket or preposition, when
 * only descriptors come before it (`Smith Barney analyst Craig Sloane`, `State Department spokesman Ned Price`).
 */
function headMention(text: string, all: readonly Mention[], from: number, limit: number): Mention | undefined {
  const candidates = within(all, from, limit);
  let end = limit;
  let next = 0;
  for (const stop of text.slice(from, limit).matchAll(phraseEnd)) {
    const at = from + stop.index;
    while (next < candidates.length && candidates[next]!.end <= at) next++;
    // A preposition inside a name or role (`head of European diplomacy`) does not end the phrase.
    if (next < candidates.length && candidates[next]!.start <= at) continue;
    end = at;
    break;
  }
  const inside = candidates.filter((mention) => mention.end <= end);
  const head = inside.at(-1);
  if (head === undefined || !describes(text, from, head.start)) return undefined;
  // Two subjects (`said Smith and Jones`) are not one speaker; `and` among descriptors is (`Sen. and Reagan confidant`).
  return / (?:and|or) /.test(text.slice(inside[0]!.end, head.start)) ? undefined : head;
}

/** A quotation standing alone as a sentence, right after an attributed one in the same paragraph: `"…," he said. "…"`. */
function inherited(article: readonly Paragraph[], found: readonly Found[], i: number, place: Place, around: readonly Range[]): string | undefined {
  const previous = found[i - 1];
  if (previous === undefined || place.sentence === 0) return undefined;
  const last = previous.span.parts.at(-1)!;
  if (last.paragraph !== place.paragraph) return undefined;
  if (sentenceAt(article, last.paragraph, last.end).sentence !== place.sentence - 1) return undefined;
  if (around.some((range) => /[\p{L}\p{N}]/u.test(article[range.paragraph]!.text.slice(range.start, range.end)))) return undefined;
  return previous.speaker;
}

/**
 * The mention that is the subject of `verb`: the nearest before it with nothing between but adverbs, after an
 * appositive (`Smith, who met Jones, said`) or as one (`the head of the team, Josep Borrell, said`).
 */
function subjectBefore(article: readonly Paragraph[], range: Range, verb: Word): Mention | undefined {
  const { text, mentions: all } = article[range.paragraph]!;
  for (let k = firstIndex(all, (mention) => mention.end > verb.start) - 1; k >= 0; k--) {
    const mention = all[k]!;
    if (mention.start < range.start) return undefined;
    const opens = describes(text, range.start, mention.start);
    const isAppositive = mention.kind === "name" && /,\s*$/.test(text.slice(Math.max(range.start, mention.start - 3), mention.start));
    if (joinsSubject(text.slice(mention.end, verb.start), isAppositive || opens)) return mention;
  }
  return undefined;
}

/**
 * Whether `gap` may stand between a subject and its verb: adverbs (`also`), after an appositive (`, who …,`) or
 * a relative pronoun (`, who`). A single comma only closes an appositive name (`Escom chairman, John Maree, told`)
 * or an appositive after the clause's first name whose closing comma was left out (`George Hoffman, director of
 * commodity analysis for Pillsbury said`).
 */
function joinsSubject(gap: string, singleCommaCloses: boolean): boolean {
  if (gap.length > 200) return false;
  let rest = gap.replace(affiliation, " ");
  const firstComma = rest.indexOf(",");
  if (firstComma !== -1) {
    if (rest.slice(0, firstComma).trim() !== "") return false;
    const lastComma = rest.lastIndexOf(",");
    if (lastComma !== firstComma) rest = rest.slice(lastComma + 1);
    else if (singleCommaCloses && !/\b(?:and|but|who|whose|which|that)\b/.test(rest)) rest = "";
    else if (/^,\s*who\s/.test(rest)) rest = rest.slice(rest.indexOf("who") + 3);
    else return false;
  }
  return rest.split(/[\s."“”]+/).every((word) => word === "" || betweenSubjectAndVerb.has(word.toLowerCase()) || /^\p{Ll}+ly$/u.test(word));
}

/**
 * True when text[from, to) can describe the name that follows (`analyst`, `Ministry of International Trade and
 * Industry (MITI) director general`): short, no clause punctuation, and not ending in a preposition, since
 * `a spokesman for Smith` is not Smith.
 */
function describes(text: string, from: number, to: number): boolean {
  const between = text.slice(from, to);
  if (between.length > 100 || /[,;:"“”]/.test(between)) return false;
  const last = between
    .split(/[\s.]+/)
    .filter((word) => word !== "" && !determiners.has(word.toLowerCase()))
    .at(-1)
    ?.toLowerCase();
  return last === undefined || !(prepositions.has(last) || speechVerbs.has(last));
}

function nextComma(text: string, from: number, limit: number): number {
  const comma = text.indexOf(",", from);
  return comma === -1 || comma > limit ? limit : comma;
}

/**
 * A mention's person. For a pronoun: the one person named in this sentence before it and in the sentence before
 * (names outside quotations, and speakers already found); when neither names anyone, earlier sentences are read
 * as long as each refers to someone by pronoun (`Smith said … . He added … . "…," he said`), at most three.
 * A name after a preposition (`pessimistic about Nakasone`) is nobody's antecedent but stops the search.
 */
function resolve(context: Context, mention: Mention): string | undefined {
  if (mention.kind !== "pronoun") return mention.person;
  const { article, found, place } = context;
  const named = new Set<string>();
  let objects = 0;
  const read = (where: Place, end: number): boolean => {
    const range = sentenceRange(article, where);
    const stop = Math.min(range.end, end);
    const start = Math.max(range.start, stop - pronounReach);
    const { words: list, mentions: all } = article[where.paragraph]!;
    let pronoun = false;
    for (const other of within(all, start, stop)) {
      if (other.kind === "pronoun") pronoun = true;
      else if (other.kind === "role") continue;
      else if (isObject(list, other.first)) objects++;
      else named.add(other.person ?? "?");
    }
    const from = firstIndex(found, (quote) => !isBefore(quote.span.parts[0]!, where.paragraph, start));
    for (let i = from; i < found.length && isBefore(found[i]!.span.parts[0]!, where.paragraph, stop); i++) {
      const speaker = found[i]!.speaker;
      if (speaker !== undefined) named.add(speaker);
    }
    return pronoun;
  };
  read(place, mention.start);
  let where: Place | undefined = place;
  for (let step = 0; step < 3; step++) {
    where = previousSentence(article, where);
    if (where === undefined) break;
    const pronoun = read(where, Infinity);
    if (named.size > 0 || objects > 0 || !pronoun) break;
  }
  return named.size === 1 && !named.has("?") ? [...named][0] : undefined;
}

/** Whether the word before `first` is a preposition, `according to` excepted (its object is a source). */
function isObject(list: readonly Word[], first: number): boolean {
  const before = list[first - 1]?.lower;
  return before !== undefined && prepositions.has(before) && !(before === "to" && list[first - 2]?.lower === "according");
}

/** Whether a quotation part opens before `index` of paragraph `paragraph`. */
function isBefore(part: QuotePart, paragraph: number, index: number): boolean {
  return part.paragraph < paragraph || (part.paragraph === paragraph && part.start < index);
}

function previousSentence(article: readonly Paragraph[], place: Place): Place | undefined {
  if (place.sentence > 0) return { paragraph: place.paragraph, sentence: place.sentence - 1 };
  for (let p = place.paragraph - 1; p >= 0; p--) {
    if (article[p]!.text !== "") return { paragraph: p, sentence: article[p]!.sentenceEnds.length - 1 };
  }
  return undefined;
}

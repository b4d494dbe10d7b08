import { sentenceAt, sentenceRange, type Context, type Found, type Paragraph, type Place, type Range } from "./quoted-article.ts";
import { resolveMention } from "./resolve-mention.ts";
import { firstIndex, within } from "./sorted-search.ts";
import type { Mention, Word } from "./speaker-mentions.ts";
import { participles, speechVerbs } from "./speech-verbs.ts";
import { describes, headMention, openingSubject, speakerOf } from "./verb-subject.ts";

// A bound that keeps hostile input linear: a governing verb is this many words before its quotation at most.
const verbReach = 60;

/** A speech verb found next to a quotation, with its speaker when that is one of the people. */
interface Clause {
  readonly person?: string | undefined;
}

/** The speaker of quotation `i`, by the first rule that applies (see extractQuotes); undefined when none resolves. */
export function attribute(article: readonly Paragraph[], found: readonly Found[], i: number): string | undefined {
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

function wordsIn(article: readonly Paragraph[], range: Range): Word[] {
  return within(article[range.paragraph]!.words, range.start, range.end);
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
  return { person: subject === undefined ? undefined : resolveMention(context, subject) };
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
    return { person: resolveMention(sentenceContext, subject) };
  }
  // Verb first: the subject follows it (`said analyst Carole Berger of …`), or is a name in apposition to a
  // description (`defended the head of European diplomacy, Josep Borrell, in …`).
  const subject = headMention(text, all, verb.end, range.end);
  if (subject !== undefined) return { person: resolveMention(sentenceContext, subject) };
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

function nextComma(text: string, from: number, limit: number): number {
  const comma = text.indexOf(",", from);
  return comma === -1 || comma > limit ? limit : comma;
}

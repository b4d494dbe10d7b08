import type { QuotePart } from "./quote-spans.ts";
import { previousSentence, sentenceRange, type Context, type Place } from "./quoted-article.ts";
import { firstIndex, within } from "./sorted-search.ts";
import type { Mention, Word } from "./speaker-mentions.ts";
import { prepositions } from "./verb-subject.ts";

// A bound that keeps hostile input linear: a pronoun looks this many characters back into each sentence.
const pronounReach = 1000;

/**
 * A mention's person. For a pronoun: the one person named in this sentence before it and in the sentence before
 * (names outside quotations, and speakers already found); when neither names anyone, earlier sentences are read
 * as long as each refers to someone by pronoun (`Smith said … . He added … . "…," he said`), at most three.
 * A name after a preposition (`pessimistic about Nakasone`) is nobody's antecedent but stops the search.
 */
export function resolveMention(context: Context, mention: Mention): string | undefined {
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

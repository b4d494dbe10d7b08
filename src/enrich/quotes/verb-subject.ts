import type { Paragraph, Range } from "./quoted-article.ts";
import { firstIndex, within } from "./sorted-search.ts";
import type { Mention, Word } from "./speaker-mentions.ts";
import { speechVerbs } from "./speech-verbs.ts";

// Who speaks through a speech verb: its subject before it, the name after `quoted … as saying`, the name a sentence
// opens with, or the head of the noun phrase after it.

// Words that may stand between a subject and its verb: `Wang also said`, `Smith, who …, has said`, `X was quoted as`.
const betweenSubjectAndVerb = new Set(
  (
    "also has had have would will later then again further earlier previously recently repeatedly once never who was is " +
    "as on today yesterday tonight monday tuesday wednesday thursday friday saturday sunday jr sr"
  ).split(" "),
);

// A descriptor before a name may not contain these: `said a spokesman for Smith` is not Smith speaking.
export const prepositions = new Set("for of at in with to from by on about against like than".split(" "));
const determiners = new Set(["the", "a", "an", "his", "her", "its", "their"]);

// `Jeffrey Leeds of Chemical Bank said`: a capitalised affiliation between a name and its verb.
const affiliation = /^ of (?:(?:\p{Lu}[\p{L}\p{N}.&'’-]*|and|&|de|the|of)\s)+/u;

// Where a noun phrase after a speech verb ends: punctuation, or a preposition or relative pronoun.
const phraseEnd = /[,;:()"“”]|\s(?:for|of|at|in|with|to|from|by|on|about|against|like|than|who|which)(?=\s)/g;

/** Who speaks through `verb`: its subject, or the object of `quoted X as saying`. */
export function speakerOf(article: readonly Paragraph[], range: Range, verb: Word): Mention | undefined {
  if (verb.lower === "quoted") {
    const { text, mentions: all } = article[range.paragraph]!;
    const object = all[firstIndex(all, (mention) => mention.start > verb.end)];
    if (object !== undefined && text.slice(verb.end, object.start) === " " && text.startsWith(" as saying", object.end)) return object;
  }
  return subjectBefore(article, range, verb);
}

/** The name a sentence opens with, when a verb (a lower-case word) follows it, directly or after an appositive. */
export function openingSubject(article: readonly Paragraph[], range: Range): Mention | undefined {
  const { text, mentions: all } = article[range.paragraph]!;
  const first = all[firstIndex(all, (mention) => mention.start >= range.start)];
  if (first === undefined || first.kind === "role" || !describes(text, range.start, first.start)) return undefined;
  return /^(?:,[^,"“”]{1,120},)? \p{Ll}/u.test(text.slice(first.end, first.end + 130)) ? first : undefined;
}

/**
 * The head of the noun phrase starting at `from`: its last mention before a comma, bracket or preposition, when
 * only descriptors come before it (`Smith Barney analyst Craig Sloane`, `State Department spokesman Ned Price`).
 */
export function headMention(text: string, all: readonly Mention[], from: number, limit: number): Mention | undefined {
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
export function describes(text: string, from: number, to: number): boolean {
  const between = text.slice(from, to);
  if (between.length > 100 || /[,;:"“”]/.test(between)) return false;
  const last = between
    .split(/[\s.]+/)
    .filter((word) => word !== "" && !determiners.has(word.toLowerCase()))
    .at(-1)
    ?.toLowerCase();
  return last === undefined || !(prepositions.has(last) || speechVerbs.has(last));
}

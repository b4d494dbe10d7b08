import type { Person } from "../../article.ts";

/** A word of a paragraph: letters and digits, joined by `.` or `-` (`U.S`, `Jean-Claude`, `5.93`). */
export interface Word {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
}

/**
 * A phrase that can be the subject of a speech verb: a person's name or short name, `he`/`she`/`him`/`her`, or a role
 * description (`the Chinese foreign minister`). `person` is the canonical name, absent when the phrase could be
 * more than one of the article's people.
 */
export interface Mention {
  readonly kind: "name" | "pronoun" | "role";
  readonly start: number;
  readonly end: number;
  /** Index of the first and one past the last word. */
  readonly first: number;
  readonly last: number;
  readonly person?: string;
}

const wordPattern = /[\p{L}\p{M}\p{N}]+(?:[.-][\p{L}\p{M}\p{N}]+)*/gu;
const upper = /^\p{Lu}/u;
const determiners = new Set(["the", "a", "an", "his", "her", "its", "their"]);
// `him`/`her` matter for `the radio quoted him as saying`.
const pronouns = new Set(["he", "she", "him", "her"]);
// Words that make another office of the same head noun: a deputy prime minister is not the prime minister, nor
// the defence minister the foreign minister. Other capitalised words only qualify (`the Fed chairman`).
const otherOffice = new Set(
  (
    "deputy vice prime assistant acting former chief senior junior under associate executive general foreign defence " +
    "defense finance trade interior economy economic agriculture energy oil petroleum mines health education justice " +
    "labour labor industry commerce transport information home environment planning treasury state budget"
  ).split(" "),
);
const suffixes = new Set(["Jr", "Sr", "II", "III", "IV"]);
// Office and nationality words a role phrase may add without changing whom it names.
const demonym = /^(?:\p{Lu}\p{Ll}+(?:ese|ian|an|ish|ch|i|ic)|Soviet|Swiss|Greek|Thai|U\.S|US|UK|EU|EC|UN|Western)$/u;

/** The words of a paragraph, in order. */
export function words(text: string): Word[] {
  const result: Word[] = [];
  for (const match of text.matchAll(wordPattern)) {
    result.push({ text: match[0], lower: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length });
  }
  return result;
}

interface Role {
  readonly person: string;
  readonly words: ReadonlySet<string>;
  readonly demonyms: ReadonlySet<string>;
}

/** The article's people, indexed for finding them in text: full names, unambiguous name parts, role head nouns. */
export interface PeopleIndex {
  readonly fullNames: ReadonlyMap<string, readonly { readonly person: string; readonly words: readonly string[] }[]>;
  /** A name part (`Wang`, `Blinken`) → its person, or undefined when two people share it. */
  readonly parts: ReadonlyMap<string, string | undefined>;
  /** Head noun of a role (`minister`, `spokesman`, `secretary` of `secretary of state`) → the roles that have it. */
  readonly roles: ReadonlyMap<string, readonly Role[]>;
  readonly roleWords: ReadonlySet<string>;
}

/** Indexes people by their names and roles; people without a usable name are skipped. */
export function indexPeople(people: readonly Person[]): PeopleIndex {
  const fullNames = new Map<string, { person: string; words: string[] }[]>();
  const parts = new Map<string, string | undefined>();
  const roles = new Map<string, Role[]>();
  const roleWords = new Set<string>();
  for (const { name, role } of people) {
    const nameWords = words(name).map((word) => word.text);
    const head = nameWords[0];
    if (head === undefined) continue;
    fullNames.set(head, fullNames.get(head) ?? []).get(head)!.push({ person: name, words: nameWords });
    for (const part of new Set(nameWords)) {
      if (part.length < 2 || !upper.test(part) || suffixes.has(part)) continue;
      parts.set(part, parts.has(part) && parts.get(part) !== name ? undefined : name);
    }
    const roleList = role === undefined ? [] : words(role);
    if (roleList.length === 0) continue;
    const of = roleList.findIndex((word) => word.lower === "of");
    const roleHead = (of > 0 ? roleList[of - 1] : roleList.at(-1))!.lower;
    const entry: Role = {
      person: name,
      words: new Set(roleList.map((word) => word.lower)),
      demonyms: new Set(roleList.filter((word) => demonym.test(word.text)).map((word) => word.lower)),
    };
    roles.set(roleHead, roles.get(roleHead) ?? []).get(roleHead)!.push(entry);
    for (const word of roleList) roleWords.add(word.lower);
  }
  return { fullNames, parts, roles, roleWords };
}

// What may stand between the words of a name (`James A. Baker`, `O'Donnell`) and of a role (`U.S. Treasury`).
const joinsName = /^(?:\.? |['’])$/;
const joinsRole = /^\.? $/;

/** The mentions among `list` (the words outside quotations of one paragraph of `text`), in order. */
export function mentions(text: string, list: readonly Word[], index: PeopleIndex): Mention[] {
  const found: Mention[] = [];
  for (let i = 0; i < list.length; i++) {
    const word = list[i]!;
    const name = nameAt(text, list, i, index);
    if (name !== undefined) {
      found.push(name);
      i = name.last - 1;
      continue;
    }
    if (pronouns.has(word.lower)) {
      found.push({ kind: "pronoun", start: word.start, end: word.end, first: i, last: i + 1 });
      continue;
    }
    const role = roleAt(text, list, i, index);
    if (role !== undefined) found.push(role);
  }
  // A role right before a name is that person's title (`Foreign Minister Wang Yi`): one mention, by name.
  const merged: Mention[] = [];
  for (const mention of found) {
    const previous = merged.at(-1);
    if (mention.kind === "name" && previous?.kind === "role" && previous.last === mention.first) merged[merged.length - 1] = { ...mention, start: previous.start, first: previous.first };
    else merged.push(mention);
  }
  return merged;
}

function gapIs(text: string, list: readonly Word[], i: number, pattern: RegExp): boolean {
  const word = list[i];
  const next = list[i + 1];
  return word !== undefined && next !== undefined && pattern.test(text.slice(word.end, next.start));
}

function nameAt(text: string, list: readonly Word[], i: number, index: PeopleIndex): Mention | undefined {
  const word = list[i]!;
  let best: Mention | undefined;
  for (const candidate of index.fullNames.get(word.text) ?? []) {
    const size = candidate.words.length;
    if (best !== undefined && best.last - best.first >= size) continue;
    let matches = true;
    for (let k = 1; k < size && matches; k++) matches = list[i + k]?.text === candidate.words[k] && gapIs(text, list, i + k - 1, joinsName);
    if (matches) best = { kind: "name", start: word.start, end: list[i + size - 1]!.end, first: i, last: i + size, person: candidate.person };
  }
  if (best !== undefined || !index.parts.has(word.text)) return best;
  // A run of one person's name parts (`Febres Cordero` of Leon Febres Cordero) is one mention.
  const person = index.parts.get(word.text);
  let last = i + 1;
  while (person !== undefined && list[last] !== undefined && index.parts.get(list[last]!.text) === person && gapIs(text, list, last - 1, joinsName)) last++;
  // Next to another capitalised word, it belongs to a longer name (`Wang Meng`, `Hong Kong`), unless that word is
  // a title or an initial (`Foreign Minister Wang`, `Antony J. Blinken`).
  const next = list[last];
  if (next !== undefined && upper.test(next.text) && gapIs(text, list, last - 1, joinsName)) return undefined;
  const previous = list[i - 1];
  if (previous !== undefined && upper.test(previous.text) && gapIs(text, list, i - 1, joinsName) && !titleLike(previous, index)) return undefined;
  return { kind: "name", start: word.start, end: list[last - 1]!.end, first: i, last, ...(person === undefined ? {} : { person }) };
}

/** Whether a word of a role phrase agrees with a person's role: one of its words, its nationality, or a qualifier. */
function fitsRole(word: Word, role: Role): boolean {
  if (role.words.has(word.lower)) return true;
  if (demonym.test(word.text)) return role.demonyms.size === 0 || role.demonyms.has(word.lower);
  return upper.test(word.text) && !otherOffice.has(word.lower);
}

// Titles that stand before a surname; a person's own role words count too.
const titles = new Set(
  (
    "mr mrs ms dr sir lord lady dame president minister secretary chairman chairwoman chancellor premier governor senator sen " +
    "rep representative congressman congresswoman king queen prince princess sheikh emir general gen admiral adm colonel col " +
    "lt captain capt judge justice ambassador commissioner director spokesman spokeswoman chief leader speaker mayor deputy " +
    "vice prof professor pope cardinal bishop ayatollah envoy delegate counsel attorney"
  ).split(" "),
);

function titleLike(word: Word, index: PeopleIndex): boolean {
  return word.text.length === 1 || titles.has(word.lower) || index.roleWords.has(word.lower);
}

/**
 * A role description ending in a role's head noun (`the Chinese foreign minister`, `the secretary of state`),
 * matched case-insensitively to the one person whose role has every word of it but nationality adjectives.
 */
function roleAt(text: string, list: readonly Word[], i: number, index: PeopleIndex): Mention | undefined {
  const candidates = index.roles.get(list[i]!.lower);
  if (candidates === undefined) return undefined;
  let first = i;
  while (first > 0 && i - first < 6 && gapIs(text, list, first - 1, joinsRole)) {
    const previous = list[first - 1]!;
    if (!determiners.has(previous.lower) && !index.roleWords.has(previous.lower) && !upper.test(previous.text) && !otherOffice.has(previous.lower)) break;
    first--;
    if (determiners.has(previous.lower)) break;
  }
  // Its complement (`of state`, `of European diplomacy`); any other complement names another office.
  let last = i + 1;
  const joins = (k: number): boolean => last - i < 8 && gapIs(text, list, k - 1, joinsRole);
  if (list[last]?.lower === "of" && joins(last)) {
    let end = last + 1;
    while (end < list.length && end - i < 8 && index.roleWords.has(list[end]!.lower) && gapIs(text, list, end - 1, joinsRole)) end++;
    if (end === last + 1) return undefined;
    last = end;
  }
  const phrase = list.slice(first, last).filter((word) => !determiners.has(word.lower));
  const people = candidates.filter((role) => phrase.every((word) => fitsRole(word, role)));
  if (people.length === 0) return undefined;
  // `a spokesman` is some spokesman, not the one the article names.
  const indefinite = list[first]!.lower === "a" || list[first]!.lower === "an";
  const person = people.length === 1 && !indefinite ? people[0]!.person : undefined;
  return { kind: "role", start: list[first]!.start, end: list[last - 1]!.end, first, last, ...(person === undefined ? {} : { person }) };
}

import { abbreviatedTitles, firmRoles, honorifics, pluralRoles, roleHeads, roleModifiers } from "./data/roles.ts";
import { calendarWords, connectors } from "./data/words.ts";
import type { Token } from "./tokenize.ts";

/** What the words before a name say about it: whether they mark a person, and the role they give. */
export interface Cue {
  readonly person: boolean;
  readonly role?: string;
  /** The role is one firms hold too ("lead manager"): a person only if more than one word is named. */
  readonly firm?: boolean;
}

const none: Cue = { person: false };

/** Marks in the `places` array given to the functions here: a token of a place's name (a role stops there), or of a body's. */
export const place = 1;
export const body = 2;
const determiners = new Set(["the", "a", "an", "his", "her", "its", "their", "our"]);
const longestRole = 8;

/** Whether a word is a title's head ("Minister", "spokesman", "Sen."). */
export function isRoleHead(token: Token): boolean {
  if (roleHeads.has(token.lower) || token.lower in abbreviatedTitles) return true;
  // "Minister-designate", "President-elect", "Vice-Chairman".
  return token.lower.includes("-") && token.lower.split("-").some((part) => roleHeads.has(part));
}

/** Whether a word is a form of address ("Mr", "Mrs."). */
export function isHonorific(token: Token): boolean {
  return honorifics.has(token.lower.endsWith(".") ? token.lower.slice(0, -1) : token.lower);
}

/**
 * The role given just before the name starting at `tokens[start]`: a run of title words ("U.S. Secretary of State
 * Antony Blinken" → `Secretary of State`, stopping at the country), or an apposition ("the Russian president,
 * Vladimir Putin" → `president`).
 * @param places marks the tokens that name a place (a role stops there) or a body (a role takes it in).
 */
export function roleBefore(tokens: readonly Token[], start: number, places: Uint8Array): Cue {
  const previous = tokens[start - 1];
  // A name that starts a sentence takes no title from the sentence before ("…is the president. Everything else…").
  if (previous === undefined || tokens[start]?.sentenceStart === true) return none;
  if (previous.word && isHonorific(previous)) return { person: true };
  let first = start;
  for (let k = start - 1; k >= 0 && start - k <= longestRole; k--) {
    const token = tokens[k];
    if (token === undefined || !token.word || places[k] === place || token.possessive) break;
    // "House Ways and Means Committee Chairman": the whole name of the body whose title it is.
    const title = places[k] === body || (token.capital ? !calendarWords.has(token.lower) && !determiners.has(token.lower) : roleHeads.has(token.lower) || roleModifiers.has(token.lower));
    if (!title) break;
    first = k;
  }
  while (first < start && connectors.has(tokens[first]?.lower ?? "")) first++;
  const words = tokens.slice(first, start);
  if (!words.some(isRoleHead)) return apposition(tokens, start, places);
  // "president of USAir", "spokesman for the House": the name is the body the office belongs to.
  if (!previous.capital && connectors.has(previous.lower)) return none;
  // "the official Tanjug news agency": official as an adjective.
  if (words.length === 1 && previous.lower === "official" && determiners.has(tokens[first - 1]?.lower ?? "")) return none;
  return cue(words.map((word) => abbreviatedTitles[word.lower] ?? word.text).join(" "), words);
}

/** A role's cue: a person, though maybe a firm if the role is one firms hold too ("lead manager"). */
function cue(role: string, words: readonly Token[]): Cue {
  const head = words.findLast(isRoleHead);
  return head !== undefined && firmRoles.has(head.lower) ? { person: true, role, firm: true } : { person: true, role };
}

/** "the head of European diplomacy, Josep Borrell": a role between a determiner and the comma before the name. */
function apposition(tokens: readonly Token[], start: number, places: Uint8Array): Cue {
  if (tokens[start - 1]?.text !== ",") return none;
  let k = start - 2;
  while (k >= 0 && start - 2 - k < longestRole && tokens[k]?.word === true && !determiners.has(tokens[k]?.lower ?? "")) k--;
  if (!determiners.has(tokens[k]?.lower ?? "")) return none;
  let first = k + 1;
  while (first < start - 1 && places[first] === place) first++;
  const words = tokens.slice(first, start - 1);
  const head = words[0] !== undefined && isRoleHead(words[0]) ? words[0] : words.at(-1);
  if (head === undefined || !isRoleHead(head)) return none;
  return cue(words.map((word) => word.text).join(" "), words);
}

/**
 * The role given just after a name: "Beryl Sprinkel, chairman of the Council of Economic Advisers" → `chairman of the
 * Council of Economic Advisers`, "Nigel Lawson, Britain's Chancellor of the Exchequer" → `Chancellor of the Exchequer`.
 */
export function roleAfter(tokens: readonly Token[], end: number, places: Uint8Array): Cue {
  if (tokens[end]?.text !== ",") return none;
  let k = end + 1;
  // "the", "Britain's", "the company's": whose office it is, not the office.
  while (k < tokens.length && (determiners.has(tokens[k]?.lower ?? "") || places[k] === place || tokens[k]?.possessive === true)) k++;
  const first = k;
  while (k < tokens.length && k - first < 4) {
    const token = tokens[k] as Token;
    if (!token.word) return none;
    if (isRoleHead(token)) break;
    if (!token.capital && !roleModifiers.has(token.lower)) return none;
    k++;
  }
  if (k >= tokens.length || k - first >= 4 || pluralRoles.has(tokens[k]?.lower ?? "")) return none;
  let last = k;
  // "of the Exchequer", "of the Council of Economic Advisers": the body the office belongs to.
  if (tokens[k + 1]?.lower === "of") {
    let j = k + 2;
    while (j < tokens.length && j - k < 10 && tokens[j]?.word === true && (tokens[j]?.capital === true || connectors.has(tokens[j]?.lower ?? "")) && !(j > k + 2 && tokens[j]?.sentenceStart)) j++;
    while (j > k + 2 && connectors.has(tokens[j - 1]?.lower ?? "")) j--;
    if (j > k + 2) last = j - 1;
  }
  // "Outside the House, Energy Minister Marcel Masse": the title belongs to the name after it.
  if (tokens[last + 1]?.word === true && tokens[last + 1]?.capital === true) return none;
  const words = tokens.slice(first, last + 1);
  return cue(words.map((word) => abbreviatedTitles[word.lower] ?? word.text).join(" "), words);
}

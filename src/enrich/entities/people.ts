import { isOrganisationWord, namedBody } from "./bodies.ts";
import { firmAround, firmName } from "./companies.ts";
import { firstNames } from "./data/first-names.ts";
import { roleModifiers } from "./data/roles.ts";
import { arabicArticles, calendarWords, commonNouns, commonWords, connectors, nameParticles, organisationHeads, organisationWords } from "./data/words.ts";
import { hyphenParts, lookUp } from "./gazetteer.ts";
import { isHonorific, isRoleHead, place, roleAfter, roleBefore, type Cue } from "./role-before.ts";
import { recordEntry, recordMatch, type Scan } from "./scan.ts";
import type { Token } from "./tokenize.ts";

// People: a span split into known names, title words and runs of name words, and a run read as a person or a short
// reference (or, holding a word only bodies have, as a body).

/**
 * Whether one capitalised word can never stand for a person: a common word or noun, an abstract noun ("Protectionism",
 * "Delegation") or a congressman's party and state ("D-Kan.").
 */
export function notAName(token: Token): boolean {
  return commonWords.has(token.lower) || commonNouns.has(token.lower) || /(?:isms?|tions?|sions?)$/.test(token.lower) || /^[dri]-\p{L}+\.?$/u.test(token.lower);
}

/** An Arabic family name with its article ("al-Sabah"): part of a name although not capitalised, as in "Ali al-Khalifa al-Sabah". */
export function articleName(token: Token | undefined): boolean {
  const hyphen = token?.text.indexOf("-") ?? -1;
  return token !== undefined && hyphen > 0 && arabicArticles.has(token.text.slice(0, hyphen)) && /\p{Lu}/u.test(token.text[hyphen + 1] ?? "");
}

/** The cue from the words before a name and after it: a role after it counts, else a sign of a person on either side. */
function merge(before: Cue, after: Cue): Cue {
  return after.role === undefined ? { person: before.person || after.person } : after;
}

/** Splits a span into known names, title words and runs of name words. */
export function segments(scan: Scan, from: number, to: number): void {
  const { tokens } = scan;
  let j = from;
  while (j < to) {
    const token = tokens[j] as Token;
    if (calendarWords.has(token.lower) || !token.capital) {
      j++;
      continue;
    }
    const match = lookUp(tokens, j, to, scan.mode);
    if (match !== undefined) {
      recordMatch(scan, match, j);
      j += match.length;
      continue;
    }
    const parts = hyphenParts(token, scan.mode);
    if (parts.length > 0) {
      for (const entry of parts) recordEntry(scan, entry, token.text);
      scan.places[j] = place;
      j++;
      continue;
    }
    if (isTitle(scan, j, from, to)) {
      j++;
      continue;
    }
    let end = j + 1;
    while (end < to && tokens[end - 1]?.possessive !== true) {
      const next = tokens[end] as Token;
      if (next.sentenceStart) break;
      if (articleName(next)) {
        end++;
        continue;
      }
      if (!next.capital) {
        // Particles of a surname ("Perez de Cuellar", "de la Madrid"): the word after them is a name, not a place.
        let k = end;
        while (k < to && k - end < 2 && nameParticles.has(tokens[k]?.lower ?? "")) k++;
        if (k === end || k >= to || (tokens[k]?.capital !== true && !articleName(tokens[k]))) break;
        end = k + 1;
        continue;
      }
      if (placeInName(scan, j, end, to)) {
        end += 2;
        continue;
      }
      // A given name after common nouns starts a new name: "Speaker of the House Jim Wright".
      if (firstNames.has(next.text) && commonRun(scan, j, end)) break;
      if (calendarWords.has(next.lower) || isTitle(scan, end, from, to) || lookUp(tokens, end, to, scan.mode) !== undefined || hyphenParts(next, scan.mode).length > 0) break;
      end++;
    }
    run(scan, j, end);
    j = end;
  }
}

/** Whether the words from `start` to `end` are all common nouns that name no body of their own ("House", "Currency"). */
function commonRun(scan: Scan, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const word = scan.tokens[k]?.lower ?? "";
    if (!commonNouns.has(word) || organisationWords.has(word)) return false;
  }
  return true;
}

/** "Fernando Santos Alvite": a one-word place between a given name and an unknown name is part of the name. */
function placeInName(scan: Scan, start: number, at: number, to: number): boolean {
  const { tokens } = scan;
  if (at !== start + 1 || at + 1 >= to || !firstNames.has(tokens[start]?.text ?? "")) return false;
  const known = lookUp(tokens, at, to, scan.mode);
  const after = tokens[at + 1] as Token;
  if (known?.length !== 1 || known.entry.kind !== "place" || tokens[at]?.possessive === true) return false;
  return after.capital && !after.sentenceStart && !calendarWords.has(after.lower) && !isTitle(scan, at + 1, start, to) && lookUp(tokens, at + 1, to, scan.mode) === undefined;
}

/** Whether a capitalised word belongs to a title: a head ("Minister"), or a modifier next to one ("Foreign", "State" in "Secretary of State"). */
function isTitle(scan: Scan, index: number, from: number, to: number): boolean {
  const { tokens } = scan;
  const token = tokens[index] as Token;
  if (isRoleHead(token) || isHonorific(token)) return true;
  if (!roleModifiers.has(token.lower)) return false;
  for (let k = index + 1; k < to; k++) {
    const next = tokens[k] as Token;
    if (isRoleHead(next)) return true;
    if (!roleModifiers.has(next.lower)) break;
  }
  for (let k = index - 1; k >= from; k--) {
    const previous = tokens[k] as Token;
    if (isRoleHead(previous)) return true;
    if (!connectors.has(previous.lower) && !roleModifiers.has(previous.lower)) break;
  }
  return false;
}

/** A run of capitalised words that no list knows: a person, a short reference, or nothing. */
function run(scan: Scan, start: number, end: number): void {
  const { tokens } = scan;
  const words = tokens.slice(start, end);
  const first = words[0] as Token;
  if (words.some(isOrganisationWord)) {
    // "House Banking Committee Fernand St Germain": the body's name, then a person's.
    let head = words.length - 2;
    while (head > 0 && !organisationHeads.has(words[head]?.lower ?? "")) head--;
    const next = words[head + 1];
    if (head > 0 && next !== undefined && (head + 2 < words.length || firstNames.has(next.text) || /^\p{Lu}\.$/u.test(next.text))) {
      namedBody(scan, words.slice(0, head + 1));
      run(scan, start + head + 1, end);
      return;
    }
    namedBody(scan, words);
    return;
  }
  if (words.length === 1 && first.upper) {
    scan.mentions.acronym(first.text);
    return;
  }
  if (words.some((word) => word.upper)) return;
  if (firmAround(scan, start, end) && firmName(scan, start, end)) return;
  const before = roleBefore(tokens, start, scan.places);
  const cue = before.role === undefined ? merge(before, roleAfter(tokens, end, scan.places)) : before;
  if (words.length === 1) {
    // "lead manager Goldman", "adviser Kleinwort": a role firms hold too does not make one word a person.
    if (!notAName(first)) scan.mentions.reference(first.text, cue.role, cue.person && cue.firm !== true);
    return;
  }
  // Initials only start personal names ("T. Boone Pickens"); firms with initials are in the gazetteer (E.F. Hutton).
  const initial = /^\p{Lu}\.$/u.test(first.text);
  if (cue.person || initial || firstNames.has(first.text)) scan.mentions.person(words.map((word) => word.text), cue.role);
}

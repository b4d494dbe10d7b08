import { groupWords } from "./companies.ts";
import { firstNames } from "./data/first-names.ts";
import { pluralRoles, roleModifiers } from "./data/roles.ts";
import { organisationHeads, organisationWords } from "./data/words.ts";
import { lookUp } from "./gazetteer.ts";
import { body, isHonorific, isRoleHead } from "./role-before.ts";
import { recordMatch, type Scan } from "./scan.ts";
import type { Token } from "./tokenize.ts";

// Bodies without a legal form: ministries, committees, parties, associations, named by the word that ends them.

// Heads that any firm could have: after a bare country they describe ("U.S. Bank officials") rather than name.
const firmHeads = new Set(["bank", "banks", "group", "groups", "company", "companies", "trust", "fund", "funds", "partners", "brothers", "holdings", "industries", "airlines"]);

// A government body named only by its field ("Finance Ministry", "Communication Ministry") could be any country's.
const governmentHeads = new Set(["ministry", "department", "office"]);

/** Whether a body's name says which body it is: more than generic words before its head, and not a bare ministry. */
function named(words: readonly Token[]): boolean {
  if (governmentHeads.has(words.at(-1)?.lower ?? "")) return false;
  return !words.slice(0, -1).every((word) => roleModifiers.has(word.lower) || organisationWords.has(word.lower));
}

/** A word only firms and bodies have in their names, German compounds included ("Genossenschaftsbank", "Handelsbanken"). */
export function isOrganisationWord(token: Token): boolean {
  return organisationWords.has(token.lower) || /\p{L}{3}bank(?:en)?$/u.test(token.lower);
}

/** A body named by a run ending in "Ministry", "Association", "Party"…: kept when more than generic words ("Finance Ministry") or when a country qualifies it. */
export function readBody(scan: Scan, start: number, to: number): boolean {
  const { tokens } = scan;
  const words = tokens.slice(start, to);
  const qualifier = lookUp(tokens, start, to, scan.mode);
  const qualified = qualifier !== undefined && qualifier.entry.kind === "country";
  if (!qualified && !named(words)) return false;
  // "U.S. Bank officials", "Japanese Banks": a country and a word for any firm describe, they don't name.
  if (qualified && qualifier.length === to - start - 1 && firmHeads.has(tokens[to - 1]?.lower ?? "")) return false;
  scan.places.fill(body, qualified ? start + qualifier.length : start, to);
  const parent = groupWords.has(tokens[to - 1]?.lower ?? "") ? lookUp(tokens, start, to - 1, scan.mode) : undefined;
  if (parent?.length === to - 1 - start && parent.entry.kind === "company") {
    scan.mentions.company(parent.entry.name);
    return true;
  }
  if (qualified) recordMatch(scan, qualifier, start);
  scan.mentions.organisation(words.map((word) => word.text).join(" "));
  return true;
}

/** The last organisation head ("Committee") directly followed by a title word ("Chairman") after no title or given name, or -1. */
export function headBeforeTitle(scan: Scan, start: number, to: number): number {
  const { tokens } = scan;
  let head = to - 2;
  while (head > start && !(organisationHeads.has(tokens[head]?.lower ?? "") && isRoleHead(tokens[head + 1] as Token) && !pluralRoles.has(tokens[head + 1]?.lower ?? ""))) head--;
  for (let k = start; k < head; k++) {
    const token = tokens[k] as Token;
    if (isRoleHead(token) || isHonorific(token) || firstNames.has(token.text)) return -1;
  }
  return head;
}

/** "Tower Commission Report", "Senate Banking Committee": the words up to the last head name a body, unless generic. */
export function namedBody(scan: Scan, words: readonly Token[]): void {
  let head = words.length - 1;
  while (head > 0 && !organisationHeads.has(words[head]?.lower ?? "")) head--;
  if (head === 0 || words.some((word) => word.upper)) return;
  const name = words.slice(0, head + 1);
  if (!named(name)) return;
  scan.mentions.organisation(name.map((word) => word.text).join(" "));
}

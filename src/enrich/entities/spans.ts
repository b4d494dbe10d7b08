import { headBeforeTitle, readBody } from "./bodies.ts";
import { bracket, company, firmAhead, firmAround, firmName, startOfCompany, subsidiaryEnd } from "./companies.ts";
import { firstNames } from "./data/first-names.ts";
import { legalSuffixes } from "./data/legal-forms.ts";
import { calendarWords, commonWords, connectors, leadingWords, organisationHeads } from "./data/words.ts";
import { hyphenParts, lookUp } from "./gazetteer.ts";
import { articleName, segments } from "./people.ts";
import { isHonorific, isRoleHead } from "./role-before.ts";
import { recordEntry, recordMatch, type Scan } from "./scan.ts";
import type { Token } from "./tokenize.ts";

// Where names are: in text of one case only the names the gazetteer knows; in mixed case, runs of capitalised
// words, each split into the companies, bodies and people in it.

// Common words that begin firms' names at the start of a sentence: "First Union Corp", "New England Electric System Inc".
const nameStarters = new Set(["first", "new", "total", "second", "third"]);

/** Text in one case: only known names count, since capitals tell nothing. */
export function scanCaseless(scan: Scan): void {
  const { tokens } = scan;
  for (let i = 0; i < tokens.length; ) {
    const match = tokens[i]?.word === true ? lookUp(tokens, i, tokens.length, scan.mode) : undefined;
    if (match !== undefined) {
      recordMatch(scan, match, i);
      i += match.length;
      continue;
    }
    const token = tokens[i];
    if (token?.word === true) for (const entry of hyphenParts(token, scan.mode)) recordEntry(scan, entry, token.text);
    i++;
  }
}

/** Mixed-case text: names are runs of capitalised words. */
export function scanMixed(scan: Scan): void {
  const { tokens } = scan;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i];
    if (token === undefined) break;
    if (token.text === "<") {
      i = bracket(scan, i);
      continue;
    }
    if (!token.word || !token.capital) {
      i++;
      continue;
    }
    const end = spanEnd(scan, i);
    span(scan, i, end);
    i = end;
  }
}

/** Where the run of capitalised words from `start` ends: past small joining words, and past a possessive only into a firm's or known name. */
function spanEnd(scan: Scan, start: number): number {
  const { tokens } = scan;
  let end = start + 1;
  while (end < tokens.length && (tokens[end - 1]?.possessive !== true || firmAhead(scan, end) || knownThrough(scan, start, end))) {
    const token = tokens[end];
    if (token === undefined || !token.word || token.sentenceStart) break;
    if (token.capital || articleName(token)) {
      end++;
      continue;
    }
    const joined = joiners(scan, end);
    if (joined === 0 || (token.lower === "the" && tokens[end - 1]?.lower !== "of")) break;
    end += joined;
  }
  return end;
}

/** Whether a known name runs on past the possessive before `index`: "National People's Congress". */
function knownThrough(scan: Scan, start: number, index: number): boolean {
  for (let k = start; k < index; k++) if ((lookUp(scan.tokens, k, scan.tokens.length, scan.mode)?.length ?? 0) > index - k) return true;
  return false;
}

/** How many small words at `index` join the capitalised words around them ("of", "de la"): 0 if they don't. */
function joiners(scan: Scan, index: number): number {
  const { tokens } = scan;
  let end = index;
  while (end - index < 2 && connectors.has(tokens[end]?.lower ?? "") && tokens[end]?.capital === false) end++;
  const next = tokens[end];
  return end > index && next?.word === true && next.capital && !next.sentenceStart ? end - index : 0;
}

/** A run of capitalised words (with the small words of names between them). */
function span(scan: Scan, from: number, to: number): void {
  const { tokens } = scan;
  let start = from;
  while (start < to && lookUp(tokens, start, to, scan.mode) === undefined) {
    const token = tokens[start];
    if (token === undefined) return;
    const common = token.sentenceStart && commonWords.has(token.lower) && !(nameStarters.has(token.lower) && firmAhead(scan, start + 1));
    const drop = leadingWords.has(token.lower) || calendarWords.has(token.lower) || common || !token.capital;
    if (!drop) break;
    start++;
  }
  if (start >= to) return;
  const whole = lookUp(tokens, start, to, scan.mode);
  if (whole !== undefined && whole.length === to - start) {
    recordMatch(scan, whole, start);
    return;
  }
  for (let k = start + 1; k < to; k++) {
    if (!legalSuffixes.has(tokens[k]?.lower ?? "")) continue;
    let companyStart = startOfCompany(scan, start, k);
    for (let h = k - 1; h >= companyStart; h--) {
      if (!/-\p{Ll}+$/u.test(tokens[h]?.text ?? "")) continue;
      companyStart = h + 1;
      break;
    }
    if (companyStart > start) segments(scan, start, companyStart - 1);
    company(scan, tokens.slice(companyStart, k + 1));
    let rest = k + 1;
    while (rest < to && (legalSuffixes.has(tokens[rest]?.lower ?? "") || connectors.has(tokens[rest]?.lower ?? ""))) rest++;
    rest = subsidiaryEnd(scan, rest, to);
    if (rest < to) span(scan, rest, to);
    return;
  }
  const last = tokens[to - 1];
  // "National Grain and Feed Association" is one name, "Paul Volcker and International Monetary Fund" is not.
  const and = tokens.slice(start, to).findIndex((token) => token.lower === "and" || token.lower === "&");
  // "Pratt and Whitney unit", "brokers Phillips and Drew": partners' names beside a word for a firm.
  if (and > 0 && firmAround(scan, start, to) && unknown(scan, start, to) && firmName(scan, start, to)) return;
  const joined = and === -1 || lookUp(tokens, start, start + and, scan.mode) === undefined;
  const person = isRoleHead(tokens[start] as Token) || firstNames.has(tokens[start]?.text ?? "");
  if (to - start >= 2 && last !== undefined && organisationHeads.has(last.lower) && joined && !person && readBody(scan, start, to)) return;
  // "House Ways and Means Committee Chairman Dan Rostenkowski": a body's name, then the title held in it.
  const head = headBeforeTitle(scan, start, to);
  const country = lookUp(tokens, start, start + 1, scan.mode)?.entry.kind === "country" ? 1 : 0;
  if (head > start && joined && !person && unknown(scan, start + country, head + 1) && readBody(scan, start, head + 1)) {
    segments(scan, head + 1, to);
    return;
  }
  segments(scan, start, to);
}

/** Whether no word from `start` to `to` starts a known name or a title. */
function unknown(scan: Scan, start: number, to: number): boolean {
  for (let k = start; k < to; k++) {
    const token = scan.tokens[k] as Token;
    if (isRoleHead(token) || isHonorific(token) || lookUp(scan.tokens, k, to, scan.mode) !== undefined) return false;
  }
  return true;
}

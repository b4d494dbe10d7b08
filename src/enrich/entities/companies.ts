import { firstNames } from "./data/first-names.ts";
import { legalSuffixes } from "./data/legal-forms.ts";
import { commonNouns, commonWords, connectors, firmNouns, firmsBefore, leadingWords, organisationWords } from "./data/words.ts";
import { lookUp, type Match } from "./gazetteer.ts";
import { isRoleHead, place } from "./role-before.ts";
import type { Scan } from "./scan.ts";
import type { Token } from "./tokenize.ts";

// Companies: names in Reuters' angle brackets, names ending in a legal form, and names beside a word for a firm.

// Words that make a known company's name its group's: "Reuters Holdings", "PaineWebber Group".
export const groupWords = new Set(["group", "holdings", "holding"]);

/** A ticker's word: capitals, digits and dots, as in `F`, `GM`, `VOWG.F`, `0005.HK`, or an exchange code (`ST`); not a legal form (`<BASF AG>`). */
function isTickerWord(token: Token): boolean {
  return token.text.length <= 9 && /^[\p{Lu}\d][\p{Lu}\d.]*$/u.test(token.text) && !legalSuffixes.has(token.lower);
}

/**
 * Reuters writes companies and tickers in angle brackets: `<America First Fund>`, `Standard Oil Co <SRD>`,
 * `Ford Motor Co <F>`, `Swedish Match <SMBS ST>`. A ticker is never an entity of its own.
 */
export function bracket(scan: Scan, open: number): number {
  const { tokens } = scan;
  let close = open + 1;
  while (close < tokens.length && close - open < 16 && tokens[close]?.text !== ">") close++;
  if (tokens[close]?.text !== ">") return open + 1;
  const words = tokens.slice(open + 1, close).filter((token) => token.word);
  const afterFirm = tokens[open - 1]?.capital === true && legalSuffixes.has(tokens[open - 1]?.lower ?? "");
  if (words.length > 0 && (afterFirm || words.every(isTickerWord))) scan.mentions.ticker(words.map((word) => word.text).join(" "));
  else if (words.length > 0) company(scan, words);
  return close + 1;
}

/** Whether a legal suffix follows within a few capitalised words: "Moody's Investors Service Inc" is one name. */
export function firmAhead(scan: Scan, index: number): boolean {
  const { tokens } = scan;
  if (scan.places[index - 1] === place || lookUp(tokens, index - 1, index, scan.mode)?.entry.kind === "country") return false;
  for (let k = index; k < tokens.length && k - index < 4; k++) {
    const token = tokens[k];
    if (token === undefined || !token.word || !token.capital) return false;
    if (legalSuffixes.has(token.lower)) return k > index;
  }
  return false;
}

/** After "Swiss Bank Corporation", "Bond Corp": where a subsidiary's generic words and legal form ("International Ltd", "Holdings Ltd") end. */
export function subsidiaryEnd(scan: Scan, from: number, to: number): number {
  const { tokens } = scan;
  for (let k = from; k < to; k++) {
    const word = tokens[k]?.lower ?? "";
    if (legalSuffixes.has(word)) return k > from ? k + 1 : from;
    if (!organisationWords.has(word)) return from;
  }
  return from;
}

/** Where a company name ending before `suffix` starts: after "of" or "and" when a person comes first ("Lee Iacocca of Chrysler Corp"). */
export function startOfCompany(scan: Scan, start: number, suffix: number): number {
  const { tokens } = scan;
  for (let k = suffix - 1; k > start; k--) {
    const word = tokens[k]?.lower;
    if (word !== "of" && word !== "and") continue;
    const before = tokens.slice(start, k);
    const known = word === "and" && (lookUp(tokens, start, k, scan.mode)?.length === k - start || knownFirmTo(scan, k + 1, suffix));
    if (known || before.some(isRoleHead) || (word === "of" && firstNames.has(before[0]?.text ?? ""))) return k + 1;
  }
  return start;
}

/** Whether a firm the gazetteer knows runs from `start` to `suffix`, or to the "and" of "and Co" ("Smith Barney Harris Upham and Co"). */
function knownFirmTo(scan: Scan, start: number, suffix: number): boolean {
  const length = lookUp(scan.tokens, start, suffix, scan.mode)?.length;
  return length === suffix - start || (length === suffix - 1 - start && scan.tokens[suffix - 1]?.lower === "and");
}

/** A company's name as written, without legal suffixes: the gazetteer's name when it knows the company. */
export function company(scan: Scan, words: readonly Token[]): void {
  let end = words.length;
  while (end > 0 && (legalSuffixes.has(words[end - 1]?.lower ?? "") || connectors.has(words[end - 1]?.lower ?? "") || words[end - 1]?.text === ",")) end--;
  if (end === 0) return;
  const match = lookUp(words, 0, end, scan.mode);
  const known = match?.length === end ? match : knownCompany(scan, words, end);
  if (known !== undefined && (known.entry.kind === "company" || known.entry.kind === "organisation")) {
    scan.mentions.company(known.entry.name);
    return;
  }
  // "Consolidated Edison Co of New York Inc", "Santos Ltd": a known place's name is no company's name of its own here.
  if (match !== undefined && (end === 1 || (match.length === end && (match.entry.kind === "place" || match.entry.kind === "country")))) return;
  scan.mentions.company(words.slice(0, end).map((word) => word.text).join(" "));
}

/** "Federal Deposit Insurance Corp" is known with its legal form; "Reuters Holdings", "PaineWebber Group" are Reuters, PaineWebber. */
function knownCompany(scan: Scan, words: readonly Token[], end: number): Match | undefined {
  const form = lookUp(words, 0, words.length, scan.mode);
  if (form?.length === words.length) return form;
  if (end < 2 || !groupWords.has(words[end - 1]?.lower ?? "")) return undefined;
  const parent = lookUp(words, 0, end - 1, scan.mode);
  return parent?.length === end - 1 ? parent : undefined;
}

/**
 * "the Cheung Kong group", "the official Tanjug news agency": a name before a word for a firm is the firm's, unless
 * it starts a sentence ("Parent company…") or is the surname of someone the story names (see {@link Mentions.firm}).
 */
export function firmName(scan: Scan, start: number, end: number): boolean {
  const { tokens } = scan;
  const first = tokens[start] as Token;
  const single = end - start === 1 && (first.sentenceStart || commonWords.has(first.lower) || commonNouns.has(first.lower));
  // "Pacific Bell unit", "New York Telephone company": only part of the name follows a known name.
  const previous = tokens[start - 1];
  const partOf = previous?.word === true && previous.capital && !previous.possessive && !leadingWords.has(previous.lower) && !commonWords.has(previous.lower);
  // "a bank I'm not sure…": a pronoun, with or without its contraction.
  if (leadingWords.has(first.lower.split("'")[0] ?? "")) return false;
  if (single || partOf || tokens[end - 1]?.possessive === true || /-\p{Ll}+$/u.test(tokens[end - 1]?.text ?? "")) return false;
  scan.mentions.firm(
    tokens
      .slice(start, end)
      .map((token) => token.text)
      .join(" "),
  );
  return true;
}

/** Whether a word for a firm stands just before `start` ("brokers James Capel") or at `end` ("the Cheung Kong group"). */
export function firmAround(scan: Scan, start: number, end: number): boolean {
  const previous = scan.tokens[start - 1];
  return (previous?.word === true && !previous.capital && firmsBefore.has(previous.lower)) || firmNounAt(scan, end);
}

/** Whether a word for a firm stands at `index`: "group", "unit", "news agency". */
function firmNounAt(scan: Scan, index: number): boolean {
  const noun = scan.tokens[index];
  if (noun === undefined || noun.capital) return false;
  return firmNouns.has(noun.lower) || (noun.lower === "news" && scan.tokens[index + 1]?.lower === "agency");
}

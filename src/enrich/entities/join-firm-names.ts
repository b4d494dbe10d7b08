import { firstNames } from "./data/first-names.ts";
import { legalSuffixes } from "./data/legal-forms.ts";
import { calendarWords, commonWords, connectors } from "./data/words.ts";
import { lookUp } from "./gazetteer.ts";
import { isHonorific, isRoleHead } from "./role-before.ts";
import type { Token } from "./tokenize.ts";

// The legal forms that end a partnership's name: "Goldman, Sachs and Co", "Alex. Brown and Sons".
const partnershipEnds = new Set(["co", "co.", "company", "sons"]);
const longestPart = 2;

/**
 * Mixed-case tokens with the punctuation inside company names dropped, so that each name reads as one run of words:
 * "Goldman, Sachs and Co" → "Goldman Sachs and Co", "Cargill, Inc." → "Cargill Inc.",
 * "Cheung Kong (Holdings) Ltd" → "Cheung Kong Ltd", "Donaldson, Lufkin and Jenrette" (a firm the gazetteer knows).
 */
export function joinFirmNames(tokens: readonly Token[]): readonly Token[] {
  let drop: Uint8Array | undefined;
  for (let s = 1; s < tokens.length; s++) {
    const suffix = tokens[s] as Token;
    if (!suffix.capital || !legalSuffixes.has(suffix.lower)) continue;
    const marks = qualifier(tokens, s) ?? commaSuffix(tokens, s) ?? partnership(tokens, s);
    if (marks === undefined) continue;
    drop ??= new Uint8Array(tokens.length);
    for (const index of marks) drop[index] = 1;
  }
  for (let comma = 1; comma < tokens.length; comma++) {
    if (tokens[comma]?.text !== "," || drop?.[comma] === 1 || !isName(tokens[comma + 1])) continue;
    const marks = knownWithCommas(tokens, comma);
    if (marks === undefined) continue;
    drop ??= new Uint8Array(tokens.length);
    for (const index of marks) drop[index] = 1;
    comma = marks.at(-1) ?? comma;
  }
  return drop === undefined ? tokens : tokens.filter((_, index) => drop[index] !== 1);
}

const isName = (token: Token | undefined): token is Token => token?.word === true && token.capital;

/** "Cheung Kong (Holdings) Ltd", "Nikko Securities Co (Europe) Ltd": a bracketed qualifier before the legal form. */
function qualifier(tokens: readonly Token[], suffix: number): number[] | undefined {
  if (tokens[suffix - 1]?.text !== ")") return undefined;
  let open = suffix - 2;
  while (open > suffix - 6 && isName(tokens[open])) open--;
  if (tokens[open]?.text !== "(" || open === suffix - 2 || !isName(tokens[open - 1])) return undefined;
  const marks: number[] = [];
  for (let k = open; k < suffix; k++) marks.push(k);
  return marks;
}

/** "Cargill, Inc.": a comma between a name and its legal form. */
function commaSuffix(tokens: readonly Token[], suffix: number): number[] | undefined {
  return tokens[suffix - 1]?.text === "," && isName(tokens[suffix - 2]) && !legalSuffixes.has(tokens[suffix - 2]?.lower ?? "") ? [suffix - 1] : undefined;
}

/**
 * A partnership named after its partners, with commas between them: "Goldman, Sachs and Co", "Peat, Marwick,
 * Mitchell and Co", "Smith Barney, Harris Upham and Co". Lists of firms ("Salomon Brothers Inc, Goldman, Sachs
 * and Co") stop at the previous firm's legal form, and a place, a date or a known firm is never a partner.
 */
function partnership(tokens: readonly Token[], suffix: number): number[] | undefined {
  if (!partnershipEnds.has(tokens[suffix]?.lower ?? "") || tokens[suffix - 1]?.lower !== "and") return undefined;
  const next = tokens[suffix + 1];
  if (isName(next) && !legalSuffixes.has(next.lower)) return undefined;
  let start = part(tokens, suffix - 1);
  // "Samuel Montagu and Co", "S.G. Warburg and Co": a firm named by one full name, after a list of others.
  if (start === undefined || lookUp(tokens, start, suffix - 1, "mixed")?.entry.kind === "company") return undefined;
  if (suffix - 1 - start > 1 && firstNames.has(tokens[start]?.text ?? "")) return undefined;
  const marks: number[] = [];
  while (tokens[start - 1]?.text === ",") {
    const previous = part(tokens, start - 1);
    if (previous === undefined || !(partner(tokens, previous, start - 1) || knownFirm(tokens, previous, start, suffix - 1))) break;
    marks.push(start - 1);
    start = previous;
  }
  return marks.length > 0 ? marks : undefined;
}

/** The start of the one or two capitalised words that end just before `end`, if they stand alone. */
function part(tokens: readonly Token[], end: number): number | undefined {
  let start = end;
  while (start > end - longestPart && isName(tokens[start - 1]) && !legalSuffixes.has(tokens[start - 1]?.lower ?? "")) start--;
  if (start === end || isName(tokens[start - 1])) return undefined;
  return start;
}

/**
 * Whether the words from `start` to `end` can be a partner's name: no acronym, place, date, title, known firm or
 * person's full name, and not the end of a longer name ("Caisse Nationale du Credit Agricole").
 */
function partner(tokens: readonly Token[], start: number, end: number): boolean {
  const first = tokens[start] as Token;
  if (calendarWords.has(first.lower) || (first.sentenceStart && commonWords.has(first.lower))) return false;
  const previous = tokens[start - 1]?.lower ?? "";
  if (connectors.has(previous) && previous !== "and") return false;
  if (end - start > 1 && firstNames.has(first.text)) return false;
  for (let k = start; k < end; k++) {
    const token = tokens[k] as Token;
    if (token.upper || isRoleHead(token) || isHonorific(token) || calendarWords.has(token.lower)) return false;
    if (lookUp(tokens, k, end, "mixed") !== undefined) return false;
  }
  return true;
}

/** The commas inside a firm the gazetteer knows that starts just before the comma at `comma` ("Merrill Lynch, Pierce, Fenner and Smith"). */
function knownWithCommas(tokens: readonly Token[], comma: number): number[] | undefined {
  const start = part(tokens, comma);
  if (start === undefined) return undefined;
  const words: Token[] = [];
  const commas: number[] = [];
  for (let k = start; k < tokens.length && words.length < 8; k++) {
    const token = tokens[k] as Token;
    if (token.text === ",") commas.push(k);
    else if (token.word) words.push(token);
    else break;
  }
  const length = lookUp(words, 0, words.length, "mixed")?.length ?? 0;
  // The commas with some of the known name's words after them: "Goldman, Sachs", not "Texaco, Exxon".
  const inside = commas.filter((index, before) => index - start - before < length);
  return inside[0] === comma ? inside : undefined;
}

/** Whether the partners before and after the comma at `comma - 1` together make a firm the gazetteer knows ("Smith Barney, Harris Upham"). */
function knownFirm(tokens: readonly Token[], from: number, comma: number, end: number): boolean {
  const joined = [...tokens.slice(from, comma - 1), ...tokens.slice(comma, end)];
  const match = lookUp(joined, 0, joined.length, "mixed");
  return match?.entry.kind === "company" && match.length === joined.length;
}

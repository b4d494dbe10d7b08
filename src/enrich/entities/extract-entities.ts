import type { Entities } from "../../article.ts";
import { firstNames } from "./data/first-names.ts";
import { pluralRoles, roleModifiers } from "./data/roles.ts";
import { arabicArticles, calendarWords, commonNouns, commonWords, connectors, firmNouns, firmsBefore, legalSuffixes, nameParticles, organisationHeads, organisationWords } from "./data/words.ts";
import { abbreviations, hyphenParts, lookUp, type Case, type Entry, type Match } from "./gazetteer.ts";
import { joinFirmNames } from "./join-firm-names.ts";
import { Mentions } from "./mentions.ts";
import { body, isHonorific, isRoleHead, place, roleAfter, roleBefore, type Cue } from "./role-before.ts";
import { tokenize, type Token } from "./tokenize.ts";

/** Options for {@link extractEntities}. */
export interface ExtractOptions {
  /** The story's date (`YYYY-MM-DD`), so that a city is placed in the country it belonged to then. */
  readonly date?: string;
}

// Reuters' abbreviations for US dollars and cents, and US companies' legal forms.
const americanWords = new Set(["dlrs", "dlr", "cts"]);
const americanForms = new Set(["inc", "inc.", "corp", "corp."]);

// Heads that any firm could have: after a bare country they describe ("U.S. Bank officials") rather than name.
const firmHeads = new Set(["bank", "banks", "group", "groups", "company", "companies", "trust", "fund", "funds", "partners", "brothers", "holdings", "industries", "airlines"]);

// Words that make a known company's name its group's: "Reuters Holdings", "PaineWebber Group".
const groupWords = new Set(["group", "holdings", "holding"]);

// Common words that begin firms' names at the start of a sentence: "First Union Corp", "New England Electric System Inc".
const nameStarters = new Set(["first", "new", "total", "second", "third"]);

// Words that never begin a name, wherever they stand.
const leadingWords = new Set(["the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "we", "they", "i", "his", "her", "its", "their", "our", "but", "and", "or", "if", "so", "as", "at", "in", "on", "of", "for", "by", "to", "from", "with", "while", "when", "after", "before"]);

/**
 * The people, places and organisations a story mentions, each by one canonical name, in order of first mention.
 * Places include the country of each city, state or national body named ("Houston" → also United States).
 */
export function extractEntities(paragraphs: readonly string[], options: ExtractOptions = {}): Entities {
  const mentions = new Mentions(options.date);
  for (const paragraph of paragraphs) scanParagraph(paragraph, mentions);
  return mentions.entities();
}

/** How a paragraph is written: text with under 10 % small letters counts as written in capitals. */
function caseOf(paragraph: string): Case {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < paragraph.length; i++) {
    const code = paragraph.charCodeAt(i);
    if (code >= 65 && code <= 90) upper++;
    else if (code >= 97 && code <= 122) lower++;
  }
  if (upper === 0) return "lower";
  return lower < (upper + lower) / 10 ? "upper" : "mixed";
}

// A government body named only by its field ("Finance Ministry", "Communication Ministry") could be any country's.
const governmentHeads = new Set(["ministry", "department", "office"]);

/** Whether a body's name says which body it is: more than generic words before its head, and not a bare ministry. */
function named(words: readonly Token[]): boolean {
  if (governmentHeads.has(words.at(-1)?.lower ?? "")) return false;
  return !words.slice(0, -1).every((word) => roleModifiers.has(word.lower) || organisationWords.has(word.lower));
}

/** A ticker's word: capitals, digits and dots, as in `F`, `GM`, `VOWG.F`, `0005.HK`, or an exchange code (`ST`); not a legal form (`<BASF AG>`). */
function isTickerWord(token: Token): boolean {
  return token.text.length <= 9 && /^[\p{Lu}\d][\p{Lu}\d.]*$/u.test(token.text) && !legalSuffixes.has(token.lower);
}

/** A word only firms and bodies have in their names, German compounds included ("Genossenschaftsbank", "Handelsbanken"). */
function isOrganisationWord(token: Token): boolean {
  return organisationWords.has(token.lower) || /\p{L}{3}bank(?:en)?$/u.test(token.lower);
}

/**
 * Whether one capitalised word can never stand for a person: a common word or noun, an abstract noun ("Protectionism",
 * "Delegation") or a congressman's party and state ("D-Kan.").
 */
function notAName(token: Token): boolean {
  return commonWords.has(token.lower) || commonNouns.has(token.lower) || /(?:isms?|tions?|sions?)$/.test(token.lower) || /^[dri]-\p{L}+\.?$/u.test(token.lower);
}

/** An Arabic family name with its article ("al-Sabah"): part of a name although not capitalised, as in "Ali al-Khalifa al-Sabah". */
function articleName(token: Token | undefined): boolean {
  const hyphen = token?.text.indexOf("-") ?? -1;
  return token !== undefined && hyphen > 0 && arabicArticles.has(token.text.slice(0, hyphen)) && /\p{Lu}/u.test(token.text[hyphen + 1] ?? "");
}

function merge(before: Cue, after: Cue): Cue {
  return after.role === undefined ? { person: before.person || after.person } : after;
}

function scanParagraph(paragraph: string, mentions: Mentions): void {
  const mode = caseOf(paragraph);
  const tokens = mode === "mixed" ? joinFirmNames(tokenize(paragraph, abbreviations)) : tokenize(paragraph, abbreviations);
  if (tokens.some((token) => americanWords.has(token.lower) || (token.capital && americanForms.has(token.lower)))) mentions.americanEvidence();
  const scan = new Scan(tokens, mentions, mode);
  if (mode === "mixed") scan.mixed();
  else scan.caseless();
}

/** One paragraph's tokens, read left to right. */
class Scan {
  /** Where a token is part of a place's name (a role or a company name stops there) or of a body's (a role takes it in). */
  private readonly places: Uint8Array;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly mentions: Mentions,
    private readonly mode: Case,
  ) {
    this.places = new Uint8Array(tokens.length);
  }

  /** Text in one case: only known names count, since capitals tell nothing. */
  caseless(): void {
    const { tokens } = this;
    for (let i = 0; i < tokens.length; ) {
      const match = tokens[i]?.word === true ? lookUp(tokens, i, tokens.length, this.mode) : undefined;
      if (match !== undefined) {
        this.known(match, i);
        i += match.length;
        continue;
      }
      const token = tokens[i];
      if (token?.word === true) for (const entry of hyphenParts(token, this.mode)) this.entry(entry, token.text);
      i++;
    }
  }

  /** Mixed-case text: names are runs of capitalised words. */
  mixed(): void {
    const { tokens } = this;
    for (let i = 0; i < tokens.length; ) {
      const token = tokens[i];
      if (token === undefined) break;
      if (token.text === "<") {
        i = this.bracket(i);
        continue;
      }
      if (!token.word || !token.capital) {
        i++;
        continue;
      }
      const end = this.spanEnd(i);
      this.span(i, end);
      i = end;
    }
  }

  /**
   * Reuters writes companies and tickers in angle brackets: `<America First Fund>`, `Standard Oil Co <SRD>`,
   * `Ford Motor Co <F>`, `Swedish Match <SMBS ST>`. A ticker is never an entity of its own.
   */
  private bracket(open: number): number {
    const { tokens } = this;
    let close = open + 1;
    while (close < tokens.length && close - open < 16 && tokens[close]?.text !== ">") close++;
    if (tokens[close]?.text !== ">") return open + 1;
    const words = tokens.slice(open + 1, close).filter((token) => token.word);
    const afterFirm = tokens[open - 1]?.capital === true && legalSuffixes.has(tokens[open - 1]?.lower ?? "");
    if (words.length > 0 && (afterFirm || words.every(isTickerWord))) this.mentions.ticker(words.map((word) => word.text).join(" "));
    else if (words.length > 0) this.company(words);
    return close + 1;
  }

  private spanEnd(start: number): number {
    const { tokens } = this;
    let end = start + 1;
    while (end < tokens.length && (tokens[end - 1]?.possessive !== true || this.firmAhead(end) || this.knownThrough(start, end))) {
      const token = tokens[end];
      if (token === undefined || !token.word || token.sentenceStart) break;
      if (token.capital || articleName(token)) {
        end++;
        continue;
      }
      const joined = this.joiners(end);
      if (joined === 0 || (token.lower === "the" && tokens[end - 1]?.lower !== "of")) break;
      end += joined;
    }
    return end;
  }

  /** Whether a known name runs on past the possessive before `index`: "National People's Congress". */
  private knownThrough(start: number, index: number): boolean {
    for (let k = start; k < index; k++) if ((lookUp(this.tokens, k, this.tokens.length, this.mode)?.length ?? 0) > index - k) return true;
    return false;
  }

  /** Whether a legal suffix follows within a few capitalised words: "Moody's Investors Service Inc" is one name. */
  private firmAhead(index: number): boolean {
    const { tokens } = this;
    if (this.places[index - 1] === place || lookUp(tokens, index - 1, index, this.mode)?.entry.kind === "country") return false;
    for (let k = index; k < tokens.length && k - index < 4; k++) {
      const token = tokens[k];
      if (token === undefined || !token.word || !token.capital) return false;
      if (legalSuffixes.has(token.lower)) return k > index;
    }
    return false;
  }

  /** How many small words at `index` join the capitalised words around them ("of", "de la"): 0 if they don't. */
  private joiners(index: number): number {
    const { tokens } = this;
    let end = index;
    while (end - index < 2 && connectors.has(tokens[end]?.lower ?? "") && tokens[end]?.capital === false) end++;
    const next = tokens[end];
    return end > index && next?.word === true && next.capital && !next.sentenceStart ? end - index : 0;
  }

  /** A run of capitalised words (with the small words of names between them). */
  private span(from: number, to: number): void {
    const { tokens } = this;
    let start = from;
    while (start < to && lookUp(tokens, start, to, this.mode) === undefined) {
      const token = tokens[start];
      if (token === undefined) return;
      const common = token.sentenceStart && commonWords.has(token.lower) && !(nameStarters.has(token.lower) && this.firmAhead(start + 1));
      const drop = leadingWords.has(token.lower) || calendarWords.has(token.lower) || common || !token.capital;
      if (!drop) break;
      start++;
    }
    if (start >= to) return;
    const whole = lookUp(tokens, start, to, this.mode);
    if (whole !== undefined && whole.length === to - start) {
      this.known(whole, start);
      return;
    }
    for (let k = start + 1; k < to; k++) {
      if (!legalSuffixes.has(tokens[k]?.lower ?? "")) continue;
      let companyStart = this.companyStart(start, k);
      for (let h = k - 1; h >= companyStart; h--) {
        if (!/-\p{Ll}+$/u.test(tokens[h]?.text ?? "")) continue;
        companyStart = h + 1;
        break;
      }
      if (companyStart > start) this.segments(start, companyStart - 1);
      this.company(tokens.slice(companyStart, k + 1));
      let rest = k + 1;
      while (rest < to && (legalSuffixes.has(tokens[rest]?.lower ?? "") || connectors.has(tokens[rest]?.lower ?? ""))) rest++;
      rest = this.subsidiaryEnd(rest, to);
      if (rest < to) this.span(rest, to);
      return;
    }
    const last = tokens[to - 1];
    // "National Grain and Feed Association" is one name, "Paul Volcker and International Monetary Fund" is not.
    const and = tokens.slice(start, to).findIndex((token) => token.lower === "and" || token.lower === "&");
    // "Pratt and Whitney unit", "brokers Phillips and Drew": partners' names beside a word for a firm.
    if (and > 0 && this.firmAround(start, to) && this.unknown(start, to) && this.firmName(start, to)) return;
    const joined = and === -1 || lookUp(tokens, start, start + and, this.mode) === undefined;
    const person = isRoleHead(tokens[start] as Token) || firstNames.has(tokens[start]?.text ?? "");
    if (to - start >= 2 && last !== undefined && organisationHeads.has(last.lower) && joined && !person && this.body(start, to)) return;
    // "House Ways and Means Committee Chairman Dan Rostenkowski": a body's name, then the title held in it.
    const head = this.headBeforeTitle(start, to);
    const country = lookUp(tokens, start, start + 1, this.mode)?.entry.kind === "country" ? 1 : 0;
    if (head > start && joined && !person && this.unknown(start + country, head + 1) && this.body(start, head + 1)) {
      this.segments(head + 1, to);
      return;
    }
    this.segments(start, to);
  }

  /** The last organisation head ("Committee") directly followed by a title word ("Chairman") after no title or given name, or -1. */
  private headBeforeTitle(start: number, to: number): number {
    const { tokens } = this;
    let head = to - 2;
    while (head > start && !(organisationHeads.has(tokens[head]?.lower ?? "") && isRoleHead(tokens[head + 1] as Token) && !pluralRoles.has(tokens[head + 1]?.lower ?? ""))) head--;
    for (let k = start; k < head; k++) {
      const token = tokens[k] as Token;
      if (isRoleHead(token) || isHonorific(token) || firstNames.has(token.text)) return -1;
    }
    return head;
  }

  /** After "Swiss Bank Corporation", "Bond Corp": where a subsidiary's generic words and legal form ("International Ltd", "Holdings Ltd") end. */
  private subsidiaryEnd(from: number, to: number): number {
    const { tokens } = this;
    for (let k = from; k < to; k++) {
      const word = tokens[k]?.lower ?? "";
      if (legalSuffixes.has(word)) return k > from ? k + 1 : from;
      if (!organisationWords.has(word)) return from;
    }
    return from;
  }

  /** Where a company name ending before `suffix` starts: after "of" or "and" when a person comes first ("Lee Iacocca of Chrysler Corp"). */
  private companyStart(start: number, suffix: number): number {
    const { tokens } = this;
    for (let k = suffix - 1; k > start; k--) {
      const word = tokens[k]?.lower;
      if (word !== "of" && word !== "and") continue;
      const before = tokens.slice(start, k);
      const known = word === "and" && (lookUp(tokens, start, k, this.mode)?.length === k - start || this.knownFirmTo(k + 1, suffix));
      if (known || before.some(isRoleHead) || (word === "of" && firstNames.has(before[0]?.text ?? ""))) return k + 1;
    }
    return start;
  }

  /** Whether no word from `start` to `to` starts a known name or a title. */
  private unknown(start: number, to: number): boolean {
    for (let k = start; k < to; k++) {
      const token = this.tokens[k] as Token;
      if (isRoleHead(token) || isHonorific(token) || lookUp(this.tokens, k, to, this.mode) !== undefined) return false;
    }
    return true;
  }

  /** Whether a firm the gazetteer knows runs from `start` to `suffix`, or to the "and" of "and Co" ("Smith Barney Harris Upham and Co"). */
  private knownFirmTo(start: number, suffix: number): boolean {
    const length = lookUp(this.tokens, start, suffix, this.mode)?.length;
    return length === suffix - start || (length === suffix - 1 - start && this.tokens[suffix - 1]?.lower === "and");
  }

  /** A body named by a run ending in "Ministry", "Association", "Party"…: kept when more than generic words ("Finance Ministry") or when a country qualifies it. */
  private body(start: number, to: number): boolean {
    const { tokens } = this;
    const words = tokens.slice(start, to);
    const qualifier = lookUp(tokens, start, to, this.mode);
    const qualified = qualifier !== undefined && qualifier.entry.kind === "country";
    if (!qualified && !named(words)) return false;
    // "U.S. Bank officials", "Japanese Banks": a country and a word for any firm describe, they don't name.
    if (qualified && qualifier.length === to - start - 1 && firmHeads.has(tokens[to - 1]?.lower ?? "")) return false;
    this.places.fill(body, qualified ? start + qualifier.length : start, to);
    const parent = groupWords.has(tokens[to - 1]?.lower ?? "") ? lookUp(tokens, start, to - 1, this.mode) : undefined;
    if (parent?.length === to - 1 - start && parent.entry.kind === "company") {
      this.mentions.company(parent.entry.name);
      return true;
    }
    if (qualified) this.known(qualifier, start);
    this.mentions.organisation(words.map((word) => word.text).join(" "));
    return true;
  }

  /** A company's name as written, without legal suffixes: the gazetteer's name when it knows the company. */
  private company(words: readonly Token[]): void {
    let end = words.length;
    while (end > 0 && (legalSuffixes.has(words[end - 1]?.lower ?? "") || connectors.has(words[end - 1]?.lower ?? "") || words[end - 1]?.text === ",")) end--;
    if (end === 0) return;
    const match = lookUp(words, 0, end, this.mode);
    const known = match?.length === end ? match : this.knownCompany(words, end);
    if (known !== undefined && (known.entry.kind === "company" || known.entry.kind === "organisation")) {
      this.mentions.company(known.entry.name);
      return;
    }
    // "Consolidated Edison Co of New York Inc", "Santos Ltd": a known place's name is no company's name of its own here.
    if (match !== undefined && (end === 1 || (match.length === end && (match.entry.kind === "place" || match.entry.kind === "country")))) return;
    this.mentions.company(words.slice(0, end).map((word) => word.text).join(" "));
  }

  /** "Federal Deposit Insurance Corp" is known with its legal form; "Reuters Holdings", "PaineWebber Group" are Reuters, PaineWebber. */
  private knownCompany(words: readonly Token[], end: number): Match | undefined {
    const form = lookUp(words, 0, words.length, this.mode);
    if (form?.length === words.length) return form;
    if (end < 2 || !groupWords.has(words[end - 1]?.lower ?? "")) return undefined;
    const parent = lookUp(words, 0, end - 1, this.mode);
    return parent?.length === end - 1 ? parent : undefined;
  }

  /** Splits a span into known names, title words and runs of name words. */
  private segments(from: number, to: number): void {
    const { tokens } = this;
    let j = from;
    while (j < to) {
      const token = tokens[j] as Token;
      if (calendarWords.has(token.lower) || !token.capital) {
        j++;
        continue;
      }
      const match = lookUp(tokens, j, to, this.mode);
      if (match !== undefined) {
        this.known(match, j);
        j += match.length;
        continue;
      }
      const parts = hyphenParts(token, this.mode);
      if (parts.length > 0) {
        for (const entry of parts) this.entry(entry, token.text);
        this.places[j] = place;
        j++;
        continue;
      }
      if (this.isTitle(j, from, to)) {
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
        if (this.placeInName(j, end, to)) {
          end += 2;
          continue;
        }
        // A given name after common nouns starts a new name: "Speaker of the House Jim Wright".
        if (firstNames.has(next.text) && this.commonRun(j, end)) break;
        if (calendarWords.has(next.lower) || this.isTitle(end, from, to) || lookUp(tokens, end, to, this.mode) !== undefined || hyphenParts(next, this.mode).length > 0) break;
        end++;
      }
      this.run(j, end);
      j = end;
    }
  }

  /** Whether the words from `start` to `end` are all common nouns that name no body of their own ("House", "Currency"). */
  private commonRun(start: number, end: number): boolean {
    for (let k = start; k < end; k++) {
      const word = this.tokens[k]?.lower ?? "";
      if (!commonNouns.has(word) || organisationWords.has(word)) return false;
    }
    return true;
  }

  /** "Fernando Santos Alvite": a one-word place between a given name and an unknown name is part of the name. */
  private placeInName(start: number, at: number, to: number): boolean {
    const { tokens } = this;
    if (at !== start + 1 || at + 1 >= to || !firstNames.has(tokens[start]?.text ?? "")) return false;
    const known = lookUp(tokens, at, to, this.mode);
    const after = tokens[at + 1] as Token;
    if (known?.length !== 1 || known.entry.kind !== "place" || tokens[at]?.possessive === true) return false;
    return after.capital && !after.sentenceStart && !calendarWords.has(after.lower) && !this.isTitle(at + 1, start, to) && lookUp(tokens, at + 1, to, this.mode) === undefined;
  }

  /** Whether a capitalised word belongs to a title: a head ("Minister"), or a modifier next to one ("Foreign", "State" in "Secretary of State"). */
  private isTitle(index: number, from: number, to: number): boolean {
    const { tokens } = this;
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
  private run(start: number, end: number): void {
    const { tokens } = this;
    const words = tokens.slice(start, end);
    const first = words[0] as Token;
    if (words.some(isOrganisationWord)) {
      // "House Banking Committee Fernand St Germain": the body's name, then a person's.
      let head = words.length - 2;
      while (head > 0 && !organisationHeads.has(words[head]?.lower ?? "")) head--;
      const next = words[head + 1];
      if (head > 0 && next !== undefined && (head + 2 < words.length || firstNames.has(next.text) || /^\p{Lu}\.$/u.test(next.text))) {
        this.namedBody(words.slice(0, head + 1));
        this.run(start + head + 1, end);
        return;
      }
      this.namedBody(words);
      return;
    }
    if (words.length === 1 && first.upper) {
      this.mentions.acronym(first.text);
      return;
    }
    if (words.some((word) => word.upper)) return;
    if (this.firmAround(start, end) && this.firmName(start, end)) return;
    const before = roleBefore(tokens, start, this.places);
    const cue = before.role === undefined ? merge(before, roleAfter(tokens, end, this.places)) : before;
    if (words.length === 1) {
      // "lead manager Goldman", "adviser Kleinwort": a role firms hold too does not make one word a person.
      if (!notAName(first)) this.mentions.reference(first.text, cue.role, cue.person && cue.firm !== true);
      return;
    }
    // Initials only start personal names ("T. Boone Pickens"); firms with initials are in the gazetteer (E.F. Hutton).
    const initial = /^\p{Lu}\.$/u.test(first.text);
    if (cue.person || initial || firstNames.has(first.text)) this.mentions.person(words.map((word) => word.text), cue.role);
  }

  /**
   * "the Cheung Kong group", "the official Tanjug news agency": a name before a word for a firm is the firm's, unless
   * it starts a sentence ("Parent company…") or is the surname of someone the story names (see {@link Mentions.firm}).
   */
  private firmName(start: number, end: number): boolean {
    const { tokens } = this;
    const first = tokens[start] as Token;
    const single = end - start === 1 && (first.sentenceStart || commonWords.has(first.lower) || commonNouns.has(first.lower));
    // "Pacific Bell unit", "New York Telephone company": only part of the name follows a known name.
    const previous = tokens[start - 1];
    const partOf = previous?.word === true && previous.capital && !previous.possessive && !leadingWords.has(previous.lower) && !commonWords.has(previous.lower);
    // "a bank I'm not sure…": a pronoun, with or without its contraction.
    if (leadingWords.has(first.lower.split("'")[0] ?? "")) return false;
    if (single || partOf || tokens[end - 1]?.possessive === true || /-\p{Ll}+$/u.test(tokens[end - 1]?.text ?? "")) return false;
    this.mentions.firm(
      tokens
        .slice(start, end)
        .map((token) => token.text)
        .join(" "),
    );
    return true;
  }

  /** Whether a word for a firm stands just before `start` ("brokers James Capel") or at `end` ("the Cheung Kong group"). */
  private firmAround(start: number, end: number): boolean {
    const previous = this.tokens[start - 1];
    return (previous?.word === true && !previous.capital && firmsBefore.has(previous.lower)) || this.firmNounAt(end);
  }

  /** Whether a word for a firm stands at `index`: "group", "unit", "news agency". */
  private firmNounAt(index: number): boolean {
    const noun = this.tokens[index];
    if (noun === undefined || noun.capital) return false;
    return firmNouns.has(noun.lower) || (noun.lower === "news" && this.tokens[index + 1]?.lower === "agency");
  }

  /** "Tower Commission Report", "Senate Banking Committee": the words up to the last head name a body, unless generic. */
  private namedBody(words: readonly Token[]): void {
    let head = words.length - 1;
    while (head > 0 && !organisationHeads.has(words[head]?.lower ?? "")) head--;
    if (head === 0 || words.some((word) => word.upper)) return;
    const name = words.slice(0, head + 1);
    if (!named(name)) return;
    this.mentions.organisation(name.map((word) => word.text).join(" "));
  }

  private known(match: Match, at: number): void {
    const { tokens } = this;
    const text = tokens
      .slice(at, at + match.length)
      .map((token) => token.text)
      .join(" ");
    if (match.entry.kind === "country" || match.entry.kind === "place") this.places.fill(place, at, at + match.length);
    else if (match.length > 1 && lookUp(tokens, at, at + 1, this.mode)?.entry.kind === "country") this.places[at] = place;
    if (match.entry.kind === "organisation" || match.entry.kind === "company") this.places.fill(body, at + (this.places[at] === place ? 1 : 0), at + match.length);
    this.entry(match.entry, text);
  }

  private entry(entry: Entry, text: string): void {
    switch (entry.kind) {
      case "country":
      case "place":
        this.mentions.place(entry.name, entry.country);
        return;
      case "organisation":
        if (entry.exact !== undefined) this.mentions.acronym(text, entry.name, entry.country);
        else this.mentions.organisation(entry.name, entry.country);
        return;
      case "company":
        this.mentions.company(entry.name);
        return;
      case "region":
        return;
    }
  }
}


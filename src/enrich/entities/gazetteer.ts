import { countries } from "./data/countries.ts";
import { companies, internationalOrganisations, nationalOrganisations } from "./data/organisations.ts";
import { placesByCountry } from "./data/places.ts";
import { regions } from "./data/regions.ts";
import { arabicArticles, caselessAmbiguous } from "./data/words.ts";
import type { Token } from "./tokenize.ts";

/** What a known name stands for. */
export interface Entry {
  readonly kind: "country" | "place" | "organisation" | "company" | "region";
  /** Canonical name. */
  readonly name: string;
  /** For a city, state or national body: the country it belongs to. */
  readonly country?: string;
  /** Acronyms that must match in this exact case, never in text written in one case. */
  readonly exact?: string;
  /** Only before a hyphen ("Sino-"). */
  readonly prefix?: boolean;
  /** An adjective or a people's name ("Chinese", "Sino-"): a sign of the country, not its name. */
  readonly adjective?: boolean;
  /** Written with a final possessive ("Lloyd's", "Moody's"): a word written without it is someone's name ("Lloyd Bentsen"). */
  readonly possessive?: boolean;
}

/** A known name found in the tokens: the entry and how many tokens it spans. */
export interface Match {
  readonly entry: Entry;
  readonly length: number;
}

const entries = new Map<string, Entry[]>();
/** The first words of every known name of two or more words: a look-up stops at a phrase that begins none. */
const starts = new Set<string>();

/** The look-up key of a phrase: lower case, words split as the tokenizer splits them, possessive `'s` and commas dropped. */
function key(phrase: string): string {
  return phrase
    .replaceAll("’", "'")
    .replaceAll(",", "")
    .toLowerCase()
    .split(/\s+/)
    .map((word) => (word.length > 2 && word.endsWith("'s") ? word.slice(0, -2) : word))
    .join(" ");
}

function add(phrase: string, entry: Omit<Entry, "exact">): void {
  // An all-capitals acronym without full stops may be an ordinary word in other cases ("US", "WHO").
  const exact = !phrase.includes(".") && !/\p{Ll}/u.test(phrase) && /^[\p{Lu}\p{N}&-]{2,6}$/u.test(phrase) ? phrase : undefined;
  const k = key(phrase);
  const words = k.split(" ");
  for (let n = 1; n < words.length; n++) starts.add(words.slice(0, n).join(" "));
  const list = entries.get(k) ?? [];
  const possessive = /['’]s$/.test(phrase) && words.length === 1;
  const full = { ...entry, ...(exact === undefined ? {} : { exact }), ...(possessive ? { possessive } : {}) };
  if (!list.some((other) => other.name === full.name && other.exact === full.exact && other.possessive === full.possessive && other.adjective === full.adjective)) list.push(full);
  entries.set(k, list);
}

function addAll(spec: string, entry: (name: string) => Omit<Entry, "exact">): void {
  const [name, ...aliases] = spec.split("|") as [string, ...string[]];
  for (const phrase of [name, ...aliases]) add(phrase, entry(name));
}

for (const country of countries) {
  const entry = { kind: "country", name: country.name } as const;
  for (const phrase of [country.name, ...(country.aliases ?? []), ...(country.acronyms ?? [])]) add(phrase, entry);
  for (const phrase of country.adjectives ?? []) add(phrase, { ...entry, adjective: true });
  for (const phrase of country.prefixes ?? []) add(phrase, { ...entry, prefix: true, adjective: true });
}
for (const [country, places] of Object.entries(placesByCountry)) for (const spec of places) addAll(spec, (name) => ({ kind: "place", name, country }));
for (const spec of regions) addAll(spec, (name) => ({ kind: "region", name }));
for (const spec of internationalOrganisations) addAll(spec, (name) => ({ kind: "organisation", name }));
for (const [country, bodies] of Object.entries(nationalOrganisations)) for (const spec of bodies) addAll(spec, (name) => ({ kind: "organisation", name, country }));
for (const spec of companies) addAll(spec, (name) => ({ kind: "company", name }));

/** Words in the longest known name: no look-up reads further. */
const longest = Math.max(1, ...[...entries.keys()].map((k) => k.split(" ").length));

/** Lower-case words written with a final full stop that belongs to them (`calif.`, `u.s.`). */
export const abbreviations: ReadonlySet<string> = new Set([...entries.keys()].flatMap((k) => k.split(" ")).filter((word) => word.endsWith(".")));

/** How a paragraph is written: in mixed case, where capitals mark names, or all in capitals or all in small letters. */
export type Case = "mixed" | "upper" | "lower";

/** The longest known name starting at `tokens[from]` and ending before `to`. */
export function lookUp(tokens: readonly Token[], from: number, to: number, mode: Case): Match | undefined {
  let phrase = "";
  let best: Match | undefined;
  const last = Math.min(to, from + longest);
  for (let end = from; end < last; end++) {
    const token = tokens[end];
    if (token === undefined || !token.word) break;
    phrase = end === from ? token.lower : `${phrase} ${token.lower}`;
    const list = entries.get(phrase);
    if (list !== undefined) {
      const length = end - from + 1;
      const entry = list.find((candidate) => accepts(candidate, tokens, from, length, mode));
      if (entry !== undefined) best = { entry, length };
    }
    // Only towards a known name: so a possessive ends a name ("Britain's Chancellor") unless one goes on ("Moody's Investors Service").
    if (!starts.has(phrase)) break;
  }
  return best;
}

function accepts(entry: Entry, tokens: readonly Token[], from: number, length: number, mode: Case): boolean {
  if (entry.prefix === true || (entry.possessive === true && tokens[from]?.possessive !== true)) return false;
  const ambiguous = length === 1 && caselessAmbiguous.has(tokens[from]?.lower ?? "");
  if (entry.exact !== undefined) {
    // In capitals "OPEC" is still OPEC; in small letters only acronyms that are no English word ("usda", not "us").
    if (mode !== "mixed") return !ambiguous && (mode === "upper" || entry.exact.length >= 3);
    let surface = "";
    for (let i = from; i < from + length; i++) surface += (i > from ? " " : "") + (tokens[i]?.text ?? "");
    return surface === entry.exact;
  }
  return mode === "mixed" || !ambiguous;
}

/** The countries named by the parts of a hyphenated word ("Sino-Soviet", "Russo-Ukrainian", "Dallas-based"). */
export function hyphenParts(token: Token, mode: Case): Entry[] {
  const found: Entry[] = [];
  const parts = token.text.split("-");
  // "al-Sabah", "el-Sayed": an Arabic family name, not the place Sabah.
  if (parts.length < 2 || arabicArticles.has(parts[0]?.toLowerCase() ?? "")) return found;
  for (const [index, part] of parts.entries()) {
    const lower = part.toLowerCase();
    if (part === "" || (mode === "mixed" && part[0] === lower[0])) continue;
    const ambiguous = mode !== "mixed" && caselessAmbiguous.has(lower);
    const entry = entries.get(lower)?.find((candidate) =>
      candidate.prefix === true ? index < parts.length - 1 : candidate.exact === undefined ? !ambiguous : mode === "mixed" ? candidate.exact === part : mode === "upper" && !ambiguous,
    );
    if (entry !== undefined && entry.kind !== "company") found.push(entry);
  }
  return found;
}

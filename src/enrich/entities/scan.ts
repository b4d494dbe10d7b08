import { lookUp, type Case, type Entry, type Match } from "./gazetteer.ts";
import type { Mentions } from "./mentions.ts";
import { body, place } from "./role-before.ts";
import type { Token } from "./tokenize.ts";

/** One paragraph's tokens, read left to right, and what the rules for spans, companies, bodies and people share. */
export interface Scan {
  readonly tokens: readonly Token[];
  readonly mentions: Mentions;
  readonly mode: Case;
  /** Where a token is part of a place's name (a role or a company name stops there) or of a body's (a role takes it in). */
  readonly places: Uint8Array;
  /** Where the trained tagger read a token as part of an organisation's name (mixed case only): a team, not its city. */
  readonly organisations: Uint8Array;
}

/** Records a name the gazetteer knows, and marks its tokens as a place's or a body's for the rules after it. */
export function recordMatch(scan: Scan, match: Match, at: number): void {
  const { tokens } = scan;
  // "Leeds 2 Southampton 1", "Real Madrid", "Bank of Tokyo": the tagger read the place's name as (part of) an
  // organisation's, which it records; the place is not named, but its country is implied, as a national body's is.
  if (match.entry.kind === "place" && scan.organisations.subarray(at, at + match.length).every((mark) => mark === 1)) {
    if (match.entry.country !== undefined) scan.mentions.impliedCountry(match.entry.country);
    return;
  }
  const text = tokens
    .slice(at, at + match.length)
    .map((token) => token.text)
    .join(" ");
  if (match.entry.kind === "country" || match.entry.kind === "place") scan.places.fill(place, at, at + match.length);
  else if (match.length > 1 && lookUp(tokens, at, at + 1, scan.mode)?.entry.kind === "country") scan.places[at] = place;
  if (match.entry.kind === "organisation" || match.entry.kind === "company") scan.places.fill(body, at + (scan.places[at] === place ? 1 : 0), at + match.length);
  // "a united Germany", "Nazi Germany": the text says which Germany it means, so the name is kept as written.
  if (match.entry.kind === "country" && qualifiers.has(tokens[at - 1]?.lower ?? "")) scan.mentions.place(match.entry.name, undefined, true);
  else recordEntry(scan, match.entry, text);
}

/** Words before a country's name that say it is not the country of the story's date. */
const qualifiers = new Set(["united", "unified", "reunified", "reunited", "nazi", "imperial", "weimar", "prewar", "pre-war", "wartime", "postwar", "post-war", "hitler", "whole", "all-german"]);

/** Records a gazetteer entry as a mention of its kind; regions are recognised but not reported. */
export function recordEntry(scan: Scan, entry: Entry, text: string): void {
  switch (entry.kind) {
    case "country":
    case "place":
      if (entry.adjective === true) scan.mentions.impliedPlace(entry.name);
      else scan.mentions.place(entry.name, entry.country);
      return;
    case "organisation":
      if (entry.exact !== undefined) scan.mentions.acronym(text, entry.name, entry.country);
      else scan.mentions.organisation(entry.name, entry.country);
      return;
    case "company":
      scan.mentions.company(entry.name);
      return;
    case "region":
      return;
  }
}

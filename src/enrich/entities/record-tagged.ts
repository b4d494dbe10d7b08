import { legalSuffixes } from "./data/legal-forms.ts";
import { taggerModel } from "./data/tagger-model.ts";
import { lookUp } from "./gazetteer.ts";
import { calendarWords, commonNouns, connectors, organisationWords, tableLabels } from "./data/words.ts";
import { notAName } from "./people.ts";
import { isHonorific, isRoleHead } from "./role-before.ts";
import type { Scan } from "./scan.ts";
import { namesOf, prepare, tagTokens, type StoryMemory, type TaggedName } from "./tag-names.ts";
import type { Token } from "./tokenize.ts";

/**
 * The names the trained tagger finds in a mixed-case paragraph, with the tokens of organisations' names marked in
 * `scan.organisations` for the rules.
 * @param memory what the tagger made of the story's earlier paragraphs; one per story.
 */
export function tagParagraph(scan: Scan, memory: StoryMemory): TaggedName[] {
  const { tokens } = scan;
  const names = joined(namesOf(tagTokens(taggerModel(), prepare(tokens, scan.mode), memory)), tokens);
  for (const name of names) {
    if (name.type !== "ORG") continue;
    const town = lookUp(tokens, name.start, name.end, scan.mode);
    if (town?.entry.kind === "place" && town.length === name.end - name.start && !teamAfter(tokens, name.end)) continue;
    scan.organisations.fill(1, name.start, name.end);
  }
  return names;
}

/**
 * Whether what follows a town's name that the tagger read as an organisation's lets it be a team's: a score or a verb
 * does ("Leeds 2", "Cardiff beat"); a capitalised word (the tagger cut a longer name), a dateline's dash ("CAIRO -")
 * or a lower-case word for a body the town qualifies ("the London stock exchange", "a Texas court") does not.
 */
function teamAfter(tokens: readonly Token[], end: number): boolean {
  const next = tokens[end];
  if (next === undefined) return true;
  if (!next.word) return next.text !== "-";
  if (next.capital) return false;
  for (let k = end; k < end + 2 && tokens[k]?.word === true && tokens[k]?.capital === false; k++) {
    const word = (tokens[k] as Token).lower;
    if (organisationWords.has(word) || commonNouns.has(word)) return false;
  }
  return true;
}

/**
 * Adds the names the trained tagger finds in a mixed-case paragraph to what the rules found: a person, place or
 * organisation that no list knows ("Phil Simmons", "Grace Road", "Microsoft"). Names the gazetteer knows are left to
 * the rules, which give them their canonical name and country, but for a place's name read as an organisation's.
 * @param names what {@link tagParagraph} found in the paragraph.
 */
export function recordTagged(scan: Scan, names: readonly TaggedName[]): void {
  const { tokens } = scan;
  const seen = scan.mentions.ruleWords;
  scan.mentions.tagging = true;
  for (const name of names) {
    if (name.type === "MISC") continue;
    const known = lookUp(tokens, name.start, name.end, scan.mode);
    const team = name.type === "ORG" && known?.entry.kind === "place";
    if (known !== undefined && known.length === name.end - name.start && !team) continue;
    const span = tokens.slice(name.start, name.end);
    // The rules read these words already, as a name or part of one (they know titles, firms' forms and tickers), or
    // the words hold a title or sit in a ticker's brackets: the rules' reading stands.
    if (tokens[name.start - 1]?.text === "<" || span.some((token) => (token.word && seen.has(token.lower)) || isRoleHead(token) || isHonorific(token))) continue;
    const words = span.map((token) => token.text);
    // One common word is no name, whatever its capital: "New", "Bank", "South", "Monday", "Currency", "D-Kan.".
    const first = span[0] as Token;
    if (tableLabels.has(first.lower)) continue;
    if (words.length === 1 && (notAName(first) || calendarWords.has(first.lower) || directions.has(first.lower) || legalSuffixes.has(first.lower))) continue;
    // A capitalised word right before or after it that is not part of it: the tagger cut a longer name the rules
    // did not read ("Senate Appropriations" of "Senate Appropriations Committee Chairman"), so neither reads it.
    if (joinsName(tokens[name.end]) || (joinsName(tokens[name.start - 1]) && !first.sentenceStart)) continue;
    if (name.type === "PER") {
      if (words.length === 1) scan.mentions.reference(words[0] as string, undefined, true);
      else scan.mentions.person(words, undefined);
    } else if (name.type === "LOC") scan.mentions.place(words.join(" "));
    else if (words.length > 1 && legalSuffixes.has(words.at(-1)?.toLowerCase() ?? "")) {
      // A company under its canonical name, as the rules give it: "CompuServe Corp." → CompuServe.
      let end = words.length - 1;
      while (end > 1 && (legalSuffixes.has(words[end - 1]?.toLowerCase() ?? "") || connectors.has(words[end - 1]?.toLowerCase() ?? ""))) end--;
      scan.mentions.company(words.slice(0, end).join(" "));
    } else if (words.length === 1 && first.upper) scan.mentions.acronym(first.text, first.text);
    else scan.mentions.organisation(words.join(" "));
  }
  scan.mentions.tagging = false;
}

const joinsName = (token: Token | undefined): boolean => token !== undefined && token.word && token.capital && !token.sentenceStart;

const directions = new Set(["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"]);

/**
 * Names as the tagger found them, with a name that ends in a joining word taken on into the name right after it
 * ("National Council of Christian Churches of" + "Brazil" is one body), or else cut before that word.
 */
function joined(names: readonly TaggedName[], tokens: readonly Token[]): TaggedName[] {
  const out: TaggedName[] = [];
  for (let k = 0; k < names.length; k++) {
    let name = names[k] as TaggedName;
    // No name runs into the next sentence ("lead manager Pierson. Outside the House").
    for (let i = name.start + 1; i < name.end; i++) if (tokens[i]?.sentenceStart === true || tokens[i]?.text === ".") name = { ...name, end: i };
    const next = names[k + 1];
    if (!connectors.has(tokens[name.end - 1]?.lower ?? "")) {
      out.push(name);
      continue;
    }
    if (next !== undefined && next.start === name.end) {
      name = { start: name.start, end: next.end, type: name.type };
      k++;
    } else {
      let end = name.end;
      while (end > name.start && connectors.has(tokens[end - 1]?.lower ?? "")) end--;
      if (end === name.start) continue;
      name = { ...name, end };
    }
    out.push(name);
  }
  return out;
}

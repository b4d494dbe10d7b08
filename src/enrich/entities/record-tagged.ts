import { legalSuffixes } from "./data/legal-forms.ts";
import { taggerModel } from "./data/tagger-model.ts";
import { lookUp } from "./gazetteer.ts";
import { calendarWords, connectors, tableLabels } from "./data/words.ts";
import { notAName } from "./people.ts";
import { isHonorific, isRoleHead } from "./role-before.ts";
import type { Scan } from "./scan.ts";
import { namesOf, prepare, tagTokens, type StoryMemory, type TaggedName } from "./tag-names.ts";
import type { Token } from "./tokenize.ts";

/**
 * Adds the names the trained tagger finds in a mixed-case paragraph to what the rules found: a person, place or
 * organisation that no list knows ("Phil Simmons", "Grace Road", "Microsoft"). Names the gazetteer knows are left to
 * the rules, which give them their canonical name and country.
 * @param memory what the tagger made of the story's earlier paragraphs; one per story.
 */
export function recordTagged(scan: Scan, memory: StoryMemory): void {
  const { tokens } = scan;
  const seen = scan.mentions.ruleWords;
  scan.mentions.tagging = true;
  for (const name of joined(namesOf(tagTokens(taggerModel, prepare(tokens, scan.mode), memory)), tokens)) {
    if (name.type === "MISC") continue;
    const known = lookUp(tokens, name.start, name.end, scan.mode);
    if (known !== undefined && known.length === name.end - name.start) continue;
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

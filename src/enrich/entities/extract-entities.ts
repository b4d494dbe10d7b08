import type { Entities } from "../../article.ts";
import { abbreviations, type Case } from "./gazetteer.ts";
import { joinFirmNames } from "./join-firm-names.ts";
import { Mentions } from "./mentions.ts";
import { recordTagged, tagParagraph } from "./record-tagged.ts";
import type { StoryMemory } from "./tag-names.ts";
import { scanCaseless, scanMixed } from "./spans.ts";
import { tokenize } from "./tokenize.ts";

/** Options for {@link extractEntities}. */
export interface ExtractOptions {
  /** The story's date (`YYYY-MM-DD`), so that a city is placed in the country it belonged to then. */
  readonly date?: string;
  /**
   * The archive is a US newswire's: a story that names no place but gives amounts in dollars ("dlrs", "cts") or names
   * an `Inc`/`Corp` company is placed in the United States. Off by default, since elsewhere it is wrong.
   */
  readonly usWire?: boolean;
  /**
   * Whether the places include those the story implies without naming them: a city's or national body's country, a
   * country named by an adjective ("Chinese" → China). On by default, as pages show; off, only names as written count.
   */
  readonly impliedPlaces?: boolean;
}

// Reuters' abbreviations for US dollars and cents, and US companies' legal forms (read only with `usWire`).
const americanWords = new Set(["dlrs", "dlr", "cts"]);
const americanForms = new Set(["inc", "inc.", "corp", "corp."]);

/**
 * The people, places and organisations a story mentions, each by one canonical name, in order of first mention.
 * Places include the country of each city, state or national body named ("Houston" → also United States).
 */
export function extractEntities(paragraphs: readonly string[], options: ExtractOptions = {}): Entities {
  const mentions = new Mentions(options.date, options.impliedPlaces !== false);
  const memory: StoryMemory = new Map();
  for (const paragraph of paragraphs) scanParagraph(paragraph, mentions, options.usWire === true, memory);
  return mentions.entities();
}

/** How a paragraph is written: text with under 10 % small letters counts as written in capitals. */
export function caseOf(paragraph: string): Case {
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

function scanParagraph(paragraph: string, mentions: Mentions, usWire: boolean, memory: StoryMemory): void {
  const mode = caseOf(paragraph);
  const tokens = mode === "mixed" ? joinFirmNames(tokenize(paragraph, abbreviations)) : tokenize(paragraph, abbreviations);
  if (usWire && tokens.some((token) => americanWords.has(token.lower) || (token.capital && americanForms.has(token.lower)))) mentions.americanEvidence();
  const scan = { tokens, mentions, mode, places: new Uint8Array(tokens.length), organisations: new Uint8Array(tokens.length) };
  if (mode === "mixed") {
    // The tagger reads first, so that the rules leave it the teams named after places; else it defers to what the
    // rules read in this paragraph only.
    const names = tagParagraph(scan, memory);
    mentions.ruleWords.clear();
    scanMixed(scan);
    recordTagged(scan, names);
  } else scanCaseless(scan);
}

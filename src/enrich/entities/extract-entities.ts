import type { Entities } from "../../article.ts";
import { abbreviations, type Case } from "./gazetteer.ts";
import { joinFirmNames } from "./join-firm-names.ts";
import { Mentions } from "./mentions.ts";
import { scanCaseless, scanMixed } from "./spans.ts";
import { tokenize } from "./tokenize.ts";

/** Options for {@link extractEntities}. */
export interface ExtractOptions {
  /** The story's date (`YYYY-MM-DD`), so that a city is placed in the country it belonged to then. */
  readonly date?: string;
}

// Reuters' abbreviations for US dollars and cents, and US companies' legal forms.
const americanWords = new Set(["dlrs", "dlr", "cts"]);
const americanForms = new Set(["inc", "inc.", "corp", "corp."]);

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

function scanParagraph(paragraph: string, mentions: Mentions): void {
  const mode = caseOf(paragraph);
  const tokens = mode === "mixed" ? joinFirmNames(tokenize(paragraph, abbreviations)) : tokenize(paragraph, abbreviations);
  if (tokens.some((token) => americanWords.has(token.lower) || (token.capital && americanForms.has(token.lower)))) mentions.americanEvidence();
  const scan = { tokens, mentions, mode, places: new Uint8Array(tokens.length) };
  if (mode === "mixed") scanMixed(scan);
  else scanCaseless(scan);
}

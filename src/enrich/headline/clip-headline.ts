import { danglers } from "../shorten.ts";
import { core } from "./content-words.ts";

/** The prepositions, conjunctions and relative words that open a phrase a headline can end before. */
export const phraseOpeners: ReadonlySet<string> = new Set(
  "in on at for from with by to after before as and but which who that while because including under through following during against between amid despite since than via into over about".split(" "),
);
// Where a headline can end: at a clause mark, or before a phrase that a preposition, conjunction or relative word opens.
const boundary = new RegExp(String.raw`[,;:](?=\s)|\s[-–—](?=\s)|\s(?=(?:${[...phraseOpeners].join("|")})\s)`, "gu");
// Words that leave a headline's last phrase open (`… fell 9.3 pct, mainly`, `… industries such`, `… due`), beyond
// those that leave any cut text dangling; slugs keep to `danglers` alone so their URLs stay as they were.
export const hanging: ReadonlySet<string> = new Set([
  ...danglers,
  ..."compared due aimed such mainly mostly largely partly chiefly especially particularly including while other others both either whether if when where because".split(" "),
]);

/**
 * Fits a headline into `soft` characters by ending it where a clause or phrase ends, past `least` of `soft`
 * (`China calls for talks between Ukraine and Russia in telephone conversation| between …`); with no such
 * place it ends at the last whole word that fits. Either way it ends on a word that closes a phrase, never with `…`.
 * @param least the shortest share of `soft` a headline ending at a boundary keeps, so that it still says something
 */
export function clipHeadline(text: string, soft: number, least = 0.8): string {
  if ([...text].length <= soft) return text;
  let end = -1;
  for (const match of text.matchAll(boundary)) {
    if (match.index > soft) break;
    if (match.index >= soft * least) end = match.index;
  }
  // No phrase ends late enough: the last space that leaves a whole word, else a word longer than a headline, cut.
  if (end === -1) end = text.lastIndexOf(" ", soft);
  if (end <= 0) return [...text].slice(0, soft).join("");
  return closePhrase(text.slice(0, end).split(" "));
}

/**
 * The words of a headline cut short, ending on one that closes a phrase (`taxes on beer and| on wine`: a phrase
 * that ends on a joining word has not ended), without the punctuation that led on, a full stop included, but not
 * an abbreviation's (`U.S.`). The one ending of both clipHeadline and the compressor's choice of phrases.
 */
export function closePhrase(words: readonly string[]): string {
  let last = words.length;
  // A word of punctuation alone (`—`, `…`) ends nothing either.
  for (let word = core(words[last - 1] ?? ""); last > 3 && (word === "" || hanging.has(word)); word = core(words[last - 1] ?? "")) last--;
  return words
    .slice(0, last)
    .join(" ")
    .replace(/(?:[\s,;:—–…-]|(?<![A-Z]\.[A-Z]|\b[A-Z])\.)+$/u, "");
}

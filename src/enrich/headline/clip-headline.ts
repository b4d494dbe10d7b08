import { danglers, shorten } from "../shorten.ts";

// Where a headline can end: at a clause mark, or before a phrase that a preposition, conjunction or relative word opens.
const boundary =
  /[,;:](?=\s)|\s[-–—](?=\s)|\s(?=(?:in|on|at|for|from|with|by|to|after|before|as|and|but|which|who|that|while|because|including|under|through|following|during|against|between|amid|despite|since|than|via|into|over|about)\s)/gu;
// Words that leave a headline's last phrase open (`… fell 9.3 pct, mainly`, `… industries such`, `… due`), beyond
// those that leave any cut text dangling; slugs keep to `danglers` alone so their URLs stay as they were.
export const hanging: ReadonlySet<string> = new Set([
  ...danglers,
  ..."compared due aimed such mainly mostly largely partly chiefly especially particularly including while other others both either whether if when where because".split(" "),
]);

/**
 * Fits a headline into `soft` characters by ending it where a clause or phrase ends, past `least` of `soft`
 * (`China calls for talks between Ukraine and Russia in telephone conversation| between …`); with no such
 * place it is cut at a word boundary within `hard` characters and ends with `…`.
 * @param least the shortest share of `soft` a headline ending at a boundary keeps, so that it still says something
 */
export function clipHeadline(text: string, soft: number, hard: number, least = 0.8): string {
  if ([...text].length <= soft) return text;
  let end = -1;
  for (const match of text.matchAll(boundary)) {
    if (match.index > soft) break;
    if (match.index >= soft * least) end = match.index;
  }
  if (end === -1) return shorten(text, hard);
  // `taxes on beer and| on wine`: a phrase that ends on a joining word has not ended.
  const words = text.slice(0, end).split(" ");
  while (words.length > 3 && hanging.has((words.at(-1) ?? "").toLowerCase())) words.pop();
  return words.join(" ").replace(/[\s,;:.—–-]+$/u, "");
}

import type { ParsedArticle } from "../article.ts";
import { collapseWhitespace } from "../text/collapse-whitespace.ts";
import { error, type Problem } from "../errors.ts";
import { plainTextBody } from "./body.ts";
import { isCalendarDate } from "./date.ts";

/** What a `.txt` seed holds: its date and plain-text paragraphs. */
export type TxtSeed = Pick<ParsedArticle, "date" | "paragraphs" | "html">;

// An optional indent, the keyword `date` in any case, then the date token and the lead.
const header = /^([ \t]*)(date)(?=[ \t:]|$)[ \t:]*([^ \t]*)[ \t]*(.*)$/i;

/**
 * Parses a `.txt` seed: ` date YYYY-MM-DD first paragraph…`, then paragraphs
 * separated by blank lines. The body is plain text, never Markdown or HTML.
 */
export function parseTxt(text: string, file: string): { seed?: TxtSeed; problems: Problem[] } {
  // U+2028 and U+2029 are white space in a paragraph, but `.` and `$` of the header treat them as ends of lines.
  const lines = text.replace(separators, " ").split("\n");
  const first = lines.findIndex((line) => line.trim() !== "");
  if (first === -1) {
    return { problems: [error("empty-file", file, 1, 1, "Unexpected empty file, expected ` date YYYY-MM-DD` and an article")] };
  }
  const line = lines[first] ?? "";
  const match = header.exec(line);
  if (!match) {
    const column = line.length - line.trimStart().length + 1;
    const start = line.trim().slice(0, 20);
    return {
      problems: [error("missing-date", file, first + 1, column, `Unexpected \`${start}\`, expected the word \`date\` and a date (YYYY-MM-DD) to start the seed`)],
    };
  }
  const [, indent = "", keyword = "", token = "", lead = ""] = match;
  const dateColumn = line.indexOf(token, indent.length + keyword.length) + 1;
  if (token === "") {
    return { problems: [error("missing-date", file, first + 1, indent.length + keyword.length + 1, "Unexpected end of line after `date`, expected a date (YYYY-MM-DD)")] };
  }
  if (!isCalendarDate(token)) {
    const expected = /^\d{4}-\d{2}-\d{2}$/.test(token) ? "a real calendar date (YYYY-MM-DD)" : "a date written YYYY-MM-DD";
    return { problems: [error("invalid-date", file, first + 1, dateColumn, `Unexpected date \`${token}\`, expected ${expected}`)] };
  }
  const paragraphs = toParagraphs([lead, ...lines.slice(first + 1)]);
  if (paragraphs.length === 0) {
    return { problems: [error("missing-body", file, first + 1, line.length + 1, "Unexpected end of file after the date, expected the article's text")] };
  }
  return { seed: { date: token, paragraphs, html: plainTextBody(paragraphs) }, problems: [] };
}

const separators = /[\u2028\u2029]/g;

/** Joins wrapped lines, splits on blank lines, folds runs of white space. */
function toParagraphs(lines: readonly string[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    const paragraph = collapseWhitespace(current.join(" "));
    if (paragraph !== "") paragraphs.push(paragraph);
    current = [];
  };
  for (const line of lines) {
    if (line.trim() === "") flush();
    else current.push(line);
  }
  flush();
  return paragraphs;
}

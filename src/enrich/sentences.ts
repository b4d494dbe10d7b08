import { split } from "sentence-splitter";

/**
 * The sentences of a paragraph. sentence-splitter knows abbreviations and initials
 * (`U.S.`, `Mr.`, `J. Smith`, `5.93`); a "sentence" that starts in lower case is
 * a stray full stop inside one (`the 10th day. of the conflict`), so it is joined back.
 */
export function sentences(paragraph: string): string[] {
  const result: string[] = [];
  for (const node of split(paragraph)) {
    if (node.type !== "Sentence") continue;
    const text = node.raw.trim();
    if (text === "") continue;
    const last = result.length - 1;
    const previous = result[last];
    if (previous !== undefined && (/^[\p{Ll}\d]/u.test(text) || /\b(?:\p{Lu}\.){2,}$/u.test(previous))) result[last] = `${previous} ${text}`;
    else result.push(text);
  }
  return result;
}

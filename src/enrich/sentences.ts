import { split as splitSentences } from "sentence-splitter";

/**
 * The sentences of a paragraph. sentence-splitter knows abbreviations and initials
 * (`U.S.`, `Mr.`, `J. Smith`, `5.93`); a "sentence" that starts in lower case is
 * a stray full stop inside one (`the 10th day. of the conflict`), so it is joined back.
 */
export function sentences(paragraph: string): readonly string[] {
  // The headline and the summary both split the lead: the second asks for what the first was just given.
  if (paragraph !== memo.paragraph) memo = { paragraph, sentences: split(paragraph) };
  return memo.sentences;
}

let memo: { readonly paragraph: string; readonly sentences: readonly string[] } = { paragraph: "", sentences: [] };

function split(paragraph: string): readonly string[] {
  if (isOneSentence(paragraph)) return paragraph.trim() === "" ? [] : [paragraph.trim()];
  const result: string[] = [];
  for (const node of splitSentences(paragraph)) {
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

// ICU breaks wherever sentence-splitter would and more often (after `Mr.`), so a paragraph it leaves
// whole is one sentence. Most leads are, and ICU is about 30 times faster (npm run bench).
const icu = new Intl.Segmenter("en", { granularity: "sentence" });

function isOneSentence(paragraph: string): boolean {
  const segments = icu.segment(paragraph)[Symbol.iterator]();
  segments.next();
  return segments.next().done === true;
}

// Words whose full stop ends the word rather than the sentence (`Mr.`, `Gen.`, `Jan.`).
const abbreviations = new Set("mr mrs ms dr st jr sr gen sen rep gov lt col capt prof mt ft vs no jan feb mar apr aug sep sept oct nov dec".split(" "));

/** Sentence ends outside quotations: `.`, `?`, `!` before a capital or an opening mark, and quotations that end in `.`. */
export function sentenceEnds(text: string, quoted: readonly { start: number; end: number }[]): number[] {
  const ends: number[] = [];
  let q = 0;
  for (let i = 0; i < text.length; i++) {
    const range = quoted[q];
    if (range !== undefined && i >= range.start - 1) {
      // Jump over the quotation; a closing mark after a full stop ends the sentence when a new one starts.
      i = range.end;
      q++;
      if (i < text.length && text[i - 1] === "." && startsSentence(text, i + 1)) ends.push(i + 1);
      continue;
    }
    const char = text[i];
    if ((char === "." || char === "?" || char === "!") && startsSentence(text, i + 1) && !(char === "." && isAbbreviation(text, i))) ends.push(i + 1);
  }
  if (ends.at(-1) !== text.length) ends.push(text.length);
  return ends;
}

/** Whether a sentence starts at `i`: the end of the text, or a space before a capital or an opening mark. */
function startsSentence(text: string, i: number): boolean {
  if (i >= text.length) return true;
  return text[i] === " " && /[\p{Lu}"“]/u.test(text[i + 1] ?? "");
}

/** `Mr.`, `J.`, `U.S.`: a full stop that ends a word rather than a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  let start = dot;
  while (start > 0 && dot - start < 12 && /[\p{L}.]/u.test(text[start - 1]!)) start--;
  const word = text.slice(start, dot);
  return word.length === 1 || word.includes(".") || abbreviations.has(word.toLowerCase());
}

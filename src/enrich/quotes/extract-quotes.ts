import type { Person, Quote } from "../../article.ts";
import { collapseWhitespace } from "../../text/collapse-whitespace.ts";
import { attribute } from "./attribute-speaker.ts";
import { quoteSpans } from "./quote-spans.ts";
import { readParagraph, type Found, type Paragraph } from "./quoted-article.ts";
import { indexPeople } from "./speaker-mentions.ts";

/** Quotations of fewer words are terms, not statements (“direct”, “unlimited”, "drastic and sudden"). */
const minimumWords = 4;

/**
 * The direct quotations of an article, in order, each with its speaker when the text attributes it to one of
 * `people`: by a speech verb before it (`Wang said the plan was "…"`) or after it (`"…," Wang told Blinken`,
 * `"…," added the Chinese foreign minister`), by `according to X`, by `he`/`she` when exactly one person is named
 * in that sentence and the one before, or by standing alone right after a quotation of the same paragraph.
 * Anything else, organisations included, gets no speaker. Linear in the text, so it suits whole archives.
 */
export function extractQuotes(paragraphs: readonly string[], people: readonly Person[]): Quote[] {
  const texts = paragraphs.map(collapseWhitespace);
  const spans = quoteSpans(texts);
  if (spans.length === 0) return [];
  const index = indexPeople(people);
  const quoted = texts.map(() => [] as { start: number; end: number }[]);
  for (const span of spans) for (const part of span.parts) quoted[part.paragraph]!.push(part);
  for (const ranges of quoted) ranges.sort((a, b) => a.start - b.start);
  const article: Paragraph[] = texts.map((text, i) => readParagraph(text, quoted[i]!, index));
  const found: Found[] = [];
  for (const span of spans) {
    const text = span.parts
      .map((part) => texts[part.paragraph]!.slice(part.start, part.end))
      .join(" ")
      .replace(/[\s,]+$/, "")
      .trim();
    // Shorter ones stay quoted text (no words of theirs attribute anything) but are not returned.
    if (text.split(" ").filter((word) => /[\p{L}\p{N}]/u.test(word)).length >= minimumWords) found.push({ span, text });
  }
  for (const [i, quote] of found.entries()) quote.speaker = attribute(article, found, i);
  return found.map(({ text, speaker }) => (speaker === undefined ? { text } : { text, speaker }));
}

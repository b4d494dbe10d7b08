/** Where one stretch of a quotation lies: the text between its marks, inside one (whitespace-normalised) paragraph. */
export interface QuotePart {
  readonly paragraph: number;
  /** Index just after the opening mark. */
  readonly start: number;
  /** Index of the closing mark, or the paragraph's length when the quotation runs on into the next paragraph. */
  readonly end: number;
}

/** A quotation in double marks; wire style lets one run over several paragraphs, each reopened with a mark. */
export interface QuoteSpan {
  readonly parts: readonly QuotePart[];
}

type Mark = "open" | "close" | "either" | "none";

// A straight mark opens after a space or opening punctuation and before a word; it closes after a word or punctuation
// and before a space or closing punctuation. Between two letters it is a typed apostrophe (Reuters: `country"s`).
const opensAfter = /[\s([{\-–—/:,"“]/;
const closesBefore = /[\s)\]}.,;:!?\-–—/'’"”]/;

/** What a double quotation mark at `index` can do, judged from its neighbours; curly marks say it themselves. */
function markAt(text: string, index: number): Mark {
  const mark = text[index];
  if (mark === "“") return "open";
  if (mark === "”") return "close";
  if (mark !== '"') return "none";
  const before = text[index - 1];
  const after = text[index + 1];
  const canOpen = (before === undefined || opensAfter.test(before)) && after !== undefined && after !== " ";
  const canClose = (after === undefined || closesBefore.test(after)) && before !== undefined && before !== " ";
  if (canOpen && canClose) return "either";
  if (canOpen) return "open";
  if (canClose) return "close";
  return "none";
}

/**
 * The double-quoted stretches of normalised paragraphs, in order, in one linear scan. A mark that opens while a
 * quotation is already open restarts it (an unclosed mark is commoner on the wire than nested double marks); a
 * quotation still open at the end of a paragraph continues only when the next paragraph opens with a mark, and is
 * otherwise dropped, since its end is unknown.
 */
export function quoteSpans(paragraphs: readonly string[]): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let carried: QuotePart[] = [];
  paragraphs.forEach((text, paragraph) => {
    let open: number | undefined;
    let parts = carried;
    carried = [];
    if (parts.length > 0) {
      // The carried quotation goes on only if this paragraph opens with a mark.
      const kind = markAt(text, 0);
      if (kind === "open" || kind === "either") open = 1;
      else parts = [];
    }
    for (let index = open === undefined ? 0 : 1; index < text.length; index++) {
      const char = text[index];
      if (char !== '"' && char !== "“" && char !== "”") continue;
      const kind = markAt(text, index);
      if (kind === "none") continue;
      if (open !== undefined && (kind === "close" || kind === "either")) {
        spans.push({ parts: [...parts, { paragraph, start: open, end: index }] });
        parts = [];
        open = undefined;
      } else if (kind === "open" || kind === "either") {
        parts = [];
        open = index + 1;
      }
    }
    if (open !== undefined && open < text.length) carried = [...parts, { paragraph, start: open, end: text.length }];
  });
  return spans;
}

import type { Link, QuoteEntry } from "../article.ts";

/** The quotations of one story, in the order they were listed. */
export interface StoryQuotes {
  readonly date: string;
  readonly article: Link;
  readonly quotes: readonly string[];
}

/**
 * Quotations grouped by story, so a list shows each story's link once above its quotations (issue 23), not under
 * every one. Only neighbours are grouped: the list's order (newest first) is kept.
 */
export function quotesByStory(quotes: readonly QuoteEntry[]): StoryQuotes[] {
  const groups: { date: string; article: Link; quotes: string[] }[] = [];
  for (const quote of quotes) {
    const last = groups.at(-1);
    if (last?.article.url === quote.article.url) last.quotes.push(quote.text);
    else groups.push({ date: quote.date, article: quote.article, quotes: [quote.text] });
  }
  return groups;
}

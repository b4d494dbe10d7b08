import type { PageNumber, Pagination } from "../article.ts";

/** A slice of a list with its place among the pages. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly url: string;
  readonly pagination: Pagination;
}

/** Page numbers shown either side of the current one; the first and last are always shown. */
const window = 2;

/**
 * Splits `items` into pages of `size`; page 1 lives at `base`, page n at `base` + `page/n/`.
 * The page-number bar stays short however many pages there are.
 */
export function paginate<T>(items: readonly T[], size: number, base: string): Page<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  const urlOf = (n: number): string => (n === 1 ? base : `${base}page/${n}/`);
  const pages: Page<T>[] = [];
  for (let number = 1; number <= count; number++) {
    const shown = [...new Set([1, ...range(number - window, number + window), count])].filter((n) => n >= 1 && n <= count);
    const numbers: PageNumber[] = [];
    for (const [i, n] of shown.entries()) {
      if (i > 0 && n - (shown[i - 1] ?? n) > 1) numbers.push({ gap: true });
      numbers.push({ number: n, url: urlOf(n), current: n === number });
    }
    pages.push({
      items: items.slice((number - 1) * size, number * size),
      url: urlOf(number),
      pagination: {
        number,
        count,
        pages: numbers,
        ...(number > 1 ? { previous: urlOf(number - 1) } : {}),
        ...(number < count ? { next: urlOf(number + 1) } : {}),
      },
    });
  }
  return pages;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

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
 * Splits `items` (in reading order, e.g. names A to Z) into pages of `size`; page 1 lives at `base`,
 * page n at `base` + `page/n/`. The page-number bar stays short however many pages there are.
 */
export function paginate<T>(items: readonly T[], size: number, base: string): Page<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  const urlOf = (n: number): string => (n === 1 ? base : `${base}page/${n}/`);
  return Array.from({ length: count }, (_, i) => {
    const number = i + 1;
    return {
      items: items.slice(i * size, number * size),
      url: urlOf(number),
      pagination: {
        number,
        count,
        pages: pageBar(number, count, urlOf, false),
        ...(number > 1 ? { previous: urlOf(number - 1) } : {}),
        ...(number < count ? { next: urlOf(number + 1) } : {}),
      },
    };
  });
}

/**
 * Splits `items`, newest first, into pages numbered from the oldest: page 1 (`base` + `page/1/`)
 * holds the oldest `size`, page 2 the next `size`, and `base` the newest, between `size` and
 * `2 * size - 1` of them. A numbered page therefore keeps its articles as new ones arrive: only
 * `base` changes, and a new numbered page appears once `base` would hold `2 * size`. So a rebuild
 * after an added article renders one page of each list rather than every page, and a cache, a
 * bookmark or a web archive of `/page/7/` stays right. Newer (`previous`) and older (`next`)
 * keep their reading sense.
 */
export function paginateNewestFirst<T>(items: readonly T[], size: number, base: string): Page<T>[] {
  const count = Math.max(1, Math.floor(items.length / size));
  const urlOf = (n: number): string => (n === count ? base : `${base}page/${n}/`);
  return Array.from({ length: count }, (_, i) => {
    const number = count - i;
    // Page n holds the articles oldest-first [(n - 1) * size, n * size); the newest page holds the rest.
    const end = items.length - (number - 1) * size;
    const start = number === count ? 0 : end - size;
    return {
      items: items.slice(start, end),
      url: urlOf(number),
      pagination: {
        number,
        count,
        pages: pageBar(number, count, urlOf, true),
        ...(number < count ? { previous: urlOf(number + 1) } : {}),
        ...(number > 1 ? { next: urlOf(number - 1) } : {}),
      },
    };
  });
}

/** Whether a page of `paginateNewestFirst` is its list's front page (the newest, at `base`) rather than a numbered one. */
export function isFront(page: Page<unknown>): boolean {
  return page.pagination.previous === undefined;
}

/** The page-number bar: the first and last page, the current one and `window` either side, gaps between; descending if `newestFirst`. */
function pageBar(number: number, count: number, urlOf: (n: number) => string, newestFirst: boolean): PageNumber[] {
  const shown = [...new Set([1, ...range(number - window, number + window), count])].filter((n) => n >= 1 && n <= count).sort((a, b) => (newestFirst ? b - a : a - b));
  const numbers: PageNumber[] = [];
  for (const [i, n] of shown.entries()) {
    if (i > 0 && Math.abs(n - shown[i - 1]!) > 1) numbers.push({ gap: true });
    numbers.push({ number: n, url: urlOf(n), current: n === number });
  }
  return numbers;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

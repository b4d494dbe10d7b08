import type { Link } from "../article.ts";

/** A day archive: its date and link. */
export interface DayLink extends Link {
  readonly date: string;
  readonly count: number;
}

/**
 * For each day with articles, the same day and month in other years that have articles, newest
 * year first: `days` keyed by `YYYY-MM-DD`.
 */
export function onThisDay(days: readonly DayLink[]): Map<string, (Link & { count: number })[]> {
  const byMonthDay = new Map<string, DayLink[]>();
  for (const day of days) {
    const key = day.date.slice(5);
    const list = byMonthDay.get(key);
    if (list) list.push(day);
    else byMonthDay.set(key, [day]);
  }
  const result = new Map<string, (Link & { count: number })[]>();
  for (const day of days) {
    const others = (byMonthDay.get(day.date.slice(5)) ?? [])
      .filter((other) => other.date !== day.date)
      .sort((a, b) => (a.date < b.date ? 1 : -1))
      .map(({ url, label, count }) => ({ url, label, count }));
    result.set(day.date, others);
  }
  return result;
}

import type { Article, Timeline } from "../article.ts";
import type { DateLabels } from "./labels.ts";

/** Past this many months, a timeline counts years: a bar a month would be too thin to read. */
const maxMonths = 120;

/** The archive's periods, oldest first, from its oldest to its newest article, with no gaps. */
export function timelinePeriods(oldest: string, newest: string, labels: DateLabels): { keys: string[]; labels: string[]; length: 4 | 7 } {
  const [fromYear, fromMonth] = [Number(oldest.slice(0, 4)), Number(oldest.slice(5, 7))];
  const [toYear, toMonth] = [Number(newest.slice(0, 4)), Number(newest.slice(5, 7))];
  const months = (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
  if (months > maxMonths) {
    const keys = Array.from({ length: toYear - fromYear + 1 }, (_, i) => String(fromYear + i));
    return { keys, labels: keys, length: 4 };
  }
  const keys = Array.from({ length: months }, (_, i) => {
    const month = fromMonth - 1 + i;
    return `${fromYear + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
  });
  return { keys, labels: keys.map(labels.month), length: 7 };
}

/** How many of `articles` fall in each of the archive's periods. */
export function timeline(articles: readonly Article[], periods: ReturnType<typeof timelinePeriods>): Timeline {
  const counts = new Map<string, number>();
  for (const article of articles) {
    const key = article.date.slice(0, periods.length);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const bars = periods.keys.map((key, i) => ({ key, label: periods.labels[i] ?? key, count: counts.get(key) ?? 0 }));
  return { bars, max: Math.max(0, ...bars.map((bar) => bar.count)) };
}

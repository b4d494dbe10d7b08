import type { Article, Link, ListPage, YearSummary } from "../article.ts";
import type { DateLabels } from "./labels.ts";
import { onThisDay } from "./on-this-day.ts";
import { isFront, paginateNewestFirst } from "./paginate.ts";

/** Most articles on one archive page. */

interface Group {
  readonly key: string;
  readonly url: string;
  readonly label: string;
  readonly articles: Article[];
}

/** Groups newest-first articles by the first `length` characters of their date. */
function groupBy(articles: readonly Article[], length: number, label: (key: string) => string): Group[] {
  const groups = new Map<string, Group>();
  for (const article of articles) {
    const key = article.date.slice(0, length);
    let group = groups.get(key);
    if (group === undefined) {
      group = { key, url: `/${key.replaceAll("-", "/")}/`, label: label(key), articles: [] };
      groups.set(key, group);
    }
    group.articles.push(article);
  }
  return [...groups.values()];
}

const link = (group: Group | undefined): Link | undefined => (group ? { url: group.url, label: group.label } : undefined);

/** Year, month and day archive pages, paginated, each linked up to its parents and across to its neighbours. */
export function datePages(
  articles: readonly Article[],
  labels: DateLabels,
  pageSize: number,
): { pages: ListPage[]; years: YearSummary[]; onThisDay: ReturnType<typeof onThisDay> } {
  const levels = [
    { kind: "year" as const, groups: groupBy(articles, 4, (key) => key) },
    { kind: "month" as const, groups: groupBy(articles, 7, labels.month) },
    { kind: "day" as const, groups: groupBy(articles, 10, labels.day) },
  ];
  const byKey = new Map(levels.flatMap((level) => level.groups.map((group) => [group.key, group] as const)));
  // A month's key is its year's plus `-MM`, a day's its month's plus `-DD`: one index serves both levels.
  const childrenOf = new Map<string, (Link & { count: number })[]>();
  for (const child of levels.slice(1).flatMap((level) => level.groups)) {
    const parent = child.key.slice(0, child.key.lastIndexOf("-"));
    const entry = { url: child.url, label: child.label, count: child.articles.length };
    const siblings = childrenOf.get(parent);
    if (siblings) siblings.push(entry);
    else childrenOf.set(parent, [entry]);
  }

  const sameDay = onThisDay((levels[2]?.groups ?? []).map((group) => ({ date: group.key, url: group.url, label: group.label, count: group.articles.length })));
  const pages: ListPage[] = [];
  for (const { kind, groups } of levels) {
    for (const [i, group] of groups.entries()) {
      // Groups are newest first: the one after in the list is the one before in time.
      const before = link(groups[i + 1]);
      const after = link(groups[i - 1]);
      const up = [group.key.slice(0, 4), group.key.slice(0, 7)]
        .filter((key) => key.length < group.key.length)
        .map((key) => link(byKey.get(key)))
        .filter((item): item is Link => item !== undefined);
      const children = childrenOf.get(group.key) ?? [];
      for (const page of paginateNewestFirst(group.articles, pageSize, group.url)) {
        pages.push({
          kind,
          url: page.url,
          heading: group.label,
          ...(isFront(page) ? { total: group.articles.length } : {}),
          articles: page.items,
          pagination: page.pagination,
          up,
          children: isFront(page) ? children : [],
          onThisDay: kind === "day" && isFront(page) ? (sameDay.get(group.key) ?? []) : [],
          ...(before ? { before } : {}),
          ...(after ? { after } : {}),
        });
      }
    }
  }
  const years = (levels[0]?.groups ?? []).map((year) => ({
    year: year.key,
    url: year.url,
    count: year.articles.length,
    months: childrenOf.get(year.key) ?? [],
  }));
  return { pages, years, onThisDay: sameDay };
}

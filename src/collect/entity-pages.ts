import type { Article, EntityIndexPage, EntityKind, EntityPage, Feed, Link, PageSizes, QuoteEntry, QuotePage } from "../article.ts";
import { entitiesOf, entityKey, kindFolders, type EntityGroup } from "./entity-groups.ts";
import { isFront, paginate, paginateNewestFirst } from "./paginate.ts";
import { timeline, type timelinePeriods } from "./timeline.ts";

// The person page shows the newest few of a speaker's quotations (the page sizes are the site's: page-sizes.ts).
const quotesOnPersonPage = 5;
const companionCount = 8;

const byCount = (a: { count: number; label: string }, b: { count: number; label: string }): number =>
  b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);

/** What collecting entities gives the archive. */
export interface EntitySite {
  readonly entityPages: EntityPage[];
  readonly entityIndexes: EntityIndexPage[];
  readonly quotePages: QuotePage[];
  readonly feeds: Feed[];
}

/** Pages for every entity that has one, the index of each kind, the speakers' quotations, and a feed per entity. */
export function entityPages(
  articles: readonly Article[],
  groups: ReadonlyMap<string, EntityGroup>,
  periods: ReturnType<typeof timelinePeriods>,
  feedSize: number,
  siteTitle: string,
  sizes: PageSizes,
): EntitySite {
  const paged = [...groups.values()].filter((group): group is EntityGroup & { url: string } => group.url !== undefined);
  const quotes = quotesBySpeaker(articles, paged);
  const entityPages: EntityPage[] = [];
  const feeds: Feed[] = [];
  // Each article's entity keys, made once: an article is counted again for every entity it names.
  const keysOf = new Map(articles.map((article) => [article, entitiesOf(article).map(({ kind, name }) => entityKey(kind, name))]));
  for (const group of paged) {
    const up = { url: kindFolders[group.kind].url, label: kindFolders[group.kind].heading };
    const roles = [...group.roles].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([role]) => role);
    const said = quotes.get(group.name) ?? [];
    const quotesUrl = said.length > 0 ? speakerUrl(group.url) : undefined;
    const common = {
      kind: group.kind,
      name: group.name,
      home: group.url,
      feed: `${group.url}feed.xml`,
      up,
      ...(group.sameAs !== undefined ? { sameAs: group.sameAs } : {}),
    };
    // What changes as articles are added is on the front page only (see NamedListPage.total).
    const front = {
      total: group.articles.length,
      roles: roles.slice(0, 3),
      timeline: timeline(group.articles, periods),
      companions: companions(group, groups, keysOf),
      quoteCount: group.kind === "person" ? said.length : 0,
      quotes: group.kind === "person" ? said.slice(0, quotesOnPersonPage) : [],
      ...(group.kind === "person" && quotesUrl ? { quotesUrl } : {}),
    };
    for (const page of paginateNewestFirst(group.articles, sizes.entity, group.url)) {
      entityPages.push({ ...common, ...(isFront(page) ? front : {}), url: page.url, articles: page.items, pagination: page.pagination });
    }
    feeds.push({ url: common.feed, title: `${group.name} · ${siteTitle}`, alternate: group.url, articles: group.articles.slice(0, feedSize), content: false });
  }

  const entityIndexes: EntityIndexPage[] = [];
  for (const kind of Object.keys(kindFolders) as EntityKind[]) {
    const entries = paged
      .filter((group) => group.kind === kind)
      .map((group) => ({ url: group.url, label: group.name, count: group.articles.length }))
      .sort(byCount);
    entityIndexes.push(...indexPages(kind, kindFolders[kind].url, kindFolders[kind].heading, entries, sizes.entityIndex));
  }
  const speakers = paged
    .filter((group) => group.kind === "person" && quotes.has(group.name))
    .map((group) => ({ url: speakerUrl(group.url), label: group.name, count: quotes.get(group.name)?.length ?? 0 }))
    .sort(byCount);
  entityIndexes.push(...indexPages("speaker", "/quotes/", "Quotes", speakers, sizes.entityIndex));

  const quotePages: QuotePage[] = [];
  for (const group of paged) {
    const said = quotes.get(group.name);
    if (group.kind !== "person" || said === undefined) continue;
    const speaker = { url: group.url, label: group.name };
    for (const page of paginateNewestFirst(said, sizes.quotes, speakerUrl(group.url))) {
      quotePages.push({ speaker, url: page.url, ...(isFront(page) ? { total: said.length } : {}), quotes: page.items, pagination: page.pagination });
    }
  }
  return { entityPages, entityIndexes, quotePages, feeds };
}

/** `/people/wang-yi/` → `/quotes/wang-yi/`. */
const speakerUrl = (personUrl: string): string => personUrl.replace(kindFolders.person.url, "/quotes/");

function indexPages(kind: EntityIndexPage["kind"], url: string, heading: string, entries: (Link & { count: number })[], pageSize: number): EntityIndexPage[] {
  return paginate(entries, pageSize, url).map((page) => ({ kind, url: page.url, heading, total: entries.length, entries: page.items, pagination: page.pagination }));
}

/** Each paged person's quotations, in archive order (newest first). */
function quotesBySpeaker(articles: readonly Article[], paged: readonly EntityGroup[]): Map<string, QuoteEntry[]> {
  const people = new Set(paged.filter((group) => group.kind === "person").map((group) => group.name));
  const result = new Map<string, QuoteEntry[]>();
  for (const article of articles) {
    for (const quote of article.quotes) {
      if (quote.speaker === undefined || !people.has(quote.speaker)) continue;
      const entry = { text: quote.text, date: article.date, article: { url: article.url, label: article.title } };
      const list = result.get(quote.speaker);
      if (list) list.push(entry);
      else result.set(quote.speaker, [entry]);
    }
  }
  return result;
}

/** The entities with pages most often named in the same articles as `group`. */
function companions(group: EntityGroup, groups: ReadonlyMap<string, EntityGroup>, keysOf: ReadonlyMap<Article, readonly string[]>): NonNullable<EntityPage["companions"]> {
  const counts = new Map<string, number>();
  const self = entityKey(group.kind, group.name);
  for (const article of group.articles) {
    for (const key of keysOf.get(article) ?? []) {
      if (key !== self) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const result: (Link & { count: number; kind: EntityKind })[] = [];
  for (const [key, count] of counts) {
    const other = groups.get(key);
    if (other?.url !== undefined) result.push({ url: other.url, label: other.name, count, kind: other.kind });
  }
  return result.sort(byCount).slice(0, companionCount);
}

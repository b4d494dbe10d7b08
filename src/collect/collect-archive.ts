import type { Archive, Article, ArticlePage, EntityKind, EntityRef, ListPage, Site } from "../article.ts";
import type { Problem } from "../errors.ts";
import { api } from "./api.ts";
import { datePages } from "./date-pages.ts";
import { comparePaths } from "../files/compare-paths.ts";
import { dedupe } from "./dedupe.ts";
import { entityGroups, entityKey } from "./entity-groups.ts";
import { entityPages } from "./entity-pages.ts";
import { dateLabels } from "./labels.ts";
import { mergeSurnames } from "./merge-surnames.ts";
import { paginate } from "./paginate.ts";
import { relatedArticles } from "./related.ts";
import { sitemaps } from "./sitemaps.ts";
import { siteUrl } from "./site-url.ts";
import { timelinePeriods } from "./timeline.ts";
import { uniqueUrls } from "./unique-urls.ts";

/** Articles on one home page. */
export const homePageSize = 30;
/** Articles in the feeds. */
export const feedSize = 50;

/**
 * Turns enriched articles into the whole site's structure: duplicates dropped, URLs
 * made unique, articles sorted newest first, and every list page precomputed so
 * templates only display.
 */
export function collectArchive(input: readonly Article[], site: Site, fileOf: (source: string) => string): { archive: Archive; problems: Problem[] } {
  const deduped = dedupe(input, fileOf);
  const unique = uniqueUrls(mergeSurnames(deduped.articles), fileOf);
  // Newest first; within a day, the later path first, as wire ids run in filing order.
  const articles = unique.articles.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : comparePaths(b.source, a.source)));
  const labels = dateLabels(site.lang);
  const speakers = new Set(articles.flatMap((article) => article.quotes.flatMap((quote) => (quote.speaker === undefined ? [] : [quote.speaker]))));
  const groups = entityGroups(articles, speakers);
  const related = relatedArticles(articles, groups);
  const refs = (kind: EntityKind, names: readonly { name: string; role?: string }[]): EntityRef[] =>
    names.map(({ name, role }) => {
      const url = groups.get(entityKey(kind, name))?.url;
      return { name, ...(url ? { url } : {}), ...(role ? { role } : {}) };
    });

  const articlePages: ArticlePage[] = articles.map((article, i) => {
    const older = articles[i + 1];
    const newer = articles[i - 1];
    const [year, month] = [article.date.slice(0, 4), article.date.slice(0, 7)];
    const { people, places, organisations } = article.entities;
    return {
      article,
      people: refs("person", people),
      places: refs("place", places.map((name) => ({ name }))),
      organisations: refs("organisation", organisations.map((name) => ({ name }))),
      related: (related[i] ?? []).map((other) => ({ url: other.url, label: other.title, date: other.date })),
      year: { url: `/${year}/`, label: year },
      month: { url: `/${month.replace("-", "/")}/`, label: labels.month(month) },
      day: { url: `/${article.date.replaceAll("-", "/")}/`, label: labels.day(article.date) },
      ...(older ? { older: { url: older.url, label: older.title } } : {}),
      ...(newer ? { newer: { url: newer.url, label: newer.title } } : {}),
    };
  });

  const dates = datePages(articles, labels);
  const newest = articles[0]?.date;
  const homePages: ListPage[] = paginate(articles, homePageSize, "/").map((page) => ({
    kind: "home",
    url: page.url,
    heading: "Latest",
    total: articles.length,
    articles: page.items,
    pagination: page.pagination,
    up: [],
    children: [],
    onThisDay: page.pagination.number === 1 && newest !== undefined ? (dates.onThisDay.get(newest) ?? []) : [],
    ...(newest !== undefined ? { onThisDayOf: labels.day(newest) } : {}),
  }));
  const periods = timelinePeriods(articles.at(-1)?.date ?? "1970-01-01", newest ?? "1970-01-01", labels);
  const entities = entityPages(articles, groups, periods, feedSize, site.title);
  const latest = articles.slice(0, feedSize);
  const pages = [
    ...homePages.map((page) => ({ url: page.url })),
    { url: "/archive/" },
    { url: "/search/" },
    ...dates.pages.map((page) => ({ url: page.url })),
    ...entities.entityIndexes.map((page) => ({ url: page.url })),
    ...entities.entityPages.map((page) => ({ url: page.url })),
    ...entities.quotePages.map((page) => ({ url: page.url })),
    ...articles.map((article) => ({ url: article.url, lastmod: article.date })),
  ];

  return {
    archive: {
      site,
      articles,
      articlePages,
      homePages,
      datePages: dates.pages,
      years: dates.years,
      latest,
      entityPages: entities.entityPages,
      entityIndexes: entities.entityIndexes,
      quotePages: entities.quotePages,
      feeds: [{ url: "/feed.xml", title: site.title, alternate: "/", articles: latest, content: true }, ...entities.feeds],
      sitemaps: sitemaps(
        pages.map((page) => ({ ...page, url: siteUrl(site, page.url) })),
        (url) => siteUrl(site, url),
      ),
      api: api(articles, dates.years, site),
    },
    problems: [...deduped.problems, ...unique.problems],
  };
}

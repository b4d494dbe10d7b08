import type { Archive, Article, ArticlePage, ListPage, Site } from "../article.ts";
import type { Problem } from "../errors.ts";
import { api } from "./api.ts";
import { datePages } from "./date-pages.ts";
import { comparePaths } from "../compare-paths.ts";
import { dedupe } from "./dedupe.ts";
import { dateLabels } from "./labels.ts";
import { paginate } from "./paginate.ts";
import { sitemaps } from "./sitemaps.ts";
import { siteUrl } from "./site-url.ts";
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
  const unique = uniqueUrls(deduped.articles, fileOf);
  // Newest first; within a day, the later path first, as wire ids run in filing order.
  const articles = unique.articles.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : comparePaths(b.source, a.source)));
  const labels = dateLabels(site.lang);

  const articlePages: ArticlePage[] = articles.map((article, i) => {
    const older = articles[i + 1];
    const newer = articles[i - 1];
    const [year, month] = [article.date.slice(0, 4), article.date.slice(0, 7)];
    return {
      article,
      year: { url: `/${year}/`, label: year },
      month: { url: `/${month.replace("-", "/")}/`, label: labels.month(month) },
      day: { url: `/${article.date.replaceAll("-", "/")}/`, label: labels.day(article.date) },
      ...(older ? { older: { url: older.url, label: older.title } } : {}),
      ...(newer ? { newer: { url: newer.url, label: newer.title } } : {}),
    };
  });

  const homePages: ListPage[] = paginate(articles, homePageSize, "/").map((page) => ({
    kind: "home",
    url: page.url,
    heading: "Latest",
    total: articles.length,
    articles: page.items,
    pagination: page.pagination,
    up: [],
    children: [],
  }));
  const dates = datePages(articles, labels);
  const pages = [
    ...homePages.map((page) => ({ url: page.url })),
    { url: "/archive/" },
    { url: "/search/" },
    ...dates.pages.map((page) => ({ url: page.url })),
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
      latest: articles.slice(0, feedSize),
      sitemaps: sitemaps(
        pages.map((page) => ({ ...page, url: siteUrl(site, page.url) })),
        (url) => siteUrl(site, url),
      ),
      api: api(articles, dates.years, site),
    },
    problems: [...deduped.problems, ...unique.problems],
  };
}

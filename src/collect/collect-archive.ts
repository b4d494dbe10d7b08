import type { Archive, Article, ArticlePage, EntityKind, EntityRef, ListPage, Site } from "../article.ts";
import type { Problem } from "../errors.ts";
import { api } from "./api.ts";
import { datePages } from "./date-pages.ts";
import { comparePaths } from "../files/compare-paths.ts";
import { dedupe } from "./dedupe.ts";
import { applyEntityFixes, type EntityFixes } from "./entity-fixes.ts";
import { entityGroups, entityKey } from "./entity-groups.ts";
import { entityPages } from "./entity-pages.ts";
import { dateLabels } from "./labels.ts";
import { mergeSurnames } from "./merge-surnames.ts";
import { pageSizes } from "./page-sizes.ts";
import { isFront, paginateNewestFirst } from "./paginate.ts";
import { relatedArticles } from "./related.ts";
import { sitemaps } from "./sitemaps.ts";
import { articleImageUrl } from "./article-image-url.ts";
import { taxonomyPages } from "./taxonomy-pages.ts";
import { siteUrl } from "./site-url.ts";
import { timelinePeriods } from "./timeline.ts";
import { uniqueUrls } from "./unique-urls.ts";
import type { UrlRegistry } from "./url-registry.ts";

/** The day the newest change among `articles` was made (a front-matter `updated` may be later than a newer article's date). */
function lastChange(articles: readonly Article[]): string {
  return articles.reduce((last, article) => {
    const day = article.updated ?? article.date;
    return day > last ? day : last;
  }, "1970-01-01");
}

/** Articles in the feeds. */
export const feedSize = 50;

/**
 * Turns enriched articles into the whole site's structure: duplicates dropped, URLs
 * made unique, articles sorted newest first, and every list page precomputed so
 * templates only display. `registry` holds the URLs published before (the site project's `dateline.urls.tsv`).
 */
export function collectArchive(input: readonly Article[], site: Site, fileOf: (source: string) => string, registry?: UrlRegistry, fixes?: EntityFixes): { archive: Archive; problems: Problem[] } {
  const deduped = dedupe(input, fileOf);
  // The owner's fixes first: a name they fixed is theirs, and no surname merge renames it.
  const fixed = applyEntityFixes(deduped.articles, fixes);
  const unique = uniqueUrls(mergeSurnames(fixed.articles, fixed.people), fileOf, registry);
  // Newest first; within a day, the later path first, as wire ids run in filing order.
  const articles = unique.articles.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : comparePaths(b.source, a.source)));
  const labels = dateLabels(site.lang);
  const speakers = new Set(articles.flatMap((article) => article.quotes.flatMap((quote) => (quote.speaker === undefined ? [] : [quote.speaker]))));
  const groups = entityGroups(articles, speakers, fixed.sameAs);
  const related = relatedArticles(articles, groups);
  const refs = (kind: EntityKind, names: readonly { name: string; role?: string }[]): EntityRef[] =>
    names.map(({ name, role }) => {
      const group = groups.get(entityKey(kind, name));
      const url = group?.url;
      return { name, ...(url ? { url } : {}), ...(role ? { role } : {}), ...(group?.sameAs !== undefined ? { sameAs: group.sameAs } : {}) };
    });

  const sizes = pageSizes(site);
  const taxonomy = taxonomyPages(articles, feedSize, site, sizes);
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
      taxonomy: taxonomy.linksOf(article),
      ...(article.image !== undefined ? { image: { url: articleImageUrl(article.url, article.image), alt: article.image.alt } } : {}),
    };
  });

  const dates = datePages(articles, labels, sizes.archive);
  const newest = articles[0]?.date;
  const oldest = articles.at(-1)?.date;
  const homePages: ListPage[] = paginateNewestFirst(articles, sizes.home, "/").map((page) => ({
    kind: "home",
    url: page.url,
    heading: "Latest",
    articles: page.items,
    pagination: page.pagination,
    up: [],
    children: [],
    onThisDay: isFront(page) && newest !== undefined ? (dates.onThisDay.get(newest) ?? []) : [],
    // What changes as articles are added is on the front page only (see NamedListPage.total).
    ...(isFront(page) ? { total: articles.length } : {}),
    ...(isFront(page) && newest !== undefined && oldest !== undefined ? { years: { from: oldest.slice(0, 4), to: newest.slice(0, 4) }, onThisDayOf: labels.day(newest) } : {}),
  }));
  const periods = timelinePeriods(oldest ?? "1970-01-01", newest ?? "1970-01-01", labels);
  const entities = entityPages(articles, groups, periods, feedSize, site.title, sizes);
  const latest = articles.slice(0, feedSize);
  const pages = [
    ...homePages.map((page) => ({ url: page.url })),
    { url: "/archive/" },
    { url: "/search/" },
    ...dates.pages.map((page) => ({ url: page.url })),
    ...entities.entityIndexes.map((page) => ({ url: page.url })),
    ...entities.entityPages.map((page) => ({ url: page.url })),
    ...entities.quotePages.map((page) => ({ url: page.url })),
    ...taxonomy.taxonomyIndexes.map((page) => ({ url: page.url })),
    ...taxonomy.taxonomyPages.map((page) => ({ url: page.url })),
    ...articles.map((article) => ({ url: article.url, lastmod: article.updated ?? article.date })),
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
      taxonomyPages: taxonomy.taxonomyPages,
      taxonomyIndexes: taxonomy.taxonomyIndexes,
      taxonomyIndexLinks: taxonomy.taxonomyIndexLinks,
      feeds: [{ url: "/feed.xml", title: site.title, alternate: "/", articles: latest, content: true }, ...entities.feeds, ...taxonomy.feeds].map((feed) => ({
        ...feed,
        updated: lastChange(feed.articles),
      })),
      sitemaps: sitemaps(
        pages.map((page) => ({ ...page, url: siteUrl(site, page.url) })),
        (url) => siteUrl(site, url),
      ),
      api: api(articlePages, dates.years, site),
      registry: unique.registry,
      redirects: unique.redirects,
    },
    problems: [...deduped.problems, ...fixed.problems, ...unique.problems],
  };
}

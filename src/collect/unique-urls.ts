import type { Article } from "../article.ts";
import { error, type Problem } from "../errors.ts";
import { comparePaths } from "../files/compare-paths.ts";
import { deriveHeadline } from "../enrich/headline/derive-headline.ts";
import { deriveSlug } from "../enrich/slug.ts";
import { distinctHeadlines } from "./distinct-headlines.ts";
import type { Redirect, RegisteredUrl, UrlRegistry } from "./url-registry.ts";
import { seedFormat } from "../parse/seed-format.ts";

// Paths the site itself writes: no article may take them.
const reserved = /^\/(?:(?:page|archive|search|api|assets|pagefind|feed|sitemaps|people|places|organisations|quotes|tags|authors|sections)\/.*|\d{4}\/(?:\d{2}\/(?:\d{2}\/)?)?(?:page\/\d+\/)?)$/;

/** Every article with its own URL, the registry to write back, and the former URLs that now redirect. */
export interface UniqueUrls {
  readonly articles: Article[];
  readonly problems: Problem[];
  readonly registry: UrlRegistry;
  readonly redirects: Redirect[];
}

/**
 * Gives every article its own headline on its day (distinctHeadlines) and its own URL. A URL in `registry` is kept
 * whatever else changed (seeds added or deleted, a better headline), unless the owner chose another with `slug` or
 * `permalink`, or edited the date (the slug is kept, under the new day): then the former URL redirects. A new article's derived URL that clashes gets the article's hash as a suffix, so it
 * never takes a registered URL. A chosen permalink that clashes is an error.
 */
export function uniqueUrls(input: readonly Article[], fileOf: (source: string) => string, registry: UrlRegistry = new Map()): UniqueUrls {
  const articles = withDistinctHeadlines(input);
  const problems: Problem[] = [];
  const taken = new Map<string, Article>();
  const result: Article[] = [];
  for (const article of articles.filter((article) => !isDerived(article))) {
    const other = taken.get(article.url);
    if (reserved.test(article.url) || other !== undefined) {
      const why = other !== undefined ? `already the URL of ${fileOf(other.source)}` : "a page the site writes itself";
      problems.push(error("url-conflict", fileOf(article.source), 1, 1, `Unexpected permalink \`${article.url}\`: ${why}`));
      continue;
    }
    taken.set(article.url, article);
    result.push(article);
  }
  const derived = articles.filter(isDerived);
  // Every URL the registry gives a seed, its own or former: no other article may take one, not even a deleted
  // article's (its line stays, so its feed id is never another story's).
  const owners = new Map<string, string>();
  for (const [source, { url, former }] of registry) for (const owned of [url, ...former]) if (!owners.has(owned)) owners.set(owned, source);
  const free = (url: string, article: Article): boolean => !taken.has(url) && !reserved.test(url) && (owners.get(url) ?? article.source) === article.source;
  // Registered URLs first, so that no new article takes one; a slug the owner chose wins over the registry, and so
  // does an edited date (the URL's date path follows the seed's date, keeping the registered slug).
  const wanted = new Map(derived.map((article) => [article, registeredUrl(article, registry.get(article.source)?.url)]));
  // A Set: an archive of 100,000 articles keeps nearly all of them, and `includes` would make this quadratic.
  const kept = new Set<Article>();
  for (const article of derived) {
    const url = wanted.get(article) ?? article.url;
    // Checked one by one: a registry edited by hand may give two seeds one URL, and only its first line's seed keeps it.
    if (url !== registry.get(article.source)?.url || !free(url, article)) continue;
    kept.add(article);
    taken.set(url, article);
    result.push(withUrl(article, url));
  }
  for (const article of derived.filter((article) => !kept.has(article))) {
    let url = wanted.get(article) ?? article.url;
    if (!free(url, article)) url = url.replace(/\/$/, `-${article.hash.slice(0, 8)}/`);
    for (let n = 2; !free(url, article); n++) url = url.replace(/(-\d+)?\/$/, `-${n}/`);
    taken.set(url, article);
    result.push(withUrl(article, url));
  }
  const next = new Map<string, RegisteredUrl>(registry);
  const redirects: Redirect[] = [];
  for (const article of result) {
    const before = registry.get(article.source);
    const former = before === undefined ? [] : [...before.former, ...(before.url === article.url ? [] : [before.url])].filter((url) => url !== article.url && !taken.has(url) && !reserved.test(url) && url !== "/");
    next.set(article.source, { url: article.url, former: [...new Set(former)] });
    redirects.push(...former.map((from) => ({ from, to: article.url })));
  }
  return { articles: result, problems, registry: next, redirects };
}

/**
 * The URL an article wants: its registered one, unless the owner chose a slug; with the date path of the seed's
 * date, should the owner have edited it (the former URL then redirects).
 */
function registeredUrl(article: Article, registered: string | undefined): string {
  if (registered === undefined || hasChosenSlug(article)) return article.url;
  const datePath = `/${article.date.replaceAll("-", "/")}/`;
  const dated = /^\/\d{4}\/\d{2}\/\d{2}\/([^/]+)\/$/u.exec(registered);
  return registered.startsWith(datePath) || dated === null ? registered : `${datePath}${dated[1]}/`;
}

function withUrl(article: Article, url: string): Article {
  return url === article.url ? article : { ...article, url, slug: url.split("/").at(-2) ?? article.slug };
}

/** A URL made from date and slug, not chosen with a permalink. */
function isDerived(article: Article): boolean {
  return article.url === `/${article.date.replaceAll("-", "/")}/${article.slug}/`;
}

/** A slug from the seed's front matter rather than from its headline. */
function hasChosenSlug(article: Article): boolean {
  return article.slug !== deriveSlug(article.title, article.id);
}

/** The articles in path order, with same-day derived headlines told apart; a derived slug and URL follow the new headline. */
function withDistinctHeadlines(articles: readonly Article[]): Article[] {
  const sorted = [...articles].sort((a, b) => comparePaths(a.source, b.source));
  // A .txt seed has no front matter, so its headline is always derived: deriving it again (the costly part of
  // collect when many same-day headlines clash) is needed only to tell a .md seed's chosen title.
  const titles = distinctHeadlines(sorted, (article) => seedFormat(article.source) === "txt" || article.title === deriveHeadline(article.paragraphs));
  return sorted.map((article, i) => {
    const title = titles[i] ?? article.title;
    if (title === article.title) return article;
    if (!isDerived(article) || hasChosenSlug(article)) return { ...article, title };
    const slug = deriveSlug(title, article.id);
    return { ...article, title, slug, url: `/${article.date.replaceAll("-", "/")}/${slug}/` };
  });
}

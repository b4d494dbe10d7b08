import { createHash } from "node:crypto";
import type { Article, Feed, Link, PageSizes, Site, TaxonomyIndexPage, TaxonomyKind, TaxonomyLinks, TaxonomyPage } from "../article.ts";
import { nameSlug } from "./name-slug.ts";
import { isFront, paginate, paginateNewestFirst } from "./paginate.ts";

/** The folder of each kind of front-matter page. */
export const taxonomyFolders: Readonly<Record<TaxonomyKind, string>> = { tag: "/tags/", section: "/sections/", author: "/authors/" };

/** What the front matter's tags, sections and authors give the archive. */
export interface TaxonomySite {
  readonly taxonomyPages: TaxonomyPage[];
  /** The index of each kind the front matter names, A to Z; none for a kind no article has. */
  readonly taxonomyIndexes: TaxonomyIndexPage[];
  /** The first page of each index, for a link on every page. */
  readonly taxonomyIndexLinks: { kind: TaxonomyKind; url: string }[];
  readonly feeds: Feed[];
  /** The links each article's page shows to the pages of its author, section and tags. */
  readonly linksOf: (article: Article) => TaxonomyLinks;
}

interface Term {
  readonly kind: TaxonomyKind;
  readonly url: string;
  /** Every spelling used, with its count: `Europe` and `europe` are one tag, named as most articles write it. */
  readonly spellings: Map<string, number>;
  readonly articles: Article[];
}

/**
 * A page for every tag, section and author the front matter names (newest first, paginated as entity pages are)
 * with its Atom feed, and an index of each kind. Names that make the same slug are one page, so `Europe` and
 * `europe` never compete for a URL.
 * @param articles newest first.
 */
export function taxonomyPages(articles: readonly Article[], feedSize: number, site: Pick<Site, "title" | "lang">, sizes: PageSizes): TaxonomySite {
  const terms = new Map<string, Term>();
  // Each name is slugged once: every article's links ask again (`linksOf`).
  const urls = new Map<string, string>();
  const termUrl = (kind: TaxonomyKind, name: string): string => {
    const key = `${kind}\0${name}`;
    let url = urls.get(key);
    if (url === undefined) urls.set(key, (url = `${taxonomyFolders[kind]}${termSlug(name)}/`));
    return url;
  };
  const add = (kind: TaxonomyKind, name: string, article: Article): void => {
    const url = termUrl(kind, name);
    let term = terms.get(url);
    if (term === undefined) terms.set(url, (term = { kind, url, spellings: new Map(), articles: [] }));
    term.spellings.set(name, (term.spellings.get(name) ?? 0) + 1);
    // A tag given twice in different case is one tag of the article.
    if (term.articles.at(-1) !== article) term.articles.push(article);
  };
  for (const article of articles) {
    if (article.author !== undefined) add("author", article.author, article);
    if (article.section !== undefined) add("section", article.section, article);
    for (const tag of article.tags) add("tag", tag, article);
  }

  const taxonomyPages: TaxonomyPage[] = [];
  const feeds: Feed[] = [];
  const names = new Map<string, string>();
  // Sorted by URL, so the pages' order never depends on the order of the seeds.
  for (const term of [...terms.values()].sort((a, b) => (a.url < b.url ? -1 : 1))) {
    const name = nameOf(term);
    names.set(term.url, name);
    const feed = `${term.url}feed.xml`;
    for (const page of paginateNewestFirst(term.articles, sizes.entity, term.url)) {
      taxonomyPages.push({ kind: term.kind, name, url: page.url, home: term.url, up: taxonomyFolders[term.kind], feed, ...(isFront(page) ? { total: term.articles.length } : {}), articles: page.items, pagination: page.pagination });
    }
    feeds.push({ url: feed, title: `${name} · ${site.title}`, alternate: term.url, articles: term.articles.slice(0, feedSize), content: false });
  }
  const taxonomyIndexes = indexPages([...terms.values()].map((term) => ({ kind: term.kind, url: term.url, label: names.get(term.url) ?? "", count: term.articles.length })), site.lang, sizes.entityIndex);
  const link = (kind: TaxonomyKind, name: string): Link => {
    const url = termUrl(kind, name);
    return { url, label: names.get(url) ?? name };
  };
  const linksOf = (article: Article): TaxonomyLinks => ({
    ...(article.author !== undefined ? { author: link("author", article.author) } : {}),
    ...(article.section !== undefined ? { section: link("section", article.section) } : {}),
    // `Europe` and `europe` in one article are one tag.
    tags: [...new Map(article.tags.map((tag) => [termUrl("tag", tag), link("tag", tag)])).values()],
  });
  const taxonomyIndexLinks = taxonomyIndexes.filter((page) => page.pagination.number === 1).map(({ kind, url }) => ({ kind, url }));
  return { taxonomyPages, taxonomyIndexes, taxonomyIndexLinks, feeds, linksOf };
}

/** The index of each kind that has entries, A to Z by the site language's collation, paginated as the entity indexes are. */
function indexPages(entries: readonly (Link & { kind: TaxonomyKind; count: number })[], lang: string, pageSize: number): TaxonomyIndexPage[] {
  const collator = new Intl.Collator(lang, { numeric: true });
  // Names the collator holds equal fall back to their URLs, so the order never depends on the seeds'.
  const sorted = [...entries].sort((a, b) => collator.compare(a.label, b.label) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return (Object.keys(taxonomyFolders) as TaxonomyKind[]).flatMap((kind) => {
    const listed = sorted.filter((entry) => entry.kind === kind).map(({ url, label, count }) => ({ url, label, count }));
    if (listed.length === 0) return [];
    return paginate(listed, pageSize, taxonomyFolders[kind]).map((page) => ({ kind, url: page.url, total: listed.length, entries: page.items, pagination: page.pagination }));
  });
}

/** A term's slug, as an entity's is made; a name with nothing a slug keeps (`日本` may be) gets a hash of itself. */
function termSlug(name: string): string {
  return nameSlug(name, createHash("sha256").update(name.toLowerCase()).digest("hex").slice(0, 8));
}

/** The spelling most articles use; of equals, the first in code-point order. */
function nameOf(term: Term): string {
  return [...term.spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]?.[0] ?? "";
}

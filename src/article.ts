// The records that flow through the pipeline, each named after the stage that makes it:
// seeds → parse (ParsedArticle) → enrich (Article) → collect (Archive) → render → publish.

/** What `parse` makes of one seed file: its text, split and typed, with nothing derived yet. */
export interface ParsedArticle {
  /** File stem, e.g. `000_7aa871e253b4211d`. */
  readonly id: string;
  /** Path relative to the seeds folder, with `/` separators. */
  readonly source: string;
  readonly format: "txt" | "md";
  /** Calendar date, `YYYY-MM-DD`. */
  readonly date: string;
  /** Plain text of each paragraph (block) of the body, in order. */
  readonly paragraphs: readonly string[];
  /** The body as HTML, serialised by unified (escaped, sanitised). */
  readonly html: string;
  /** From front matter only. */
  readonly title?: string;
  readonly summary?: string;
  readonly tags: readonly string[];
  /** A front-matter `slug`, already checked to be a safe slug. */
  readonly slug?: string;
  /** A front-matter `permalink` or `url`, already checked to stay inside the site. */
  readonly permalink?: string;
}

/** What `enrich` makes of a ParsedArticle: everything a page needs about one story. */
export interface Article {
  readonly id: string;
  readonly source: string;
  readonly date: string;
  readonly title: string;
  readonly summary: string;
  readonly paragraphs: readonly string[];
  readonly html: string;
  readonly tags: readonly string[];
  readonly words: number;
  readonly readingMinutes: number;
  readonly slug: string;
  /** Site path, `/YYYY/MM/DD/<slug>/`, before any path prefix. */
  readonly url: string;
  /** First 16 hex digits of SHA-256 of the normalised body: equal bodies, equal hashes. */
  readonly hash: string;
}

/** Site-wide settings, from the command line. */
export interface Site {
  readonly title: string;
  readonly lang: string;
  /** Absolute origin and path the site is served from, without the path prefix, e.g. `https://example.org`. */
  readonly baseUrl?: string;
  /** `/` or `/prefix/`: the folder the site is served from. */
  readonly pathPrefix: string;
}

/** A labelled link between pages. */
export interface Link {
  readonly url: string;
  readonly label: string;
}

/** One entry of a page-number bar: a page, or a gap standing for skipped pages. */
export type PageNumber = { readonly number: number; readonly url: string; readonly current: boolean } | { readonly gap: true };

/** Where a page stands in a paginated list. */
export interface Pagination {
  readonly number: number;
  readonly count: number;
  readonly previous?: string;
  readonly next?: string;
  readonly pages: readonly PageNumber[];
}

/** A page listing articles: a home page, or a year, month or day archive. */
export interface ListPage {
  readonly kind: "home" | "year" | "month" | "day";
  readonly url: string;
  /** The list's name without page number, e.g. `March 2022`. */
  readonly heading: string;
  /** Articles in the whole list, across its pages. */
  readonly total: number;
  readonly articles: readonly Article[];
  readonly pagination: Pagination;
  /** Links to the enclosing archives, outermost first. */
  readonly up: readonly Link[];
  /** The neighbouring list of the same kind (the month before and after…). */
  readonly before?: Link;
  readonly after?: Link;
  /** The lists inside this one (a year's months, a month's days), with counts. */
  readonly children: readonly (Link & { readonly count: number })[];
}

/** An article with the links its page shows around it. */
export interface ArticlePage {
  readonly article: Article;
  /** The article just before in date order, and just after. */
  readonly older?: Link;
  readonly newer?: Link;
  readonly year: Link;
  readonly month: Link;
  readonly day: Link;
}

/** A year with its months and counts, for `/archive/`. */
export interface YearSummary {
  readonly year: string;
  readonly url: string;
  readonly count: number;
  readonly months: readonly (Link & { readonly count: number })[];
}

/** One sitemap file: a list of page URLs, or an index of other sitemaps. */
export interface Sitemap {
  readonly url: string;
  readonly kind: "urlset" | "index";
  readonly entries: readonly { readonly url: string; readonly lastmod?: string }[];
}

/** One file of the JSON API. */
export interface ApiFile {
  readonly url: string;
  readonly data: unknown;
}

/** What `collect` makes of all articles: every page of the site, grouped, sorted and linked. */
export interface Archive {
  readonly site: Site;
  /** Newest first. */
  readonly articles: readonly Article[];
  readonly articlePages: readonly ArticlePage[];
  readonly homePages: readonly ListPage[];
  readonly datePages: readonly ListPage[];
  readonly years: readonly YearSummary[];
  /** The newest articles, for the feeds. */
  readonly latest: readonly Article[];
  readonly sitemaps: readonly Sitemap[];
  readonly api: readonly ApiFile[];
}

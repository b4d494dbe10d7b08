// The records that flow through the pipeline, each named after the stage that makes it:
// seeds → parse (ParsedArticle) → enrich (Article) → collect (Archive) → render → publish.

import type { Redirect, UrlRegistry } from "./collect/url-registry.ts";

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
  /** Front matter's `author`, `section` (or `category`) and `updated` (`YYYY-MM-DD`, not before `date`). */
  readonly author?: string;
  readonly section?: string;
  readonly updated?: string;
  readonly image?: SeedImage;
  /** `draft: true`: left out of a build unless `--drafts`. */
  readonly draft?: true;
}

/** A seed's front-matter `image`: a file of the seeds folder, published beside the article page. */
export interface SeedImage {
  /** Path relative to the seeds folder, `/`-separated, checked to stay inside it. */
  readonly source: string;
  /** `image_alt`, or empty. */
  readonly alt: string;
  /** Line of the `image` key in the seed, for the error when the file is missing. */
  readonly line: number;
  /** SHA-256 of the file, added when the seeds are loaded (never cached with the seed): a changed image changes the page. */
  readonly digest?: string;
}

/** A person named in an article: one canonical name, and the role the text gives them, if any. */
export interface Person {
  /** Canonical full name, e.g. `Antony Blinken` (never a title, never a bare surname when the full name was given). */
  readonly name: string;
  /** Title or office the article gives them, e.g. `Secretary of State`. */
  readonly role?: string;
}

/** The people, places and organisations an article mentions, each by its canonical name, in order of first mention. */
export interface Entities {
  readonly people: readonly Person[];
  /** Countries and cities, e.g. `China`, `United States`, `Moscow`. */
  readonly places: readonly string[];
  /** e.g. `European Union`, `NATO`, `OPEC`. */
  readonly organisations: readonly string[];
}

/** A direct quotation, with its speaker when the text attributes it. */
export interface Quote {
  /** The words inside the quotation marks, without the marks. */
  readonly text: string;
  /** Canonical name of the person the text attributes it to; absent when unattributed (never guessed). */
  readonly speaker?: string;
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
  /** From front matter, as ParsedArticle has them. */
  readonly author?: string;
  readonly section?: string;
  readonly updated?: string;
  readonly image?: SeedImage;
  readonly draft?: true;
  readonly words: number;
  readonly readingMinutes: number;
  readonly slug: string;
  /** Site path, `/YYYY/MM/DD/<slug>/`, before any path prefix. */
  readonly url: string;
  /** First 16 hex digits of SHA-256 of the normalised body: equal bodies, equal hashes. */
  readonly hash: string;
  readonly entities: Entities;
  readonly quotes: readonly Quote[];
}

/** Site-wide settings, from the command line. */
export interface Site {
  readonly title: string;
  readonly lang: string;
  /** Absolute origin and path the site is served from, without the path prefix, e.g. `https://example.org`. */
  readonly baseUrl?: string;
  /** `/` or `/prefix/`: the folder the site is served from. */
  readonly pathPrefix: string;
  /** Interface texts that replace the shipped ones of `lang`, by key (see src/render/strings/en.json). */
  readonly strings?: Readonly<Record<string, string>>;
  /** One sentence about the site (the config's `description`): the home page's meta description. */
  readonly description?: string;
  /** Links the header adds after its own (the config's `nav`). */
  readonly nav?: readonly Link[];
  /** Files of assets/ (the project's or Dateline's): the header's logo, the image of link previews, stylesheets linked after Dateline's. */
  readonly logo?: string;
  readonly socialImage?: string;
  readonly stylesheets?: readonly string[];
  /** The site project's folder, whose templates/ and assets/ override Dateline's file by file (render/site-templates.ts). */
  readonly theme?: string;
  /** Entries a page of each paginated list shows, where not the default (collect/page-sizes.ts). */
  readonly pageSizes?: Partial<PageSizes>;
}

/** How many entries a page of each paginated list shows. */
export interface PageSizes {
  /** Articles on the home page and its `/page/N/`. */
  readonly home: number;
  /** Articles on a year, month or day archive page. */
  readonly archive: number;
  /** Articles on a person's, place's or organisation's page. */
  readonly entity: number;
  /** Names on `/people/`, `/places/`, `/organisations/`. */
  readonly entityIndex: number;
  /** Quotations on a speaker's `/quotes/<slug>/` page. */
  readonly quotes: number;
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
  /** Articles in the whole list, across its pages: on its front page only (see `NamedListPage.total`). */
  readonly total?: number;
  /** The first and last year of the archive: on the home front page only. */
  readonly years?: { readonly from: string; readonly to: string };
  readonly articles: readonly Article[];
  readonly pagination: Pagination;
  /** Links to the enclosing archives, outermost first. */
  readonly up: readonly Link[];
  /** The neighbouring list of the same kind (the month before and after…). */
  readonly before?: Link;
  readonly after?: Link;
  /** The lists inside this one (a year's months, a month's days), with counts: on the front page only, else empty. */
  readonly children: readonly (Link & { readonly count: number })[];
  /** Day pages of the same day and month in other years (home: of the newest article's day): front page only, else empty. */
  readonly onThisDay: readonly (Link & { readonly count: number })[];
  /** The day `onThisDay` is about, named on the home front page (a day page is that day already). */
  readonly onThisDayOf?: string;
}

export type EntityKind = "person" | "place" | "organisation";

/** An entity as an article page shows it: its name, and its page when it has one. */
export interface EntityRef {
  readonly name: string;
  readonly url?: string;
  readonly role?: string;
  /** Its `https:` URLs elsewhere (Wikidata…), from the entity fixes file: JSON-LD `sameAs`. */
  readonly sameAs?: readonly string[];
}

/** An article with the links its page shows around it. */
export interface ArticlePage {
  readonly article: Article;
  readonly people: readonly EntityRef[];
  readonly places: readonly EntityRef[];
  readonly organisations: readonly EntityRef[];
  /** Up to five other articles sharing its rarer entities, closest in time first among equals. */
  readonly related: readonly (Link & { readonly date: string })[];
  /** The article just before in date order, and just after. */
  readonly older?: Link;
  readonly newer?: Link;
  readonly year: Link;
  readonly month: Link;
  readonly day: Link;
  /** Its front matter's image, published beside the page. */
  readonly image?: { readonly url: string; readonly alt: string };
  /** The pages of its front matter's author, section and tags. */
  readonly taxonomy: TaxonomyLinks;
}

/** An article's links to the pages of its author, section and tags. */
export interface TaxonomyLinks {
  readonly author?: Link;
  readonly section?: Link;
  readonly tags: readonly Link[];
}

/** What front matter names: a tag, a section (or category), an author. */
export type TaxonomyKind = "tag" | "section" | "author";

/** One page of a named list of articles, newest first: an entity's, a tag's, a section's or an author's. */
export interface NamedListPage {
  readonly name: string;
  readonly url: string;
  /** Its first page, and its feed. */
  readonly home: string;
  readonly feed: string;
  /**
   * Its number of articles, on its front page (the newest, at `home`) only. A numbered page holds fixed articles
   * (see `paginateNewestFirst`) and shows nothing that changes as articles are added, so a rebuild leaves it as it is.
   */
  readonly total?: number;
  readonly articles: readonly Article[];
  readonly pagination: Pagination;
}

/** One page of the articles with a tag, in a section or by an author, newest first. */
export interface TaxonomyPage extends NamedListPage {
  readonly kind: TaxonomyKind;
  /** The index of its kind, e.g. `/tags/`. */
  readonly up: string;
}

/** One page of the index of every tag, section or author, A to Z in the site's language, with its number of articles. */
export interface TaxonomyIndexPage {
  readonly kind: TaxonomyKind;
  readonly url: string;
  readonly total: number;
  readonly entries: readonly (Link & { readonly count: number })[];
  readonly pagination: Pagination;
}

/** Articles per period, for an entity's timeline. */
export interface Timeline {
  /** Every period of the archive, oldest first: months, or years when the archive spans more than ten years. */
  readonly bars: readonly { readonly key: string; readonly label: string; readonly count: number }[];
  readonly max: number;
}

/** A quotation with where it was said. */
export interface QuoteEntry {
  readonly text: string;
  readonly date: string;
  readonly article: Link;
}

/** One page of the articles mentioning a person, place or organisation. */
export interface EntityPage extends NamedListPage {
  readonly kind: EntityKind;
  /** The index of its kind, e.g. `/people/`. */
  readonly up: Link;
  /** Roles the articles give a person, most frequent first. Front page only, like all below but `sameAs`. */
  readonly roles?: readonly string[];
  readonly timeline?: Timeline;
  /** Entities most often named in the same articles. */
  readonly companions?: readonly (Link & { readonly count: number; readonly kind: EntityKind })[];
  /** A person's newest quotations, and where all of them are. */
  readonly quotes?: readonly QuoteEntry[];
  readonly quoteCount?: number;
  readonly quotesUrl?: string;
  /** Its `https:` URLs elsewhere (Wikidata…), from the entity fixes file: JSON-LD `sameAs` and links on the page. */
  readonly sameAs?: readonly string[];
}

/** One page of an index of entities or speakers, most articles (or quotes) first. */
export interface EntityIndexPage {
  readonly kind: EntityKind | "speaker";
  readonly url: string;
  readonly heading: string;
  readonly total: number;
  readonly entries: readonly (Link & { readonly count: number })[];
  readonly pagination: Pagination;
}

/** One page of a speaker's quotations, newest first. */
export interface QuotePage {
  readonly speaker: Link;
  readonly url: string;
  /** The speaker's number of quotations: on the front page only (see `NamedListPage.total`). */
  readonly total?: number;
  readonly quotes: readonly QuoteEntry[];
  readonly pagination: Pagination;
}

/** An Atom feed: the site's, or one entity's. */
export interface Feed {
  readonly url: string;
  readonly title: string;
  /** The HTML page the feed follows. */
  readonly alternate: string;
  readonly articles: readonly Article[];
  /** The newest day among its articles' dates and `updated` days, `1970-01-01` when it has none (set by collectArchive). */
  readonly updated?: string;
  /** Whether entries carry the whole article: the site's feed does; an entity's gives the summary and link, there being thousands of them. */
  readonly content: boolean;
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
  readonly entityPages: readonly EntityPage[];
  readonly entityIndexes: readonly EntityIndexPage[];
  readonly quotePages: readonly QuotePage[];
  readonly taxonomyPages: readonly TaxonomyPage[];
  readonly taxonomyIndexes: readonly TaxonomyIndexPage[];
  /** The first page of each index of tags, sections and authors the archive has, for links on every page (not paginated, so a count's change renders no other page). */
  readonly taxonomyIndexLinks: readonly { readonly kind: TaxonomyKind; readonly url: string }[];
  /** The site's Atom feed first, then one per entity page, then one per tag, section and author. */
  readonly feeds: readonly Feed[];
  readonly sitemaps: readonly Sitemap[];
  readonly api: readonly ApiFile[];
  /** Seed → URL, as the build writes it back to the site project's `dateline.urls.tsv` (see collect/url-registry.ts). */
  readonly registry: UrlRegistry;
  /** Former URLs of articles whose owner changed their `slug`, `permalink` or date, each sending readers on. */
  readonly redirects: readonly Redirect[];
}

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { dateToRfc3339 } from "@11ty/eleventy-plugin-rss";
import type { Archive, ArticlePage, EntityPage, QuoteEntry, Site, Timeline } from "../article.ts";
import { siteUrl } from "../collect/index.ts";
import { dateLabels, type DateLabels } from "../collect/labels.ts";
import { packageRoot } from "../files/package-root.ts";
import { entityPageJsonLd, newsArticleJsonLd, scriptSafeJson } from "./json-ld.ts";
import { jsonFeed } from "./json-feed.ts";
import { quotesByStory } from "./quotes-by-story.ts";
import { metaContentSecurityPolicy, securityHeaders } from "./security.ts";
import { timelineSvg } from "./timeline-svg.ts";
import { siteStrings, translator, type MessageValues, type Translate } from "./translator.ts";

/** How the plugin gets its archive: handed over by `dateline build`, or loaded by the plugin (dev server). */
export interface PluginOptions {
  readonly archive?: Archive;
  readonly load?: () => Promise<Archive>;
  /** The templates folder rendered from, whose assets/ is copied (`siteTemplates`); by default Dateline's. */
  readonly templates?: string;
}

/** What Eleventy gives a Nunjucks filter as `this`: the data of the page being rendered. */
interface FilterThis {
  readonly ctx?: { readonly archive?: Archive };
}

interface EleventyConfig {
  addPlugin(plugin: unknown, options?: unknown): void;
  addGlobalData(name: string, data: unknown): void;
  addFilter(name: string, filter: (this: FilterThis, ...args: never[]) => unknown): void;
  addPassthroughCopy(paths: Record<string, string>): void;
  addTransform(name: string, transform: (this: { page: { outputPath: string | false; url: string | false } }, content: string) => string | Promise<string>): void;
}

/**
 * The one adapter that knows Eleventy: hands the archive to the templates as
 * global data and adds the filters they use.
 */
export function datelinePlugin(eleventyConfig: EleventyConfig, options: PluginOptions): void {
  let current = options.archive;
  // The site of the page being rendered, from its data when the filter is given it: Eleventy keeps templates compiled
  // for the whole process, each bound to the filters of the run that first compiled it, so a second build in one process
  // (another site, the tests') would see the first one's site through this plugin's closure.
  function site(this: FilterThis | undefined): Site {
    const archive = this?.ctx?.archive ?? current;
    if (archive === undefined) throw new Error("Internal error: a filter ran before the archive was loaded");
    return archive.site;
  }

  eleventyConfig.addPlugin(HtmlBasePlugin);
  const assets = assetsFolder(options.templates);
  eleventyConfig.addPassthroughCopy({ [assets]: "assets" });
  // A content hash in each asset URL lets hosts cache assets for a year and still serve changes at once.
  const versions = new Map<string, string>();
  eleventyConfig.addFilter("asset", (name: string) => {
    let version = versions.get(name);
    if (version === undefined) {
      version = createHash("sha256").update(readFileSync(path.join(assets, name))).digest("hex").slice(0, 10);
      versions.set(name, version);
    }
    return `/assets/${name}?v=${version}`;
  });
  // Global data is handed over frozen (its top level; the templates only read it): Eleventy deep-copies a plain object
  // into each template's data and wraps it in a proxy on each paginated page (every member lookup of every page went
  // through a proxy's get), but takes a frozen one as it is.
  eleventyConfig.addGlobalData("security", Object.freeze({ metaContentSecurityPolicy, headers: securityHeaders }));
  // Runs at every build, so the dev server picks up edited seeds.
  eleventyConfig.addGlobalData("archive", async () => {
    if (options.load) current = await options.load();
    return current === undefined ? undefined : Object.freeze({ ...current });
  });

  eleventyConfig.addFilter("served", function (this: FilterThis, url: string) {
    return siteUrl(site.call(this), url);
  });
  // For href attributes: Eleventy's base plugin adds the path prefix itself, so only make URLs absolute when we can.
  eleventyConfig.addFilter("href", function (this: FilterThis, url: string) {
    const here = site.call(this);
    return here.baseUrl !== undefined ? siteUrl(here, url) : url;
  });
  // Atom ids must be absolute IRIs: the URL when the base URL is known, else a stable URN.
  eleventyConfig.addFilter("atomId", function (this: FilterThis, url: string) {
    const here = site.call(this);
    return here.baseUrl !== undefined ? siteUrl(here, url) : `urn:dateline:${url}`;
  });
  // One formatter per language, not one per call: this filter runs for every article in every list.
  const labels = new Map<string, DateLabels>();
  eleventyConfig.addFilter("longDate", function (this: FilterThis, date: string) {
    const { lang } = site.call(this);
    if (!labels.has(lang)) labels.set(lang, dateLabels(lang));
    return labels.get(lang)?.day(date) ?? date;
  });
  eleventyConfig.addFilter("rfc3339", (date: string) => dateToRfc3339(new Date(`${date}T00:00:00Z`)));
  eleventyConfig.addFilter("newsArticleJsonLd", function (this: FilterThis, entry: ArticlePage) {
    return newsArticleJsonLd(entry, site.call(this));
  });
  eleventyConfig.addFilter("entityPageJsonLd", function (this: FilterThis, entry: EntityPage) {
    return entityPageJsonLd(entry, site.call(this));
  });
  // A sameAs link's words: the site it leads to, `www.` aside (wikidata.org).
  eleventyConfig.addFilter("host", (url: string) => new URL(url).hostname.replace(/^www\./, ""));
  eleventyConfig.addFilter("timelineSvg", function (this: FilterThis, timeline: Timeline, name: string) {
    return timelineSvg(timeline, name, translate.call(this));
  });
  eleventyConfig.addFilter("quotesByStory", (quotes: readonly QuoteEntry[]) => quotesByStory(quotes));
  eleventyConfig.addFilter("jsonFeed", (value: Archive) => jsonFeed(value));
  eleventyConfig.addFilter("json", (value: unknown) => `${JSON.stringify(value, null, 2)}\n`);
  // `toLocaleString` makes a formatter at every call.
  const numbers = new Map<string, Intl.NumberFormat>();
  eleventyConfig.addFilter("thousands", function (this: FilterThis, value: number) {
    const { lang } = site.call(this);
    if (!numbers.has(lang)) numbers.set(lang, new Intl.NumberFormat(lang));
    return numbers.get(lang)?.format(value) ?? String(value);
  });
  // Interface texts in the site's language: `{{ "articles" | t({ count: n }) }}`. One translator per language and
  // overrides, made at its first use, and found by Site object first: the archive is handed over frozen, so every page
  // of a run sees the same Site, not a proxy of it (through proxies a WeakMap missed on every page, and the key's JSON
  // was made on every call).
  const translators = new Map<string, Translate>();
  const bySite = new WeakMap<Site, Translate>();
  function translate(this: FilterThis | undefined): Translate {
    const here = site.call(this);
    let found = bySite.get(here);
    if (found !== undefined) return found;
    const key = `${here.lang}\0${JSON.stringify(here.strings ?? {})}`;
    found = translators.get(key);
    if (found === undefined) {
      found = translator(here);
      translators.set(key, found);
    }
    bySite.set(here, found);
    return found;
  }
  eleventyConfig.addFilter("t", function (this: FilterThis, key: string, values?: MessageValues) {
    return translate.call(this)(key, values);
  });
  // The search page's texts for its script, plural forms unresolved: the script counts its results itself.
  eleventyConfig.addFilter("searchStrings", (here: Site) => {
    const strings = siteStrings(here);
    return scriptSafeJson({ lang: here.lang, messages: Object.fromEntries(Object.entries(strings).filter(([key]) => key.startsWith("search."))) });
  });
}

/**
 * The folder of a templates folder's assets (`siteTemplates`), which a site serves as `/assets/`: copied by Eleventy
 * when it writes (the dev server), by the render when it renders to memory. An absolute path, so the assets are
 * found whatever the current folder.
 */
export function assetsFolder(templates: string = path.join(packageRoot, "templates")): string {
  return path.join(templates, "assets");
}

import type { ArticlePage, EntityKind, EntityPage, EntityRef, Site } from "../article.ts";
import { siteUrl } from "../collect/index.ts";

/** schema.org NewsArticle for an article page, as JSON safe to put inside `<script>`. */
export function newsArticleJsonLd(entry: ArticlePage, site: Site): string {
  const { article } = entry;
  const data = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: article.summary,
    datePublished: article.date,
    ...(article.updated !== undefined ? { dateModified: article.updated } : {}),
    url: siteUrl(site, article.url),
    wordCount: article.words,
    inLanguage: site.lang,
    ...(entry.image !== undefined ? { image: siteUrl(site, entry.image.url) } : {}),
    ...(entry.taxonomy.author !== undefined ? { author: { "@type": "Person", name: entry.taxonomy.author.label, url: siteUrl(site, entry.taxonomy.author.url) } } : {}),
    ...(entry.taxonomy.section !== undefined ? { articleSection: entry.taxonomy.section.label } : {}),
    ...(entry.taxonomy.tags.length > 0 ? { keywords: entry.taxonomy.tags.map((tag) => tag.label) } : {}),
    ...entities(entry, site, article.title),
    publisher: { "@type": "Organization", name: site.title },
  };
  return scriptSafeJson(data);
}

/**
 * The entities as schema.org things: those the headline names are what the story is `about`, the
 * rest are `mentions`. Entities with a page carry its URL.
 */
function entities(entry: ArticlePage, site: Site, headline: string): { about?: unknown[]; mentions?: unknown[] } {
  const title = headline.toLowerCase();
  const about: unknown[] = [];
  const mentions: unknown[] = [];
  const add = (type: string, refs: readonly EntityRef[]): void => {
    for (const ref of refs) {
      const thing = { "@type": type, name: ref.name, ...(ref.role ? { jobTitle: ref.role } : {}), ...(ref.url ? { url: siteUrl(site, ref.url) } : {}), ...(ref.sameAs ? { sameAs: ref.sameAs } : {}) };
      (title.includes(ref.name.toLowerCase()) ? about : mentions).push(thing);
    }
  };
  add("Person", entry.people);
  add("Place", entry.places);
  add("Organization", entry.organisations);
  return { ...(about.length > 0 ? { about } : {}), ...(mentions.length > 0 ? { mentions } : {}) };
}

const thingTypes: Readonly<Record<EntityKind, string>> = { person: "Person", place: "Place", organisation: "Organization" };

/**
 * schema.org CollectionPage for an entity's page, its `mainEntity` the person, place or organisation, with the
 * entity fixes file's `sameAs` URLs when it gives some; as JSON safe to put inside `<script>`.
 */
export function entityPageJsonLd(entry: EntityPage, site: Site): string {
  return scriptSafeJson({
    "@context": "https://schema.org",
    "@type": "CollectionPage",
    url: siteUrl(site, entry.url),
    inLanguage: site.lang,
    mainEntity: { "@type": thingTypes[entry.kind], name: entry.name, url: siteUrl(site, entry.home), ...(entry.sameAs !== undefined ? { sameAs: entry.sameAs } : {}) },
  });
}

/** JSON that cannot close a `<script>` element or open an HTML comment. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}

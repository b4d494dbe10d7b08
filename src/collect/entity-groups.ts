import { createHash } from "node:crypto";
import type { Article, EntityKind } from "../article.ts";
import { nameSlug } from "./name-slug.ts";

/** Everything the archive says about one person, place or organisation. */
export interface EntityGroup {
  readonly kind: EntityKind;
  readonly name: string;
  /** Its first page, e.g. `/people/wang-yi/`; absent when it has no page. */
  url?: string;
  /** Newest first, as the archive's articles. */
  readonly articles: Article[];
  /** Role → how many articles give it. */
  readonly roles: Map<string, number>;
  /** URLs of the same entity elsewhere, from the entity fixes file. */
  readonly sameAs?: readonly string[];
}

/** Where each kind's pages live. */
export const kindFolders: Readonly<Record<EntityKind, { readonly url: string; readonly heading: string }>> = {
  person: { url: "/people/", heading: "People" },
  place: { url: "/places/", heading: "Places" },
  organisation: { url: "/organisations/", heading: "Organisations" },
};

/**
 * Entities named in at least two articles get a page: in a large archive a one-off name is noise in
 * an index (at 10,000 corpus articles, 7,500 of 10,500 names), and each page costs a page and a feed.
 * A small archive (under `smallArchive` articles) gives every name a page, since every name is one-off there.
 */
export const minArticlesForPage = 2;
export const smallArchive = 100;

/** A map key that keeps kinds apart: a place and a person may share a name (Georgia). */
export const entityKey = (kind: EntityKind, name: string): string => `${kind}\u0000${name}`;

/** The entities of one article as (kind, name, role) triples, each once. */
export function entitiesOf(article: Article): { kind: EntityKind; name: string; role?: string }[] {
  const { people, places, organisations } = article.entities;
  return [
    ...people.map((person) => ({ kind: "person" as const, name: person.name, ...(person.role ? { role: person.role } : {}) })),
    ...places.map((name) => ({ kind: "place" as const, name })),
    ...organisations.map((name) => ({ kind: "organisation" as const, name })),
  ];
}

/**
 * Groups newest-first articles by the entities they name and gives each entity named often enough
 * (or quoted: `speakers`) a page URL. Slugs come from the name; when two names share a slug, the
 * first in code-point order keeps it and the others get a hash of their name, so a URL never
 * depends on which other names the archive holds.
 * @param sameAs the entity fixes file's `sameAs` URLs, by `entityKey`.
 */
export function entityGroups(articles: readonly Article[], speakers: ReadonlySet<string>, sameAs: ReadonlyMap<string, readonly string[]> = new Map()): Map<string, EntityGroup> {
  const groups = new Map<string, EntityGroup>();
  for (const article of articles) {
    for (const { kind, name, role } of entitiesOf(article)) {
      const key = entityKey(kind, name);
      let group = groups.get(key);
      if (group === undefined) {
        const urls = sameAs.get(key);
        group = { kind, name, articles: [], roles: new Map(), ...(urls !== undefined ? { sameAs: urls } : {}) };
        groups.set(key, group);
      }
      group.articles.push(article);
      if (role !== undefined) group.roles.set(role, (group.roles.get(role) ?? 0) + 1);
    }
  }
  const taken = new Set<string>();
  const least = articles.length < smallArchive ? 1 : minArticlesForPage;
  const paged = [...groups.values()]
    .filter((group) => group.articles.length >= least || (group.kind === "person" && speakers.has(group.name)))
    .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const group of paged) {
    const hash = createHash("sha256").update(group.name).digest("hex").slice(0, 8);
    let slug = nameSlug(group.name, hash);
    if (taken.has(`${group.kind}/${slug}`)) slug = `${slug}-${hash}`;
    taken.add(`${group.kind}/${slug}`);
    group.url = `${kindFolders[group.kind].url}${slug}/`;
  }
  return groups;
}

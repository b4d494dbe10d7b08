import type { Article, EntityKind, Person, Quote } from "../article.ts";
import { warning, type Problem } from "../errors.ts";
import { entitiesOf, entityKey } from "./entity-groups.ts";
import { addPerson } from "./merge-surnames.ts";

/** A name the fixes file writes, with where it writes it (for the warning when no article has it). */
export interface FixName {
  readonly name: string;
  readonly line: number;
  readonly column: number;
}

/** One entity as the owner fixes it: its canonical name, the names that are it, and where it is described. */
export interface EntityFix {
  readonly kind: EntityKind;
  /** The name its page shows. */
  readonly name: FixName;
  /** Other names of it: as found with its own kind or one of `from`, each becomes `name`. */
  readonly aliases: readonly FixName[];
  /** The kinds the extractor mistook it for ("Jaguar" read as a person): its names found as these become it too. */
  readonly from: readonly EntityKind[];
  /** `https:` URLs of the same entity elsewhere (Wikidata, Wikipedia): JSON-LD `sameAs` and a link on its page. */
  readonly sameAs: readonly string[];
}

/** A name that is no entity, of the kinds listed. */
export interface IgnoredName extends FixName {
  readonly kinds: readonly EntityKind[];
}

/** The site project's entity fixes file (`dateline.entities.yaml`), read and checked. */
export interface EntityFixes {
  /** The file as the user would type it, for the warnings that name it. */
  readonly file: string;
  readonly entities: readonly EntityFix[];
  readonly ignore: readonly IgnoredName[];
}

/** Where a (kind, name) found in an article goes: another kind and name, or nowhere (ignored). */
type Target = { readonly kind: EntityKind; readonly name: string } | null;

/** What applying the fixes gave: the articles, each changed one copied, and a warning per name no article has. */
export interface FixedArticles {
  readonly articles: Article[];
  readonly problems: Problem[];
  /** The `sameAs` URLs of each fixed entity, by `entityKey`. */
  readonly sameAs: ReadonlyMap<string, readonly string[]>;
  /** The canonical names of the people the owner fixed: no later merge may rename them. */
  readonly people: ReadonlySet<string>;
}

/**
 * Applies the owner's fixes to the articles' entities, after enrichment (so cached records stay valid) and before
 * they are merged and grouped: names become their canonical name and kind, ignored names go, and a speaker who is no
 * longer a person of the article is left unattributed. An article keeps its object when nothing in it changes.
 */
export function applyEntityFixes(articles: readonly Article[], fixes: EntityFixes | undefined): FixedArticles {
  if (fixes === undefined) return { articles: [...articles], problems: [], sameAs: new Map(), people: new Set() };
  const targets = fixTargets(fixes);
  // Names first, without their kind: most names of most articles are in no fix, and this skips making their keys.
  const named = new Set([...fixes.entities.flatMap((fix) => [fix.name.name, ...fix.aliases.map((alias) => alias.name)]), ...fixes.ignore.map((ignored) => ignored.name)]);
  const found = new Set<string>();
  const target = (kind: EntityKind, name: string): Target | undefined => {
    if (!named.has(name)) return undefined;
    const key = entityKey(kind, name);
    const to = targets.get(key);
    if (to !== undefined) found.add(key);
    return to;
  };
  const changes = (kind: EntityKind, name: string): boolean => {
    const to = target(kind, name);
    return to !== undefined && (to === null || to.kind !== kind || to.name !== name);
  };
  const fixed = articles.map((article) => {
    // Every name is looked up (each found one counts), and the article is copied only when one of them changes.
    let changed = false;
    for (const person of article.entities.people) changed = changes("person", person.name) || changed;
    for (const place of article.entities.places) changed = changes("place", place) || changed;
    for (const organisation of article.entities.organisations) changed = changes("organisation", organisation) || changed;
    if (!changed) return article;
    const people = new Map<string, Person>();
    const places = new Set<string>();
    const organisations = new Set<string>();
    for (const { kind, name, role } of entitiesOf(article)) {
      const to = target(kind, name);
      if (to === null) continue;
      const { kind: toKind, name: toName } = to ?? { kind, name };
      if (toKind === "place") places.add(toName);
      else if (toKind === "organisation") organisations.add(toName);
      // Two names may now be one person ("Reagan" and "Ronald Reagan").
      else addPerson(people, { name: toName, ...(role !== undefined ? { role } : {}) });
    }
    const speaker = (quote: Quote): Quote => {
      if (quote.speaker === undefined) return quote;
      const to = targets.get(entityKey("person", quote.speaker));
      if (to === undefined) return quote;
      const { speaker: _dropped, ...unattributed } = quote;
      return to !== null && to.kind === "person" ? { ...quote, speaker: to.name } : unattributed;
    };
    return { ...article, entities: { people: [...people.values()], places: [...places], organisations: [...organisations] }, quotes: article.quotes.map(speaker) };
  });
  return { articles: fixed, problems: unusedNames(fixes, found), sameAs: sameAsOf(fixes), people: new Set(fixes.entities.filter((fix) => fix.kind === "person").map((fix) => fix.name.name)) };
}

/** Every (kind, name) the fixes name, by `entityKey` (an entity's own name to itself): checked free of clashes when the file was read. */
function fixTargets(fixes: EntityFixes): Map<string, Target> {
  const targets = new Map<string, Target>();
  for (const fix of fixes.entities) {
    const to = { kind: fix.kind, name: fix.name.name };
    for (const kind of [fix.kind, ...fix.from]) {
      for (const { name } of [fix.name, ...fix.aliases]) targets.set(entityKey(kind, name), to);
    }
  }
  for (const ignored of fixes.ignore) for (const kind of ignored.kinds) targets.set(entityKey(kind, ignored.name), null);
  return targets;
}

/**
 * A warning for each name of the file that no article has, placed where the file writes it: not an error, since its
 * seed may come later. An entity's own name counts as found when any of its names is.
 */
function unusedNames(fixes: EntityFixes, found: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const unused = (at: FixName, kinds: readonly EntityKind[], what: string): void => {
    if (kinds.some((kind) => found.has(entityKey(kind, at.name)))) return;
    problems.push(warning("entity-fixes-unused", fixes.file, at.line, at.column, `no article names ${what} ${JSON.stringify(at.name)}`));
  };
  for (const fix of fixes.entities) {
    const kinds = [fix.kind, ...fix.from];
    const names = [fix.name, ...fix.aliases];
    const named = names.some(({ name }) => kinds.some((kind) => found.has(entityKey(kind, name))));
    if (!named) unused(fix.name, kinds, kindWords(kinds));
    for (const alias of fix.aliases) unused(alias, kinds, kindWords(kinds));
  }
  for (const ignored of fixes.ignore) unused(ignored, ignored.kinds, kindWords(ignored.kinds));
  return problems;
}

/** A kind in words, for messages. */
export const kindWord: Readonly<Record<EntityKind, string>> = { person: "a person", place: "a place", organisation: "an organisation" };

/** "a person or an organisation". */
function kindWords(kinds: readonly EntityKind[]): string {
  return kinds.length === 3 ? "an entity" : kinds.map((kind) => kindWord[kind]).join(" or ");
}

function sameAsOf(fixes: EntityFixes): Map<string, readonly string[]> {
  return new Map(fixes.entities.filter((fix) => fix.sameAs.length > 0).map((fix) => [entityKey(fix.kind, fix.name.name), fix.sameAs]));
}

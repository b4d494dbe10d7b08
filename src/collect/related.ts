import type { Article } from "../article.ts";
import { entitiesOf, entityKey, type EntityGroup } from "./entity-groups.ts";

/** Most related articles shown on an article page. */
export const relatedCount = 5;
/** Neighbours in time looked at on each side, in each entity's list: bounds the work for entities named thousands of times. */
const window = 30;
const dayMs = 86_400_000;

/**
 * For each article (by index in `articles`), up to five others scored by the entities they share,
 * each weighted by its rarity (inverse document frequency), the sum divided by (1 + days apart / 30).
 * Candidates are the nearest articles in time in the lists of the article's rarer entities (named in
 * at most a tenth of the archive), so a story sharing only "United States" is never related, and the
 * cost stays linear in the number of mentions rather than quadratic in the archive.
 */
export function relatedArticles(articles: readonly Article[], groups: ReadonlyMap<string, EntityGroup>): Article[][] {
  const indexOf = new Map(articles.map((article, i) => [article, i]));
  const days = articles.map((article) => Date.parse(`${article.date}T00:00:00Z`) / dayMs);
  const common = Math.max(20, articles.length / 10);
  const weight = new Map<string, number>();
  const members = new Map<string, number[]>();
  for (const [key, group] of groups) {
    weight.set(key, Math.log(articles.length / group.articles.length));
    if (group.articles.length >= 2 && group.articles.length <= common) members.set(key, group.articles.map((article) => indexOf.get(article) ?? -1));
  }
  const keysOf = articles.map((article) => entitiesOf(article).map(({ kind, name }) => entityKey(kind, name)));
  // Each article's position in each rare entity's list, found in one pass over the lists.
  const positions = new Map<string, Map<number, number>>();
  for (const [key, list] of members) positions.set(key, new Map(list.map((article, position) => [article, position])));

  return articles.map((article, i) => {
    const own = new Set(keysOf[i]);
    const candidates = new Set<number>();
    for (const key of own) {
      const list = members.get(key);
      const position = positions.get(key)?.get(i);
      if (list === undefined || position === undefined) continue;
      for (let j = Math.max(0, position - window); j <= Math.min(list.length - 1, position + window); j++) {
        const other = list[j] ?? i;
        if (other !== i && articles[other]?.hash !== article.hash) candidates.add(other);
      }
    }
    const day = days[i] ?? 0;
    return [...candidates]
      .map((other) => {
        const shared = (keysOf[other] ?? []).reduce((sum, key) => sum + (own.has(key) ? (weight.get(key) ?? 0) : 0), 0);
        return { other, score: shared / (1 + Math.abs((days[other] ?? 0) - day) / 30) };
      })
      .sort((a, b) => b.score - a.score || a.other - b.other)
      .slice(0, relatedCount)
      .map((candidate) => articles[candidate.other] as Article);
  });
}

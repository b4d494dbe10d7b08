import type { Article } from "../article.ts";
import { entitiesOf, entityKey, type EntityGroup } from "./entity-groups.ts";

/** Most related articles shown on an article page. */
export const relatedCount = 5;
/** Neighbours in time looked at on each side, in each entity's list: bounds the work for entities named thousands of times. */
const window = 30;
const dayMs = 86_400_000;

/**
 * For each article (by index in `articles`), up to five others scored by the entities they share,
 * each weighted by its rarity (inverse document frequency, in quarter bits), the sum divided by (1 + days apart / 30).
 * Candidates are the nearest articles in time in the lists of the article's rarer entities (named in
 * at most a tenth of the archive), so a story sharing only "United States" is never related, and the
 * cost stays linear in the number of mentions rather than quadratic in the archive.
 */
export function relatedArticles(articles: readonly Article[], groups: ReadonlyMap<string, EntityGroup>): Article[][] {
  const indexOf = new Map(articles.map((article, i) => [article, i]));
  const days = Float64Array.from(articles, (article) => Date.parse(`${article.date}T00:00:00Z`) / dayMs);
  const common = Math.max(20, articles.length / 10);
  // Rarity in bits, in steps of a quarter bit, against the archive's size rounded up to a power of two: an entity's
  // weight then stays the same as articles are added (until its count grows by a fifth, or the archive doubles), so
  // one new story does not reorder the related lists of thousands of pages, each of which a rebuild renders again.
  const scale = Math.ceil(Math.log2(Math.max(1, articles.length)));
  const rarity = (count: number): number => scale - Math.round(4 * Math.log2(count)) / 4;
  // Entities as numbers, and each article's place in the lists of its rare ones: the scoring below runs for
  // every candidate of every article (hundreds of millions of times at 114,258 articles).
  const ids = new Map<string, number>();
  const weights: number[] = [];
  const lists: (readonly number[] | undefined)[] = [];
  // Pairs of (entity id, position in that entity's list), for each article.
  const positionsOf: number[][] = articles.map(() => []);
  for (const [key, group] of groups) {
    const id = weights.length;
    ids.set(key, id);
    weights.push(rarity(group.articles.length));
    const rare = group.articles.length >= 2 && group.articles.length <= common;
    const list = rare ? group.articles.map((article) => indexOf.get(article) ?? -1) : undefined;
    lists.push(list);
    list?.forEach((article, position) => positionsOf[article]?.push(id, position));
  }
  // Every article's entity ids in one array: article i's are keys[from[i]] to keys[from[i + 1]].
  const idsOf = articles.map((article) => entitiesOf(article).flatMap(({ kind, name }) => ids.get(entityKey(kind, name)) ?? []));
  const from = new Int32Array(articles.length + 1);
  idsOf.forEach((list, i) => (from[i + 1] = (from[i] ?? 0) + list.length));
  const keys = Int32Array.from(idsOf.flat());
  const hashes = new Map<string, number>();
  const hashOf = Int32Array.from(articles, (article) => hashes.get(article.hash) ?? (hashes.set(article.hash, hashes.size), hashes.size - 1));
  // `own[id] === i` while article i is scored: its entities, without a set per article.
  const own = new Int32Array(weights.length).fill(-1);
  const seen = new Int32Array(articles.length).fill(-1);

  return articles.map((_article, i) => {
    for (let q = from[i] ?? 0; q < (from[i + 1] ?? 0); q++) own[keys[q] ?? 0] = i;
    const day = days[i] ?? 0;
    const best: { other: number; score: number }[] = [];
    const pairs = positionsOf[i] ?? [];
    for (let p = 0; p < pairs.length; p += 2) {
      const list = lists[pairs[p] ?? -1] ?? [];
      const position = pairs[p + 1] ?? 0;
      for (let j = Math.max(0, position - window); j <= Math.min(list.length - 1, position + window); j++) {
        const other = list[j] ?? i;
        if (other === i || seen[other] === i || hashOf[other] === hashOf[i]) continue;
        seen[other] = i;
        let shared = 0;
        for (let q = from[other] ?? 0; q < (from[other + 1] ?? 0); q++) {
          const id = keys[q] ?? 0;
          if (own[id] === i) shared += weights[id] ?? 0;
        }
        keep(best, { other, score: shared / (1 + Math.abs((days[other] ?? 0) - day) / 30) });
      }
    }
    return best.map((candidate) => articles[candidate.other] as Article);
  });
}

/** Puts a candidate among the best (highest score, then earliest index), keeping `relatedCount` of them. */
function keep(best: { other: number; score: number }[], candidate: { other: number; score: number }): void {
  let at = best.length;
  while (at > 0 && (best[at - 1]!.score < candidate.score || (best[at - 1]!.score === candidate.score && best[at - 1]!.other > candidate.other))) at--;
  if (at >= relatedCount) return;
  best.splice(at, 0, candidate);
  if (best.length > relatedCount) best.pop();
}

import type { Article } from "../article.ts";
import { comparePaths } from "../files/compare-paths.ts";
import { warning, type Problem } from "../errors.ts";

/** Keeps the first article (by path) of each body; later copies become warnings naming both files. */
export function dedupe(articles: readonly Article[], fileOf: (source: string) => string): { articles: Article[]; problems: Problem[] } {
  const first = new Map<string, Article>();
  const problems: Problem[] = [];
  for (const article of [...articles].sort((a, b) => comparePaths(a.source, b.source))) {
    const kept = first.get(article.hash);
    if (kept === undefined) first.set(article.hash, article);
    else {
      problems.push(
        warning("duplicate-article", fileOf(article.source), 1, 1, `Unexpected duplicate of ${fileOf(kept.source)} (same body); left out`),
      );
    }
  }
  return { articles: [...first.values()], problems };
}

import type { Article } from "../article.ts";
import { error, type Problem } from "../errors.ts";
import { comparePaths } from "../files/compare-paths.ts";

// Paths the site itself writes: no article may take them.
const reserved = /^\/(?:(?:page|archive|search|api|assets|pagefind|feed|sitemaps|people|places|organisations|quotes)\/.*|\d{4}\/(?:\d{2}\/(?:\d{2}\/)?)?(?:page\/\d+\/)?)$/;

/**
 * Gives every article its own URL. Derived URLs that clash get the article's hash
 * as a suffix, all but the first by path, so a URL does not change when an unrelated
 * seed is added. A chosen permalink that clashes is an error.
 */
export function uniqueUrls(articles: readonly Article[], fileOf: (source: string) => string): { articles: Article[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const taken = new Map<string, Article>();
  const chosen = articles.filter((article) => !isDerived(article));
  const result: Article[] = [];
  for (const article of [...chosen].sort((a, b) => comparePaths(a.source, b.source))) {
    const other = taken.get(article.url);
    if (reserved.test(article.url) || other !== undefined) {
      const why = other !== undefined ? `already the URL of ${fileOf(other.source)}` : "a page the site writes itself";
      problems.push(error("url-conflict", fileOf(article.source), 1, 1, `Unexpected permalink \`${article.url}\`: ${why}`));
      continue;
    }
    taken.set(article.url, article);
    result.push(article);
  }
  for (const article of [...articles].filter(isDerived).sort((a, b) => comparePaths(a.source, b.source))) {
    let url = article.url;
    if (taken.has(url)) url = url.replace(/\/$/, `-${article.hash.slice(0, 8)}/`);
    for (let n = 2; taken.has(url); n++) url = url.replace(/(-\d+)?\/$/, `-${n}/`);
    taken.set(url, article);
    result.push(url === article.url ? article : { ...article, url, slug: url.split("/").at(-2) ?? article.slug });
  }
  return { articles: result, problems };
}

/** A URL made from date and slug, not chosen with a permalink. */
function isDerived(article: Article): boolean {
  return article.url === `/${article.date.replaceAll("-", "/")}/${article.slug}/`;
}

import type { ArticlePage, Site } from "../article.ts";
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
    url: siteUrl(site, article.url),
    wordCount: article.words,
    inLanguage: site.lang,
    ...(article.tags.length > 0 ? { keywords: article.tags } : {}),
    publisher: { "@type": "Organization", name: site.title },
  };
  return scriptSafeJson(data);
}

/** JSON that cannot close a `<script>` element or open an HTML comment. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}

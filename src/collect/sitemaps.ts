import type { Sitemap } from "../article.ts";

/** Most URLs in one sitemap file, as the sitemap protocol allows. */
export const sitemapLimit = 50_000;

/** `/sitemap.xml` alone (entries given as served URLs), or, past the limit, an index at `/sitemap.xml` and files `/sitemaps/N.xml`. */
export function sitemaps(entries: readonly { url: string; lastmod?: string }[], served: (url: string) => string): Sitemap[] {
  if (entries.length <= sitemapLimit) return [{ url: "/sitemap.xml", kind: "urlset", entries }];
  const files: Sitemap[] = [];
  for (let start = 0; start < entries.length; start += sitemapLimit) {
    files.push({ url: `/sitemaps/${files.length + 1}.xml`, kind: "urlset", entries: entries.slice(start, start + sitemapLimit) });
  }
  return [{ url: "/sitemap.xml", kind: "index", entries: files.map((file) => ({ url: served(file.url) })) }, ...files];
}

import type { Archive } from "../article.ts";
import { siteUrl } from "../collect/index.ts";

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the newest articles, with full content. */
export function jsonFeed(archive: Archive): string {
  const { site } = archive;
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: site.title,
    home_page_url: siteUrl(site, "/"),
    feed_url: siteUrl(site, "/feed.json"),
    language: site.lang,
    items: archive.latest.map((article) => ({
      id: siteUrl(site, article.url),
      url: siteUrl(site, article.url),
      title: article.title,
      summary: article.summary,
      content_html: article.html,
      date_published: `${article.date}T00:00:00Z`,
      ...(article.updated !== undefined ? { date_modified: `${article.updated}T00:00:00Z` } : {}),
      ...(article.tags.length > 0 ? { tags: article.tags } : {}),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

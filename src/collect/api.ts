import type { ApiFile, ArticlePage, Site, YearSummary } from "../article.ts";
import { siteUrl } from "./site-url.ts";

/**
 * `/api/index.json` and one `/api/YYYY.json` per year: the archive's data for other programs. A record gives the
 * front matter's `updated`, `author`, `section`, `tags` and `image` only when its seed has them, so a `.txt` seed's
 * record is what it always was.
 * @param pages the articles' pages, newest first: their author, section and tags named as their pages name them.
 */
export function api(pages: readonly ArticlePage[], years: readonly YearSummary[], site: Site): ApiFile[] {
  const byYear = new Map<string, ArticlePage[]>();
  for (const page of pages) {
    const year = page.article.date.slice(0, 4);
    const list = byYear.get(year);
    if (list) list.push(page);
    else byYear.set(year, [page]);
  }
  const index: ApiFile = {
    url: "/api/index.json",
    data: {
      articles: pages.length,
      years: years.map((year) => ({ year: Number(year.year), articles: year.count, url: siteUrl(site, `/api/${year.year}.json`) })),
    },
  };
  const files = years.map((year) => ({
    url: `/api/${year.year}.json`,
    data: (byYear.get(year.year) ?? []).map(({ article: { id, date, updated, title, url, summary, words, source, entities, quotes }, taxonomy, image }) => ({
      id,
      date,
      ...(updated !== undefined ? { updated } : {}),
      title,
      url: siteUrl(site, url),
      summary,
      words,
      source,
      ...(taxonomy.author !== undefined ? { author: taxonomy.author.label } : {}),
      ...(taxonomy.section !== undefined ? { section: taxonomy.section.label } : {}),
      ...(taxonomy.tags.length > 0 ? { tags: taxonomy.tags.map((tag) => tag.label) } : {}),
      ...(image !== undefined ? { image: siteUrl(site, image.url) } : {}),
      people: entities.people.map((person) => person.name),
      places: entities.places,
      organisations: entities.organisations,
      quotes: quotes.map((quote) => (quote.speaker === undefined ? { text: quote.text } : { text: quote.text, speaker: quote.speaker })),
    })),
  }));
  return [index, ...files];
}

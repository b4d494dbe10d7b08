import type { ApiFile, Article, Site, YearSummary } from "../article.ts";
import { siteUrl } from "./site-url.ts";

/** `/api/index.json` and one `/api/YYYY.json` per year: the archive's data for other programs. */
export function api(articles: readonly Article[], years: readonly YearSummary[], site: Site): ApiFile[] {
  const byYear = new Map<string, Article[]>();
  for (const article of articles) {
    const year = article.date.slice(0, 4);
    const list = byYear.get(year);
    if (list) list.push(article);
    else byYear.set(year, [article]);
  }
  const index: ApiFile = {
    url: "/api/index.json",
    data: {
      articles: articles.length,
      years: years.map((year) => ({ year: Number(year.year), articles: year.count, url: siteUrl(site, `/api/${year.year}.json`) })),
    },
  };
  const files = years.map((year) => ({
    url: `/api/${year.year}.json`,
    data: (byYear.get(year.year) ?? []).map(({ id, date, title, url, summary, words, source, entities, quotes }) => ({
      id,
      date,
      title,
      url: siteUrl(site, url),
      summary,
      words,
      source,
      people: entities.people.map((person) => person.name),
      places: entities.places,
      organisations: entities.organisations,
      quotes: quotes.map((quote) => (quote.speaker === undefined ? { text: quote.text } : { text: quote.text, speaker: quote.speaker })),
    })),
  }));
  return [index, ...files];
}

import type { Article, Person } from "../article.ts";

/**
 * Gives a person named by surname alone ("Reagan") the full name the rest of the archive uses
 * ("Ronald Reagan") when exactly one full name ends with that surname; an ambiguous surname
 * ("Baker": James or Howard) stays as it is. Extraction already does this within one article;
 * this does it across the archive. Articles that change are copied, the others kept.
 */
export function mergeSurnames(articles: readonly Article[]): Article[] {
  const fullNames = new Map<string, Set<string>>();
  for (const article of articles) {
    for (const { name } of article.entities.people) {
      const words = name.split(" ");
      if (words.length < 2) continue;
      const surname = words.at(-1) ?? "";
      const names = fullNames.get(surname) ?? new Set<string>();
      names.add(name);
      fullNames.set(surname, names);
    }
  }
  const full = (name: string): string => {
    if (name.includes(" ")) return name;
    const candidates = fullNames.get(name);
    return candidates?.size === 1 ? ([...candidates][0] ?? name) : name;
  };
  return articles.map((article) => {
    const { people } = article.entities;
    if (!people.some((person) => full(person.name) !== person.name) && !article.quotes.some((quote) => quote.speaker !== undefined && full(quote.speaker) !== quote.speaker)) {
      return article;
    }
    // Two mentions may now be one person ("Reagan" and "Ronald Reagan" in different paragraphs): keep the first.
    const merged = new Map<string, Person>();
    for (const person of people) {
      const name = full(person.name);
      if (!merged.has(name)) merged.set(name, { ...person, name });
    }
    return {
      ...article,
      entities: { ...article.entities, people: [...merged.values()] },
      quotes: article.quotes.map((quote) => (quote.speaker === undefined ? quote : { ...quote, speaker: full(quote.speaker) })),
    };
  });
}

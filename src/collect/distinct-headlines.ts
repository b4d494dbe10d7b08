import { clipHeadline } from "../enrich/headline/clip-headline.ts";
import { maxHeadline } from "../enrich/headline/compress-headline.ts";
import { contentWords } from "../enrich/headline/content-words.ts";

/** What telling headlines apart needs of an article. */
export interface HeadlineOwner {
  readonly date: string;
  readonly title: string;
  readonly paragraphs: readonly string[];
}

/**
 * The articles' titles, with every derived title that another article of the same day also has followed by a
 * word of its own story that the others' stories lack (`Sets regular quarterly dividend of 11 cts — Kalamazoo`),
 * a name when one serves, else its place among them (by the order given). Titles clash whatever their case. A title
 * the author chose stays as it is (`isDerived` is asked only of titles that clash).
 */
export function distinctHeadlines<T extends HeadlineOwner>(articles: readonly T[], isDerived: (article: T) => boolean): string[] {
  const titles = articles.map((article) => article.title);
  const byTitle = new Map<string, number[]>();
  for (const [i, article] of articles.entries()) {
    const key = `${article.date}\n${article.title.toLowerCase()}`;
    const group = byTitle.get(key);
    if (group === undefined) byTitle.set(key, [i]);
    else group.push(i);
  }
  const taken = new Set(byTitle.keys());
  for (const group of byTitle.values()) {
    if (group.length < 2) continue;
    const words = group.map((i) => new Set(contentWords(articles[i]!.paragraphs.join(" "))));
    for (const [n, i] of group.entries()) {
      const article = articles[i]!;
      // Every derived title of the group changes, so which one sorts first does not matter.
      if (!isDerived(article)) continue;
      const others = words.filter((_, m) => m !== n);
      const own = new Set(contentWords(article.title));
      const word = distinguishing(article.paragraphs, (candidate) => !own.has(candidate.toLowerCase()) && others.every((set) => !set.has(candidate.toLowerCase())));
      let title = "";
      for (let count = 1; title === "" || taken.has(`${article.date}\n${title.toLowerCase()}`); count++) {
        const suffix = ` — ${word ?? String(n + 1)}${count > 1 ? ` ${count}` : ""}`;
        title = clipHeadline(article.title, maxHeadline - [...suffix].length) + suffix;
      }
      taken.add(`${article.date}\n${title.toLowerCase()}`);
      titles[i] = title;
    }
  }
  return titles;
}

/** The first word of the story that passes `unique`, a capitalised one (a name) first, as written. */
function distinguishing(paragraphs: readonly string[], unique: (word: string) => boolean): string | undefined {
  const written = paragraphs.join(" ").match(/[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*/gu) ?? [];
  const content = written.filter((word) => contentWords(word).length > 0);
  return content.find((word) => /^\p{Lu}\p{Ll}/u.test(word) && unique(word)) ?? content.find((word) => /\p{L}/u.test(word) && unique(word));
}

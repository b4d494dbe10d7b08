import { describe, expect, test } from "vitest";
import type { Article, Site } from "../src/article.ts";
import { collectArchive } from "../src/collect/index.ts";
import { mergeSurnames } from "../src/collect/merge-surnames.ts";
import { paginate, paginateNewestFirst } from "../src/collect/paginate.ts";
import { sitemaps } from "../src/collect/sitemaps.ts";
import { enrichArticle } from "../src/enrich/index.ts";

const site: Site = { title: "Test", lang: "en", pathPrefix: "/" };
const fileOf = (source: string): string => `seeds/${source}`;

function article(source: string, date: string, lead: string, extra: { permalink?: string } = {}): Article {
  return enrichArticle({ id: source.replace(/\.txt$/, ""), source, format: "txt", date, paragraphs: [lead], html: `<p>${lead}</p>`, tags: [], ...extra });
}

describe("paginate", () => {
  test("should put page 1 at the base and later pages under page/N/", () => {
    const pages = paginate([1, 2, 3, 4, 5], 2, "/2022/");
    expect(pages.map((page) => page.url)).toEqual(["/2022/", "/2022/page/2/", "/2022/page/3/"]);
    expect(pages[1]?.items).toEqual([3, 4]);
    expect(pages[1]?.pagination).toMatchObject({ number: 2, count: 3, previous: "/2022/", next: "/2022/page/3/" });
  });

  test("should keep the page-number bar short with gaps however many pages there are", () => {
    const pages = paginate(Array.from({ length: 1000 }, (_, i) => i), 1, "/");
    const bar = pages[499]!.pagination.pages.map((item) => ("gap" in item ? "…" : item.number));
    expect(bar).toEqual([1, "…", 498, 499, 500, 501, 502, "…", 1000]);
    expect(pages[0]!.pagination.pages.map((item) => ("gap" in item ? "…" : item.number))).toEqual([1, 2, 3, "…", 1000]);
  });

  test("should make one empty page for an empty list", () => {
    expect(paginate([], 30, "/")).toHaveLength(1);
    expect(paginateNewestFirst([], 30, "/")).toHaveLength(1);
  });
});

describe("paginateNewestFirst", () => {
  // Items newest first: 12 is the newest, 1 the oldest.
  const newestFirst = (n: number): number[] => Array.from({ length: n }, (_, i) => n - i);

  test("should number pages from the oldest and keep the newest, between one and two pages' worth, at the base", () => {
    const pages = paginateNewestFirst(newestFirst(12), 5, "/2022/");
    expect(pages.map((page) => page.url)).toEqual(["/2022/", "/2022/page/1/"]);
    expect(pages.map((page) => page.items)).toEqual([[12, 11, 10, 9, 8, 7, 6], [5, 4, 3, 2, 1]]);
    expect(pages[0]?.pagination).toMatchObject({ number: 2, count: 2, next: "/2022/page/1/" });
    expect(pages[0]?.pagination.previous).toBeUndefined();
    expect(pages[1]?.pagination).toMatchObject({ number: 1, count: 2, previous: "/2022/" });
    expect(pages[0]!.pagination.pages.map((item) => ("gap" in item ? "…" : item.number))).toEqual([2, 1]);
  });

  test("should keep every numbered page's articles when articles are added, adding to the base only", () => {
    const before = paginateNewestFirst(newestFirst(23), 5, "/");
    for (const added of [24, 25, 26, 30, 47]) {
      const after = paginateNewestFirst(newestFirst(added), 5, "/");
      const numbered = (pages: typeof before): Map<string, readonly number[]> => new Map(pages.filter((page) => page.url !== "/").map((page) => [page.url, page.items]));
      for (const [url, items] of numbered(before)) expect(numbered(after).get(url), `${url} after ${added}`).toEqual(items);
      // Every article is on exactly one page, newest first.
      expect(after.flatMap((page) => page.items)).toEqual(newestFirst(added));
      expect(after[0]!.items.length).toBeGreaterThanOrEqual(5);
      expect(after[0]!.items.length).toBeLessThan(10);
    }
  });
});

describe("collectArchive", () => {
  test("should sort newest first and link older and newer articles", () => {
    const { archive } = collectArchive(
      [article("b.txt", "2022-03-06", "Middle story."), article("a.txt", "2021-01-01", "Old story."), article("c.txt", "2022-03-07", "New story.")],
      site,
      fileOf,
    );
    expect(archive.articles.map((a) => a.source)).toEqual(["c.txt", "b.txt", "a.txt"]);
    const middle = archive.articlePages[1]!;
    expect(middle.older?.url).toBe("/2021/01/01/old-story/");
    expect(middle.newer?.url).toBe("/2022/03/07/new-story/");
    expect(middle.month).toEqual({ url: "/2022/03/", label: "March 2022" });
  });

  test("should keep the first of two identical bodies by path and warn naming both files", () => {
    const { archive, problems } = collectArchive([article("b.txt", "2022-03-06", "Same story."), article("a.txt", "2022-03-07", "Same story.")], site, fileOf);
    expect(archive.articles.map((a) => a.source)).toEqual(["a.txt"]);
    expect(problems).toEqual([
      { id: "duplicate-article", severity: "warning", file: "seeds/b.txt", line: 1, column: 1, message: "Unexpected duplicate of seeds/a.txt (same body); left out" },
    ]);
  });

  test("should give articles that would share a URL distinct URLs that do not depend on other seeds", () => {
    // Different headlines, one slug (same-day headlines that are the same are told apart before URLs are given).
    const first = article("a.txt", "2022-03-06", "Talks begin! One.");
    const second = article("b.txt", "2022-03-06", "Talks begin? Two.");
    const { archive } = collectArchive([second, first], site, fileOf);
    const urls = Object.fromEntries(archive.articles.map((a) => [a.source, a.url]));
    expect(urls).toEqual({ "a.txt": "/2022/03/06/talks-begin/", "b.txt": `/2022/03/06/talks-begin-${second.hash.slice(0, 8)}/` });
  });

  test("should refuse a permalink that takes a page the site writes itself, or another article's URL", () => {
    const { problems } = collectArchive(
      [
        article("a.txt", "2022-03-06", "One.", { permalink: "/2022/03/" }),
        article("b.txt", "2022-03-06", "Two.", { permalink: "/special/" }),
        article("c.txt", "2022-03-06", "Three.", { permalink: "/special/" }),
      ],
      site,
      fileOf,
    );
    expect(problems.map((p) => `${p.file} ${p.id}`)).toEqual(["seeds/a.txt url-conflict", "seeds/c.txt url-conflict"]);
  });

  test("should group years, months and days with counts and paginate past 200, numbering from the oldest", () => {
    const many = Array.from({ length: 250 }, (_, i) => article(`d${String(i).padStart(3, "0")}.txt`, "2022-03-06", `Story number ${i} of the day.`));
    const { archive } = collectArchive([...many, article("x.txt", "2021-12-31", "Last year.")], site, fileOf);
    const urls = archive.datePages.map((page) => page.url);
    expect(urls).toEqual(["/2022/", "/2022/page/1/", "/2021/", "/2022/03/", "/2022/03/page/1/", "/2021/12/", "/2022/03/06/", "/2022/03/06/page/1/", "/2021/12/31/"]);
    expect(archive.datePages.filter((page) => page.url.includes("/page/")).every((page) => page.articles.length === 100)).toBe(true);
    expect(archive.datePages.every((page) => page.articles.length < 200)).toBe(true);
    const day = archive.datePages.find((page) => page.url === "/2022/03/06/")!;
    expect(day.up.map((link) => link.url)).toEqual(["/2022/", "/2022/03/"]);
    expect(day.before?.url).toBe("/2021/12/31/");
    expect(archive.years).toEqual([
      { year: "2022", url: "/2022/", count: 250, months: [{ url: "/2022/03/", label: "March 2022", count: 250 }] },
      { year: "2021", url: "/2021/", count: 1, months: [{ url: "/2021/12/", label: "December 2021", count: 1 }] },
    ]);
    // 251 articles by 30: seven numbered pages of 30 and the newest 41 at /.
    expect(archive.homePages).toHaveLength(8);
    expect(archive.homePages[0]!.articles).toHaveLength(41);
  });

  test("should shape the API as the archive's data for other programs", () => {
    const { archive } = collectArchive([article("a.txt", "2022-03-06", "One story.")], { ...site, baseUrl: "https://example.org", pathPrefix: "/news/" }, fileOf);
    expect(archive.api[0]).toEqual({
      url: "/api/index.json",
      data: { articles: 1, years: [{ year: 2022, articles: 1, url: "https://example.org/news/api/2022.json" }] },
    });
    expect(archive.api[1]?.data).toEqual([
      { id: "a", date: "2022-03-06", title: "One story", url: "https://example.org/news/2022/03/06/one-story/", summary: "One story.", words: 2, source: "a.txt", people: [], places: [], organisations: [], quotes: [] },
    ]);
  });
});

describe("sitemaps", () => {
  test("should split into an index and files of 50,000 URLs", () => {
    const entries = Array.from({ length: 120_001 }, (_, i) => ({ url: `https://example.org/${i}/` }));
    const files = sitemaps(entries, (url) => `https://example.org${url}`);
    expect(files.map((file) => [file.url, file.kind, file.entries.length])).toEqual([
      ["/sitemap.xml", "index", 3],
      ["/sitemaps/1.xml", "urlset", 50_000],
      ["/sitemaps/2.xml", "urlset", 50_000],
      ["/sitemaps/3.xml", "urlset", 20_001],
    ]);
    expect(files[0]?.entries[0]?.url).toBe("https://example.org/sitemaps/1.xml");
  });

  test("should stay one file up to the limit", () => {
    expect(sitemaps([{ url: "/" }], (url) => url)).toEqual([{ url: "/sitemap.xml", kind: "urlset", entries: [{ url: "/" }] }]);
  });
});

describe("entities, quotes, related stories and on this day", () => {
  const named = (source: string, date: string, people: string[], places: string[], quotes: { text: string; speaker?: string }[] = []): Article => ({
    ...article(source, date, `Story ${source} about ${[...people, ...places].join(" and ")}.`),
    entities: { people: people.map((name) => (name === "Wang Yi" ? { name, role: "Foreign Minister" } : { name })), places, organisations: [] },
    quotes,
  });
  const stories = [
    named("a.txt", "2022-03-06", ["Wang Yi", "Antony Blinken"], ["China", "Russia"], [{ text: "We encourage direct negotiations", speaker: "Wang Yi" }, { text: "no one said this" }]),
    named("b.txt", "2022-03-07", ["Wang Yi"], ["China"], [{ text: "We hope the fighting will stop", speaker: "Wang Yi" }]),
    named("c.txt", "2021-03-06", ["Antony Blinken"], ["Russia"]),
    named("d.txt", "2021-03-06", ["Ned Price"], ["Peru"], [{ text: "A quote by a one-off speaker", speaker: "Ned Price" }]),
    named("e.txt", "2020-01-01", [], ["Peru"]),
  ];
  const { archive } = collectArchive(stories, site, fileOf);
  const page = (url: string) => archive.entityPages.find((entry) => entry.url === url);

  test("should give every entity of a small archive a page, newest articles first, with roles and companions", () => {
    expect(archive.entityPages.map((entry) => entry.url).sort()).toEqual(["/people/antony-blinken/", "/people/ned-price/", "/people/wang-yi/", "/places/china/", "/places/peru/", "/places/russia/"]);
    const wang = page("/people/wang-yi/");
    expect(wang?.articles.map((story) => story.source)).toEqual(["b.txt", "a.txt"]);
    expect(wang?.roles).toEqual(["Foreign Minister"]);
    expect(wang?.companions?.map((other) => [other.label, other.count])).toEqual([["China", 2], ["Antony Blinken", 1], ["Russia", 1]]);
  });

  test("should give a page in a large archive only to entities named twice or quoted", () => {
    const filler = Array.from({ length: 100 }, (_, i) => named(`f${i}.txt`, "2019-01-01", [], [`Place ${i}`]));
    const large = collectArchive([...stories, ...filler], site, fileOf).archive;
    const urls = large.entityPages.map((entry) => entry.url);
    expect(urls).toContain("/people/wang-yi/");
    expect(urls).toContain("/people/ned-price/");
    expect(urls).not.toContain("/places/place-1/");
    const d = large.articlePages.find((entry) => entry.article.source === "f1.txt");
    expect(d?.places).toEqual([{ name: "Place 1" }]);
  });

  test("should list a person's attributed quotes newest first, and leave unattributed ones out", () => {
    expect(page("/people/wang-yi/")?.quotes?.map((quote) => quote.text)).toEqual(["We hope the fighting will stop", "We encourage direct negotiations"]);
    expect(archive.quotePages.map((entry) => [entry.url, entry.total])).toEqual([
      ["/quotes/wang-yi/", 2],
      ["/quotes/ned-price/", 1],
    ]);
    const speakers = archive.entityIndexes.find((index) => index.kind === "speaker");
    expect(speakers?.entries.map((entry) => [entry.label, entry.count])).toEqual([["Wang Yi", 2], ["Ned Price", 1]]);
  });

  test("should sort each index by article count, then name", () => {
    const places = archive.entityIndexes.find((index) => index.kind === "place");
    expect(places?.entries.map((entry) => [entry.label, entry.count])).toEqual([["China", 2], ["Peru", 2], ["Russia", 2]]);
  });

  test("should link article pages to the entities that have pages, and name the others", () => {
    const d = archive.articlePages.find((entry) => entry.article.source === "d.txt");
    expect(d?.people).toEqual([{ name: "Ned Price", url: "/people/ned-price/" }]);
    const a = archive.articlePages.find((entry) => entry.article.source === "a.txt");
    expect(a?.people).toEqual([{ name: "Wang Yi", role: "Foreign Minister", url: "/people/wang-yi/" }, { name: "Antony Blinken", url: "/people/antony-blinken/" }]);
  });

  test("should relate stories sharing entities, nearest in time first, never the story itself", () => {
    const related = (source: string) => archive.articlePages.find((entry) => entry.article.source === source)?.related.map((link) => link.url);
    const url = (source: string) => stories.find((story) => story.source === source)?.url;
    expect(related("a.txt")).toEqual([url("b.txt"), url("c.txt")]);
    expect(related("a.txt")).not.toContain(url("a.txt"));
    expect(related("e.txt")).toEqual([url("d.txt")]);
  });

  test("should link a day to the same day in other years, and the home page to its newest day's", () => {
    const day = archive.datePages.find((entry) => entry.url === "/2021/03/06/");
    expect(day?.onThisDay).toEqual([{ url: "/2022/03/06/", label: "March 6, 2022", count: 1 }]);
    expect(archive.datePages.find((entry) => entry.url === "/2022/03/07/")?.onThisDay).toEqual([]);
    expect(archive.homePages[0]?.onThisDay).toEqual([]);
  });

  test("should count articles per month over the whole archive for each timeline", () => {
    const peru = page("/places/peru/");
    expect(peru?.timeline?.bars).toHaveLength(27);
    expect(peru?.timeline?.bars[0]).toEqual({ key: "2020-01", label: "January 2020", count: 1 });
    expect(peru?.timeline?.max).toBe(1);
  });

  test("should keep every numbered page's record as newer articles arrive: counts, roles and timelines are on front pages only", () => {
    // Wang Yi in 120 stories, with tags, quotes and several pages of every list; then three newer ones.
    const story = (i: number, date: string): Article => ({
      ...named(`n${String(i).padStart(3, "0")}.txt`, date, ["Wang Yi"], ["China", `Town ${i % 7}`], [{ text: `We said it ${i} times`, speaker: "Wang Yi" }]),
      tags: ["Diplomacy"],
    });
    const base = Array.from({ length: 120 }, (_, i) => story(i, `2022-03-0${1 + (i % 5)}`));
    const numbered = (added: number): Map<string, string> => {
      // On the newest day: a new day would also change the previous day's link to the next (`after`), on all its pages.
      const newer = Array.from({ length: added }, (_, i) => story(200 + i, "2022-03-05"));
      const { archive } = collectArchive([...base, ...newer], { ...site, pageSizes: { home: 10, archive: 10, entity: 10, quotes: 10 } }, fileOf);
      const pages = [...archive.homePages, ...archive.datePages, ...archive.entityPages, ...archive.taxonomyPages, ...archive.quotePages];
      expect(pages.filter((page) => page.pagination.previous !== undefined).length).toBeGreaterThan(40);
      return new Map(pages.filter((page) => page.pagination.previous !== undefined).map((page) => [page.url, JSON.stringify(page)]));
    };
    const before = numbered(0);
    const after = numbered(3);
    for (const [url, record] of before) expect(after.get(url), url).toBe(record);
    // The front pages say what changed.
    const { archive } = collectArchive([...base, story(300, "2022-03-05")], { ...site, pageSizes: { home: 10, archive: 10, entity: 10, quotes: 10 } }, fileOf);
    expect(archive.homePages[0]).toMatchObject({ total: 121, years: { from: "2022", to: "2022" } });
    expect(archive.entityPages.find((page) => page.url === "/people/wang-yi/")).toMatchObject({ total: 121, quoteCount: 121, roles: ["Foreign Minister"] });
  });

  test("should not reorder an article's related stories when an unrelated story is added", () => {
    // x shares two places named five times with a, one named twice with b: with rarity measured against the exact size
    // of the archive, b came before a at 12 articles and after it at 13.
    const stories = [
      named("x.txt", "2022-03-06", [], ["Elbonia", "Freedonia", "Genovia"]),
      named("a.txt", "2022-03-06", [], ["Elbonia", "Freedonia"]),
      named("b.txt", "2022-03-06", [], ["Genovia"]),
      ...["e1", "e2", "e3"].map((name) => named(`${name}.txt`, "2022-03-06", [], ["Elbonia"])),
      ...["f1", "f2", "f3"].map((name) => named(`${name}.txt`, "2022-03-06", [], ["Freedonia"])),
      ...["u1", "u2", "u3"].map((name) => named(`${name}.txt`, "2022-03-06", [], [`Nowhere ${name}`])),
    ];
    const related = (all: Article[]) => collectArchive(all, site, fileOf).archive.articlePages.find((page) => page.article.source === "x.txt")?.related.map((link) => link.url);
    const before = related(stories);
    expect(before?.slice(0, 2)).toEqual([stories[1]?.url, stories[2]?.url]);
    expect(related([...stories, named("u4.txt", "2022-03-06", [], ["Nowhere else"])])).toEqual(before);
  });

  test("should give each entity a feed and put the site's feed first", () => {
    expect(archive.feeds.map((feed) => feed.url)).toContain("/places/china/feed.xml");
    expect(archive.feeds[0]?.url).toBe("/feed.xml");
    expect(archive.feeds.find((feed) => feed.url === "/places/china/feed.xml")?.articles.map((story) => story.source)).toEqual(["b.txt", "a.txt"]);
  });
});

describe("mergeSurnames", () => {
  const withPeople = (source: string, people: string[], speaker?: string): Article => ({
    ...article(source, "2022-03-06", `Story ${source}.`),
    entities: { people: people.map((name) => ({ name })), places: [], organisations: [] },
    quotes: speaker ? [{ text: "Words said here", speaker }] : [],
  });

  test("should give a bare surname the one full name the archive uses for it, in entities and quotes", () => {
    const merged = mergeSurnames([withPeople("a.txt", ["Ronald Reagan"]), withPeople("b.txt", ["Reagan", "Paul Volcker"], "Reagan")]);
    expect(merged[1]?.entities.people.map((person) => person.name)).toEqual(["Ronald Reagan", "Paul Volcker"]);
    expect(merged[1]?.quotes[0]?.speaker).toBe("Ronald Reagan");
  });

  test("should leave an ambiguous surname alone, and keep unchanged articles as they were", () => {
    const input = [withPeople("a.txt", ["James Baker"]), withPeople("b.txt", ["Howard Baker"]), withPeople("c.txt", ["Baker"])];
    const merged = mergeSurnames(input);
    expect(merged[2]?.entities.people.map((person) => person.name)).toEqual(["Baker"]);
    expect(merged[0]).toBe(input[0]);
  });

  test("should merge a surname and its full name named in the same article into one person", () => {
    const merged = mergeSurnames([withPeople("a.txt", ["Reagan", "Ronald Reagan"])]);
    expect(merged[0]?.entities.people).toEqual([{ name: "Ronald Reagan" }]);
  });
});

import { describe, expect, test } from "vitest";
import type { Article, Site } from "../src/article.ts";
import { collectArchive } from "../src/collect/index.ts";
import { paginate } from "../src/collect/paginate.ts";
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
    const first = article("a.txt", "2022-03-06", "Talks begin. One.");
    const second = article("b.txt", "2022-03-06", "Talks begin. Two.");
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

  test("should group years, months and days with counts and paginate past 100", () => {
    const many = Array.from({ length: 150 }, (_, i) => article(`d${String(i).padStart(3, "0")}.txt`, "2022-03-06", `Story number ${i} of the day.`));
    const { archive } = collectArchive([...many, article("x.txt", "2021-12-31", "Last year.")], site, fileOf);
    const urls = archive.datePages.map((page) => page.url);
    expect(urls).toEqual(["/2022/", "/2022/page/2/", "/2021/", "/2022/03/", "/2022/03/page/2/", "/2021/12/", "/2022/03/06/", "/2022/03/06/page/2/", "/2021/12/31/"]);
    expect(archive.datePages.every((page) => page.articles.length <= 100)).toBe(true);
    const day = archive.datePages.find((page) => page.url === "/2022/03/06/")!;
    expect(day.up.map((link) => link.url)).toEqual(["/2022/", "/2022/03/"]);
    expect(day.before?.url).toBe("/2021/12/31/");
    expect(archive.years).toEqual([
      { year: "2022", url: "/2022/", count: 150, months: [{ url: "/2022/03/", label: "March 2022", count: 150 }] },
      { year: "2021", url: "/2021/", count: 1, months: [{ url: "/2021/12/", label: "December 2021", count: 1 }] },
    ]);
    expect(archive.homePages).toHaveLength(6);
  });

  test("should shape the API as the archive's data for other programs", () => {
    const { archive } = collectArchive([article("a.txt", "2022-03-06", "One story.")], { ...site, baseUrl: "https://example.org", pathPrefix: "/news/" }, fileOf);
    expect(archive.api[0]).toEqual({
      url: "/api/index.json",
      data: { articles: 1, years: [{ year: 2022, articles: 1, url: "https://example.org/news/api/2022.json" }] },
    });
    expect(archive.api[1]?.data).toEqual([
      { id: "a", date: "2022-03-06", title: "One story", url: "https://example.org/news/2022/03/06/one-story/", summary: "One story.", words: 2, source: "a.txt" },
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

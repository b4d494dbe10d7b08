import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dateline, datelineHere, hashTree, listFiles, removeTempDirs, root, tempDir } from "./helpers/cli.ts";
import { sharedSite } from "./helpers/shared.ts";
import { brokenLinks, invalidPages } from "./helpers/site-checks.ts";

const seeds = path.join(root, "tests", "fixtures", "site");
afterAll(removeTempDirs);

const seedArticle = "2022/03/06/china-calls-for-direct-negotiations-between-ukraine-and-russia/index.html";

describe("a site built from the fixture seeds", () => {
  let out: string;
  let files: string[];
  let stdout: string;
  let stderr: string;
  const read = (file: string): Promise<string> => readFile(path.join(out, file), "utf8");

  // Built once per run for every file that reads this site (tests/helpers/shared.ts).
  beforeAll(async () => {
    const run = await sharedSite(seeds);
    expect(run.stderr).not.toContain("Internal error");
    expect(run.code).toBe(0);
    ({ stdout, stderr, out } = run);
    files = await listFiles(out);
  });

  test("should index the articles, and only them, for search", async () => {
    const entry = JSON.parse(await read("pagefind/pagefind-entry.json")) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages["en"]?.page_count).toBe(7);
    expect(stderr).toMatch(/^index +7 articles searchable, \d+ pages indexed, 1 shard/m);
  });

  test("should end with one summary line counting seeds, articles, duplicates, pages and files", () => {
    expect(stdout).toMatch(/^Built 7 articles from 8 seeds \(1 duplicate, 0 skipped\): \d+ pages \(\d+ files\) in .+ in \d+\.\d s\n$/);
  });

  test("should warn about the duplicate, naming both files", () => {
    expect(stderr).toMatch(/005_duplicate\.txt:1:1: warning: Unexpected duplicate of .*001_talks\.txt \(same body\); left out \[duplicate-article\]/);
  });

  test("should write every kind of page", () => {
    for (const file of [
      "index.html",
      seedArticle,
      "2022/index.html",
      "2022/03/index.html",
      "2022/03/06/index.html",
      "2021/11/15/a-feature-with-em-markup-em-in-its-title/index.html",
      "archive/index.html",
      "404.html",
      "feed.xml",
      "feed.json",
      "sitemap.xml",
      "robots.txt",
      "api/index.json",
      "api/2022.json",
      "api/2021.json",
      "assets/dateline.css",
      "assets/search.js",
      "assets/favicon.svg",
      "search/index.html",
      "pagefind/pagefind.js",
      "pagefind/pagefind-entry.json",
    ]) {
      expect(files, file).toContain(file);
    }
  });

  test("should not read hidden files, README or backups", () => {
    expect(files.join("\n")).not.toMatch(/hidden|backup/);
  });

  test("should give articles with the same headline and day distinct URLs", () => {
    const talks = files.filter((file) => file.startsWith("2022/03/06/foreign-ministers-of-france-and-germany-meet-in-paris-to-discuss-war"));
    expect(talks).toHaveLength(2);
  });

  test("should fall back to the id for a headline that does not transliterate", () => {
    expect(files).toContain("2022/02/28/003-chinese/index.html");
  });

  test("should show the article page with headline, date, reading time, body and its archive links", async () => {
    const html = await read(seedArticle);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1 class="story-headline">China calls for “direct” negotiations between Ukraine and Russia</h1>');
    expect(html).toContain('<time datetime="2022-03-06">March 6, 2022</time>');
    expect(html).toContain("1 min read · 303 words");
    expect(html).toContain("<p>This conversation represents the first call between the heads of diplomacy");
    expect(html).toContain('<a href="/2022/">2022</a> › <a href="/2022/03/">March 2022</a> › <a href="/2022/03/06/">March 6, 2022</a>');
    // Within a day the later path is the newer story: 000_… is that day's first.
    expect(html).toMatch(/rel="prev" href="\/2022\/03\/05\//);
    expect(html).toMatch(/rel="next" href="\/2022\/03\/06\/foreign-ministers/);
  });

  test("should describe the article for search engines and social cards", async () => {
    const html = await read(seedArticle);
    expect(html).toContain('<link rel="canonical" href="/2022/03/06/china-calls-for-direct-negotiations-between-ukraine-and-russia/">');
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('<meta name="twitter:card" content="summary">');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? "null") as Record<string, unknown>;
    expect(jsonLd).toMatchObject({
      "@type": "NewsArticle",
      headline: "China calls for “direct” negotiations between Ukraine and Russia",
      datePublished: "2022-03-06",
      url: "/2022/03/06/china-calls-for-direct-negotiations-between-ukraine-and-russia/",
      wordCount: 303,
    });
    expect(jsonLd["description"]).toMatch(/^China on Saturday/);
  });

  test("should give every HTML page one set of link-preview tags: the article's own on an article, the site's elsewhere", async () => {
    const pages = files.filter((file) => file.endsWith(".html") && !file.startsWith("pagefind/"));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const html = await read(file);
      if (/http-equiv="refresh"/.test(html)) continue;
      expect(html.match(/property="og:title"/g), file).toHaveLength(1);
      expect(html.match(/name="twitter:card"/g), file).toHaveLength(1);
    }
    expect(await read("index.html")).toContain('<meta property="og:type" content="website">');
    expect(await read(seedArticle)).not.toContain('<meta property="og:type" content="website">');
  });

  test("should escape everything a seed says, in pages, titles, feeds and JSON-LD", async () => {
    const page = files.find((file) => file.startsWith("2022/03/05/") && file !== "2022/03/05/index.html")!;
    const html = await read(page);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain("&lt;script&gt;alert(&#39;headline&#39;)&lt;/script&gt; &amp; &quot;quotes&quot; &lt;b&gt;bold&lt;/b&gt;");
    expect(html).not.toMatch(/<b>|<\/p><script>/);
    const feature = await read("2021/11/15/a-feature-with-em-markup-em-in-its-title/index.html");
    expect(feature).toContain("A feature with &lt;em&gt;markup&lt;/em&gt; in its title");
    expect(feature).toContain("<strong>every</strong>");
    const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(feature)?.[1] ?? "";
    expect(jsonLd).not.toContain("<");
    expect(await read("feed.xml")).not.toContain("<script");
  });

  test("should list the newest 30 on the home page, newest first", async () => {
    const html = await read("index.html");
    const dates = [...html.matchAll(/<time datetime="([\d-]+)">/g)].map((match) => match[1]);
    expect(dates).toEqual(["2022-03-06", "2022-03-06", "2022-03-06", "2022-03-05", "2022-02-28", "2021-12-31", "2021-11-15"]);
  });

  test("should list each year and month with its count on /archive/", async () => {
    const html = await read("archive/index.html");
    expect(html).toMatch(/<a href="\/2022\/">2022<\/a> <span class="count">5<\/span>/);
    expect(html).toMatch(/<a href="\/2022\/03\/">March 2022 <span class="count">4<\/span><\/a>/);
    expect(html).toMatch(/<a href="\/2021\/11\/">November 2021 <span class="count">1<\/span><\/a>/);
  });

  test("should link date archives up to their year and month and across to their neighbours", async () => {
    const html = await read("2022/03/06/index.html");
    expect(html).toContain('<a href="/archive/">Archive</a> › <a href="/2022/">2022</a> › <a href="/2022/03/">March 2022</a>');
    expect(html).toMatch(/rel="prev" href="\/2022\/03\/05\/"/);
    expect(html).toContain("3 articles.");
  });

  test("should publish an Atom feed that is well-formed XML with full content", async () => {
    const xml = await read("feed.xml");
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.match(/<entry>/g)).toHaveLength(7);
    expect(xml).toContain("<updated>2022-03-06T00:00:00Z</updated>");
    expect(xml).toContain("&lt;p&gt;This conversation represents the first call");
  });

  test("should publish a JSON Feed 1.1 with full content", async () => {
    const feed = JSON.parse(await read("feed.json")) as { version: string; items: { content_html: string; date_published: string }[] };
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.items).toHaveLength(7);
    expect(feed.items[0]?.content_html).toMatch(/^<p>/);
    expect(feed.items[0]?.date_published).toBe("2022-03-06T00:00:00Z");
  });

  test("should list every page in the sitemap, and point robots.txt at it", async () => {
    const xml = await read("sitemap.xml");
    expect(XMLValidator.validate(xml)).toBe(true);
    const htmlPages = files.filter((file) => file.endsWith("index.html"));
    expect(xml.match(/<loc>/g)).toHaveLength(htmlPages.length);
    expect(await read("robots.txt")).toContain("Sitemap: /sitemap.xml");
  });

  test("should give other programs the archive's data as JSON", async () => {
    expect(JSON.parse(await read("api/index.json"))).toEqual({
      articles: 7,
      years: [
        { year: 2022, articles: 5, url: "/api/2022.json" },
        { year: 2021, articles: 2, url: "/api/2021.json" },
      ],
    });
    const year = JSON.parse(await read("api/2021.json")) as Record<string, unknown>[];
    expect(year.map((record) => Object.keys(record))).toEqual([
      ["id", "date", "title", "url", "summary", "words", "source", "people", "places", "organisations", "quotes"],
      // The feature's front matter has tags.
      ["id", "date", "title", "url", "summary", "words", "source", "tags", "people", "places", "organisations", "quotes"],
    ]);
    const seed = (JSON.parse(await read("api/2022.json")) as { id: string; people: string[]; places: string[]; quotes: { speaker?: string }[] }[]).find((record) => record.id === "000_7aa871e253b4211d");
    expect(seed?.people).toEqual(["Wang Yi", "Antony Blinken", "Ned Price", "Josep Borrell", "Vladimir Putin"]);
    expect(seed?.places.slice(0, 3)).toEqual(["China", "Ukraine", "Russia"]);
    expect(seed?.quotes.filter((quote) => quote.speaker === "Wang Yi").length).toBeGreaterThanOrEqual(2);
    expect(year[1]).toMatchObject({ id: "011_feature", date: "2021-11-15", source: "2021/011_feature.md", summary: "How archives keep the news." });
  });

  test("should link an article to its people, places and organisations, as links, filters and JSON-LD", async () => {
    const html = await read(seedArticle);
    expect(html).toContain('<a href="/people/wang-yi/" data-pagefind-filter="person">Wang Yi</a> <span class="role">(Foreign Minister)</span>');
    expect(html).toContain('<a href="/places/russia/" data-pagefind-filter="place">Russia</a>');
    expect(html).toContain('<a href="/organisations/nato/" data-pagefind-filter="organisation">NATO</a>');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? "null") as { about: { name: string }[]; mentions: { "@type": string; name: string; url?: string }[] };
    expect(jsonLd.about.map((thing) => thing.name)).toEqual(expect.arrayContaining(["China", "Ukraine", "Russia"]));
    expect(jsonLd.mentions).toContainEqual({ "@type": "Person", name: "Antony Blinken", jobTitle: "Secretary of State", url: "/people/antony-blinken/" });
  });

  test("should give each entity a page listing its articles newest first, with a timeline, companions and a feed", async () => {
    const html = await read("places/france/index.html");
    expect(html).toContain('<h1 class="page-title">France</h1>');
    const dates = [...html.matchAll(/<time datetime="([\d-]+)">/g)].map((match) => match[1]);
    expect(dates.length).toBeGreaterThanOrEqual(2);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(html).toMatch(/<svg class="timeline-chart" viewBox="0 0 \d+ 48" preserveAspectRatio="none" role="img" aria-label="Articles naming France over time[^"]*">(<rect [^>]+><title>[^<]+<\/title><\/rect>)+<\/svg>/);
    expect(html).toContain('<a href="/places/germany/">Germany <span class="count">2</span></a>');
    const feed = await read("places/france/feed.xml");
    expect(XMLValidator.validate(feed)).toBe(true);
    expect(feed).toContain("<title>France · Dateline</title>");
    expect(feed.match(/<entry>/g)?.length).toBe(dates.length);
    // Thousands of entity feeds in a large archive: they give each story's summary and link, not its text.
    expect(feed.match(/<summary>/g)?.length).toBe(dates.length);
    expect(feed).not.toContain("<content");
    expect(await read("feed.xml")).toContain('<content type="html">');
  });

  test("should index people, places and organisations by article count", async () => {
    const html = await read("places/index.html");
    const counts = [...html.matchAll(/<li><a href="\/places\/[^"]+">[^<]+<\/a> <span class="count">(\d+)<\/span><\/li>/g)].map((match) => Number(match[1]));
    expect(counts.length).toBeGreaterThan(3);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(await read("people/index.html")).toContain('<a href="/people/wang-yi/">Wang Yi</a>');
    expect(await read("organisations/index.html")).toContain('<a href="/organisations/nato/">NATO</a>');
  });

  test("should list the seed's attributed quotations under their speakers", async () => {
    const quotes = await read("quotes/index.html");
    expect(quotes).toContain('<a href="/quotes/wang-yi/">Wang Yi</a>');
    const wang = await read("quotes/wang-yi/index.html");
    expect(wang).toContain("<blockquote><p>“We encourage direct negotiations between Russia and Ukraine”</p></blockquote>");
    expect(await read("quotes/antony-blinken/index.html")).toContain("the world is watching which countries uphold the basic principles of freedom, self-determination and sovereignty");
    expect(await read("quotes/josep-borrell/index.html")).toContain("Diplomacy cannot be just European or American");
    expect(await read("people/wang-yi/index.html")).toContain('<h2 id="quotes" class="section-title">Quotations</h2>');
  });

  test("should relate each article to others sharing its entities, never itself", async () => {
    const html = await read(seedArticle);
    const related = /<section class="related"[^]*?<\/section>/.exec(html)?.[0] ?? "";
    const links = [...related.matchAll(/<a href="([^"]+)"/g)].map((match) => match[1]);
    expect(links.length).toBeGreaterThan(0);
    expect(links.length).toBeLessThanOrEqual(5);
    expect(links).not.toContain(`/${seedArticle.replace(/index\.html$/, "")}`);
  });

  test("should write only valid HTML", async () => {
    expect(await invalidPages(out, files)).toEqual([]);
  });

  test("should hear from html-validate of an invalid page, after valid ones as before them", async () => {
    // The validator resolves its configuration once for all the pages it is given (tests/helpers/validate-pages.mjs).
    const dir = await tempDir("invalid");
    const page = await read("index.html");
    const broken = page.replace('<main id="main"', '<p id="main"></p><main id="main"');
    expect(broken).not.toBe(page);
    for (const [name, text] of [["a.html", broken], ["b.html", page], ["c.html", broken]]) await writeFile(path.join(dir, name!), text!);
    expect((await invalidPages(dir, ["a.html", "b.html", "c.html"])).map((message) => message.replace(/:\d+:\d+ /, " ").split(" ").slice(0, 2).join(" "))).toEqual(["a.html no-dup-id", "c.html no-dup-id"]);
  });

  test("should have no broken internal links", async () => {
    expect(await brokenLinks(out, files)).toEqual([]);
  });

  test("should be byte-identical when built again from the same seeds, in another time zone and locale", async () => {
    const again = path.join(await tempDir("again"), "site");
    // UTC−11: a date read or shown in local time would fall on the day before.
    const run = await dateline(["build", "--seeds", seeds, "--out", again, "--quiet"], root, { TZ: "Pacific/Pago_Pago", LC_ALL: "de_DE.UTF-8", LANG: "de_DE.UTF-8" });
    expect(run.code).toBe(0);
    expect(await hashTree(again)).toEqual(await hashTree(out));
  });
});

/** Builds a site from seeds given as file name → text, in a temporary folder. */
async function buildSeeds(name: string, seeds: Record<string, string>): Promise<{ out: string; run: Awaited<ReturnType<typeof dateline>> }> {
  const dir = await tempDir(name);
  const seedsDir = path.join(dir, "seeds");
  await mkdir(seedsDir);
  for (const [file, text] of Object.entries(seeds)) await writeFile(path.join(seedsDir, file), text);
  const out = path.join(dir, "site");
  return { out, run: await datelineHere(["build", "--seeds", seedsDir, "--out", out]) };
}

describe("an article with a permalink of its own", () => {
  test("should be written at its permalink and indexed for search with the dated articles", async () => {
    const { out, run } = await buildSeeds("permalink", {
      "a.txt": " date 2022-03-06 A dated story about Geneva talks.\n",
      "b.md": "---\ndate: 2022-03-07\npermalink: /special/report/\n---\n\nA special report on the Geneva talks.\n",
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^index +2 articles searchable, 2 pages indexed/m);
    expect(await readFile(path.join(out, "special", "report", "index.html"), "utf8")).toContain("A special report on the Geneva talks.");
  });
});

describe("on this day", () => {
  test("should link a day page, and the home page, to the same day in other years", async () => {
    const { out, run } = await buildSeeds("on-this-day", {
      "a.txt": " date 2022-03-06 Talks in Geneva.\n",
      "b.txt": " date 2021-03-06 Talks in Vienna.\n",
      "c.txt": " date 2021-03-07 Talks in Oslo.\n",
    });
    expect(run.code).toBe(0);
    const read = (file: string): Promise<string> => readFile(path.join(out, file), "utf8");
    expect(await read("2021/03/06/index.html")).toContain('<li><a href="/2022/03/06/">March 6, 2022 <span class="count">1</span></a></li>');
    expect(await read("2022/03/06/index.html")).toContain('<li><a href="/2021/03/06/">March 6, 2021 <span class="count">1</span></a></li>');
    expect(await read("2021/03/07/index.html")).not.toContain('id="on-this-day"');
    expect(await read("index.html")).toContain('On this day, March 6, 2022, in other years');
  });
});

describe("a site built under a path prefix with a base URL", () => {
  let out: string;
  let files: string[];
  const read = (file: string): Promise<string> => readFile(path.join(out, file), "utf8");

  beforeAll(async () => {
    out = path.join(await tempDir("prefix"), "site");
    const run = await datelineHere(["build", "--seeds", seeds, "--out", out, "--base-url", "https://example.org", "--path-prefix", "/news/", "--quiet"]);
    expect(run.code).toBe(0);
    files = await listFiles(out);
  });

  test("should prefix every internal link so the site works from its sub-folder", async () => {
    expect(await brokenLinks(out, files, "/news/")).toEqual([]);
    expect(await read("index.html")).toMatch(/<link rel="stylesheet" href="\/news\/assets\/dateline\.css\?v=[0-9a-f]{10}">/);
  });

  test("should make canonical, feed, sitemap and API URLs absolute", async () => {
    expect(await read(seedArticle)).toContain('<link rel="canonical" href="https://example.org/news/2022/03/06/china-calls-for-direct-negotiations-between-ukraine-and-russia/">');
    expect(await read("feed.xml")).toContain('<link href="https://example.org/news/2022/03/06/china-calls-for');
    expect(await read("sitemap.xml")).toContain("<loc>https://example.org/news/</loc>");
    expect(await read("robots.txt")).toContain("Sitemap: https://example.org/news/sitemap.xml");
    expect(JSON.parse(await read("feed.json"))).toMatchObject({ home_page_url: "https://example.org/news/", feed_url: "https://example.org/news/feed.json" });
  });
});

describe("the Eleventy configuration, run by Eleventy's own command", () => {
  test("should render the seeds of the current folder as `dateline build` renders them", async () => {
    const { out, run } = await buildSeeds("dev-server", { "a.txt": " date 2022-03-06 Talks resumed in Geneva on Monday.\n" });
    expect(run.code).toBe(0);
    // `npm start` runs `eleventy --serve` in the package folder; Eleventy's build alone is enough to check the pages.
    const served = path.join(path.dirname(out), "served");
    const eleventy = path.join(root, "node_modules", "@11ty", "eleventy", "cmd.cjs");
    await promisify(execFile)(process.execPath, [eleventy, "--config", path.join(root, ".eleventy.js"), "--input", path.join(root, "templates"), "--output", served, "--quiet"], { cwd: path.dirname(out) });
    // Every file but the search index and the list of the files written, which only `dateline build` makes.
    const built = Object.entries(await hashTree(out)).filter(([file]) => !file.startsWith("pagefind/") && !file.startsWith(".dateline/"));
    expect(built.length).toBeGreaterThan(10);
    expect(await hashTree(served)).toEqual(Object.fromEntries(built));
  });
});

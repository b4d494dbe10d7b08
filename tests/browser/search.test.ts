import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { watchProblems } from "../helpers/browser.ts";
import { datelineHere, root, tempDir } from "../helpers/cli.ts";
import { corpus, corpusTests } from "../helpers/corpus.ts";
import { sharedChromium } from "../helpers/shared-chromium.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";

/** The article built from the one seed in `seeds/`, as the site's API lists it: its path below the site's `prefix`, and its headline. */
async function seedArticleIn(out: string, prefix = "/"): Promise<{ path: string; title: string }> {
  const records = JSON.parse(await readFile(path.join(out, "api", "2022.json"), "utf8")) as { id: string; url: string; title: string }[];
  const record = records.find((candidate) => candidate.id === "000_7aa871e253b4211d");
  if (!record) throw new Error("The seed article is missing from api/2022.json");
  return { path: record.url.slice(prefix.length), title: record.title };
}

const chromium = sharedChromium();
const { servers } = chromium;

// Sites and seed folders are made once per file and shared by the tests that only read them.
const built = new Map<string, Promise<StaticServer & { out: string }>>();
const expanded = new Map<string, Promise<string>>();

/** The corpus's first `limit` articles, `multiply` times over, written once into a seeds folder. */
function corpusSeeds(limit: number, multiply: number): Promise<string> {
  const key = `${limit}x${multiply}`;
  let seeds = expanded.get(key);
  if (seeds === undefined) {
    seeds = (async () => {
      const dir = path.join(await tempDir("corpus-seeds"), "seeds");
      await promisify(execFile)(process.execPath, [path.join(corpus, "expand"), dir, "--limit", String(limit), "--multiply", String(multiply)]);
      return dir;
    })();
    expanded.set(key, seeds);
  }
  return seeds;
}

/** `buildAndServe`, once for each seeds folder, prefix and shard size. */
function siteOf(seeds: string, prefix = "/", shardSize?: number): Promise<StaticServer & { out: string }> {
  const key = `${seeds}\0${prefix}\0${shardSize ?? ""}`;
  let site = built.get(key);
  if (site === undefined) {
    site = buildAndServe(seeds, prefix, shardSize);
    built.set(key, site);
  }
  return site;
}

/** Builds `seeds` with the command (in this process) and serves the site on 127.0.0.1 under `prefix`; `shardSize` splits its search index. */
async function buildAndServe(seeds: string, prefix = "/", shardSize?: number): Promise<StaticServer & { out: string }> {
  const out = path.join(await tempDir("browser"), "site");
  const run = await datelineHere(["build", "--seeds", seeds, "--out", out, "--path-prefix", prefix, "--quiet"], root, shardSize !== undefined ? { DATELINE_SEARCH_SHARD_SIZE: String(shardSize) } : {});
  expect(run.stderr).not.toMatch(/error:|Internal error/);
  expect(run.code).toBe(0);
  const server = await serveStatic(out, prefix);
  servers.push(server);
  return { ...server, out };
}

/** The shards `pagefind/shards.json` lists. */
async function shardsOf(out: string): Promise<{ id: string; from: string; to: string }[]> {
  return (JSON.parse(await readFile(path.join(out, "pagefind", "shards.json"), "utf8")) as { shards: { id: string; from: string; to: string }[] }).shards;
}

/** Clicks "More results" until every result is listed; returns the dates and links of them all. */
async function allResults(page: Page): Promise<{ dates: string[]; links: string[] }> {
  while (await page.locator("#search-more").isVisible()) {
    const count = await page.locator("#search-results li").count();
    await page.locator("#search-more").click();
    await page.waitForFunction((before) => document.querySelectorAll("#search-results li").length > before, count);
  }
  const links = await page.locator("#search-results h2 a").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
  return { dates: await resultDates(page), links };
}

const yearCounts = (page: Page): Promise<number[]> =>
  page.locator(".search-filter-year .count").evaluateAll((spans) => spans.map((span) => Number((span as HTMLElement).dataset["count"])));
const totalOf = async (page: Page): Promise<number> => Number(/^([\d,]+) results?/.exec(await statusOf(page))?.[1]?.replaceAll(",", ""));

/** A page that fails the test on any console error, page error or request to another host. */
async function openPage(options: { javaScriptEnabled?: boolean; colorScheme?: "light" | "dark" } = {}): Promise<{ page: Page; problems: string[] }> {
  const context = await chromium.browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, colorScheme: options.colorScheme ?? "light" });
  const page = await context.newPage();
  const problems = watchProblems(page);
  return { page, problems };
}

/** Waits until the search has said its last word: every passing status ("Searching…", "counting…") ends in an ellipsis. */
const settled = (page: Page): Promise<unknown> => page.waitForFunction(() => /[^…]$/.test(document.getElementById("search-status")?.textContent ?? ""));

async function searchFor(page: Page, query: string): Promise<void> {
  await page.locator("#search-query").fill(query);
  await settled(page);
}

/** Opens the filters, which count once open, and waits for their counts. */
async function openFilters(page: Page): Promise<void> {
  await page.locator("#search-filters-panel summary").click();
  await page.waitForSelector(".search-filter-year .count");
  await settled(page);
}

const statusOf = (page: Page): Promise<string> => page.locator("#search-status").innerText();
const resultDates = (page: Page): Promise<string[]> => page.locator("#search-results time").evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));

describe("the site built from seeds/", () => {
  let site: StaticServer;
  let seedArticle: string;
  beforeAll(async () => {
    const fromSeeds = await siteOf(path.join(root, "seeds"));
    site = fromSeeds;
    seedArticle = (await seedArticleIn(fromSeeds.out)).path;
  });

  test("should find the article by a name and highlight it in the excerpt", async () => {
    const { page, problems } = await openPage();
    await page.goto(`${site.url}search/`);
    await searchFor(page, "Blinken");
    expect(await statusOf(page)).toBe("1 result for “Blinken”, newest first.");
    const result = page.locator("#search-results li").first();
    expect(await result.locator("h2 a").getAttribute("href")).toBe(`/${seedArticle}`);
    expect(await result.locator("mark").first().innerText()).toBe("Blinken");
    expect(await result.locator("time").getAttribute("datetime")).toBe("2022-03-06");
    expect(page.url()).toBe(`${site.url}search/?q=Blinken`);
    expect(problems).toEqual([]);
  });

  test("should say so when nothing matches", async () => {
    const { page } = await openPage();
    await page.goto(`${site.url}search/`);
    await searchFor(page, "zyzzyva");
    expect(await statusOf(page)).toBe("No results for “zyzzyva”. Try fewer words or fewer filters.");
    expect(await page.locator("#search-results li").count()).toBe(0);
  });

  test("should put focus in the box, and move through results with the arrow keys", async () => {
    const { page } = await openPage();
    await page.goto(`${site.url}search/?q=Wang`);
    await page.waitForSelector("#search-results li");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-query");
    expect(await page.locator("#search-status").getAttribute("role")).toBe("status");
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.closest("#search-results") !== null)).toBe(true);
    await page.keyboard.press("ArrowUp");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-query");
  });

  test("should land on /search/?q=… from the header form with JavaScript disabled", async () => {
    const { page } = await openPage({ javaScriptEnabled: false });
    await page.goto(site.url);
    await page.locator("#site-search").fill("Blinken");
    await page.locator("#site-search").press("Enter");
    await page.waitForURL(/\/search\/\?q=Blinken$/);
    expect(await page.locator("noscript").count()).toBe(1);
  });

  test("should have no console errors and no accessibility violations on home, article, archive and search pages, light and dark", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      for (const url of ["", seedArticle, "2022/03/", "search/?q=Blinken"]) {
        const { page, problems } = await openPage({ colorScheme });
        await page.goto(`${site.url}${url}`);
        if (url.startsWith("search")) await page.waitForSelector("#search-results li");
        const axe = await new AxeBuilder({ page }).analyze();
        expect(axe.violations.map((violation) => `${colorScheme} /${url}: ${violation.id} ${violation.help}`)).toEqual([]);
        expect(problems, `${colorScheme} /${url}`).toEqual([]);
        await page.context().close();
      }
    }
  });
});

describe("the Content-Security-Policy", () => {
  test("should be in force on every page kind and never be violated, with no request to another host", async () => {
    const site = await siteOf(path.join(root, "seeds"));
    const seedArticle = (await seedArticleIn(site.out)).path;
    for (const url of ["", seedArticle, "2022/", "archive/", "search/?q=Blinken", "404.html"]) {
      const { page, problems } = await openPage();
      await page.addInitScript(() => {
        const seen: string[] = [];
        Object.assign(window, { cspViolations: seen });
        document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
      });
      await page.goto(`${site.url}${url}`);
      if (url.startsWith("search")) await page.waitForSelector("#search-results li");
      await page.waitForLoadState("networkidle");
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
      expect(policy, url).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), url).toEqual([]);
      expect(problems, url).toEqual([]);
      await page.context().close();
    }
  });
});

describe("printing an article", () => {
  test("should leave out the navigation and show each link's URL after it", async () => {
    const site = await buildAndServe(path.join(root, "tests", "fixtures", "site"));
    const { page } = await openPage();
    await page.emulateMedia({ media: "print" });
    await page.goto(`${site.url}2021/11/15/a-feature-with-em-markup-em-in-its-title/`);
    for (const selector of [".masthead", ".site-footer", ".neighbours", ".breadcrumbs"]) {
      expect(await page.locator(selector).first().evaluate((element) => getComputedStyle(element).display), selector).toBe("none");
    }
    const after = await page.locator(".story-body a").first().evaluate((link) => getComputedStyle(link, "::after").content);
    expect(after).toBe('" (/archive/)"');
    expect(await page.locator(".story-headline").isVisible()).toBe(true);
  });
});

describe.runIf(corpusTests)("a site of several hundred corpus articles over three years", () => {
  let site: StaticServer;
  beforeAll(async () => {
    site = await siteOf(await corpusSeeds(200, 3));
  });

  test("should narrow results with a year filter, with counts that add up", async () => {
    const { page, problems } = await openPage();
    await page.goto(`${site.url}search/`);
    await searchFor(page, "oil");
    await openFilters(page);
    const total = Number(/^(\d+) results/.exec(await statusOf(page))?.[1]);
    const counts = await page.locator(".search-filter-year .count").evaluateAll((spans) => spans.map((span) => Number((span as HTMLElement).dataset["count"])));
    expect(counts).toHaveLength(3);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    const firstYearCount = counts[0]!;
    await page.locator(".search-filter-year input").first().check();
    await page.waitForFunction((expected) => document.getElementById("search-status")?.textContent?.startsWith(`${expected} result`), firstYearCount);
    expect(new Set((await resultDates(page)).map((date) => date.slice(0, 4)))).toEqual(new Set(["1989"]));
    expect(page.url()).toMatch(/\?q=oil&year=1989$/);
    expect(problems).toEqual([]);
  });

  test("should show filter counts for a search typed while Pagefind is still loading", async () => {
    const { page } = await openPage();
    // A slow network: the WebAssembly arrives late, so the search below starts before Pagefind is ready.
    await page.route("**/pagefind/wasm.*", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.goto(`${site.url}search/`, { waitUntil: "domcontentloaded" });
    await searchFor(page, "oil");
    await openFilters(page);
    expect(await page.locator(".search-filter-year .count").count()).toBe(3);
  });

  test("should put the newest first by default and offer best match", async () => {
    const { page } = await openPage();
    await page.goto(`${site.url}search/?q=oil`);
    await page.waitForSelector("#search-results li");
    const dates = await resultDates(page);
    expect(dates.length).toBeGreaterThan(5);
    // Opened straight from a URL with a query, the filters count once opened.
    await openFilters(page);
    expect(await page.locator(".search-filter-year .count").count()).toBe(3);
    expect(dates).toEqual([...dates].sort().reverse());
    await page.locator("#search-sort").selectOption("relevance");
    await page.waitForFunction(() => document.getElementById("search-status")?.textContent?.includes("best match first"));
    expect(page.url()).toMatch(/[?&]sort=relevance/);
  });

  test("should restore the query and filters on reload", async () => {
    const { page } = await openPage();
    await page.goto(`${site.url}search/?q=oil&year=1988`);
    await page.waitForSelector("#search-results li");
    await page.reload();
    await page.waitForSelector("#search-results li");
    expect(await page.locator("#search-query").inputValue()).toBe("oil");
    expect(await page.locator('.search-filter-year input[value="1988"]').isChecked()).toBe(true);
    expect(new Set((await resultDates(page)).map((date) => date.slice(0, 4)))).toEqual(new Set(["1988"]));
  });

  test("should list a year's articles with a filter and no words", async () => {
    const { page } = await openPage();
    await page.goto(`${site.url}search/?year=1987`);
    await page.waitForSelector("#search-results li");
    await settled(page);
    expect(await statusOf(page)).toMatch(/^\d+ results, newest first\.$/);
  });
});

describe.runIf(corpusTests)("a site whose search index is split into shards", () => {
  let sharded: StaticServer & { out: string };
  let single: StaticServer & { out: string };
  beforeAll(async () => {
    const seeds = await corpusSeeds(200, 3);
    sharded = await siteOf(seeds, "/", 100);
    single = await siteOf(seeds);
  });

  test("should have several shards, each a range of dates, newest first", async () => {
    const shards = await shardsOf(sharded.out);
    expect(shards.length).toBeGreaterThan(3);
    expect(await shardsOf(single.out)).toHaveLength(1);
    for (const [i, shard] of shards.entries()) {
      expect(shard.from <= shard.to).toBe(true);
      if (i > 0) expect(shard.to <= shards[i - 1]!.from).toBe(true);
    }
  });

  test("should find as many results as one index does, with year counts that add up", async () => {
    const counts: number[][] = [];
    const totals: number[] = [];
    for (const site of [sharded, single]) {
      const { page, problems } = await openPage();
      await page.goto(`${site.url}search/`);
      await searchFor(page, "oil");
      await openFilters(page);
      totals.push(await totalOf(page));
      counts.push(await yearCounts(page));
      expect(problems).toEqual([]);
    }
    expect(totals[0]).toBeGreaterThan(50);
    expect(totals[0]).toBe(totals[1]);
    expect(counts[0]).toEqual(counts[1]);
    expect(counts[0]!.reduce((a, b) => a + b, 0)).toBe(totals[0]);
  });

  test("should list every result once, newest first across shards", async () => {
    const { page, problems } = await openPage();
    await page.goto(`${sharded.url}search/?q=oil`);
    await page.waitForSelector("#search-results li");
    await settled(page);
    const total = await totalOf(page);
    const { dates, links } = await allResults(page);
    expect(dates).toHaveLength(total);
    expect(new Set(links).size).toBe(total);
    expect(dates).toEqual([...dates].sort().reverse());
    // Results came from more than one shard.
    const shards = await shardsOf(sharded.out);
    expect(new Set(dates.map((date) => shards.findIndex((shard) => shard.from <= date && date <= shard.to))).size).toBeGreaterThan(1);
    expect(problems).toEqual([]);
  });

  test("should list every result once by best match, and narrow to a year with the count it showed", async () => {
    const { page } = await openPage();
    await page.goto(`${sharded.url}search/?q=oil&sort=relevance`);
    await page.waitForSelector("#search-results li");
    await settled(page);
    const total = await totalOf(page);
    const { links } = await allResults(page);
    expect(new Set(links).size).toBe(total);
    await openFilters(page);
    const [newestYear] = await yearCounts(page);
    await page.locator(".search-filter-year input").first().check();
    await page.waitForFunction((expected) => document.getElementById("search-status")?.textContent?.startsWith(`${expected} result`), newestYear);
    expect(new Set((await resultDates(page)).map((date) => date.slice(0, 4)))).toEqual(new Set(["1989"]));
  });

  test("should show the newest results before the total, from the newest shard alone, then count them all", async () => {
    const shards = await shardsOf(sharded.out);
    const { page, problems } = await openPage();
    // Every shard but the newest arrives late: the first results must not wait for them.
    const older: string[] = [];
    await page.route("**/pagefind/shards/**", async (route) => {
      older.push(route.request().url());
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto(`${sharded.url}search/?q=oil`);
    await page.waitForSelector("#search-results li");
    expect(await statusOf(page)).toBe("Newest first; counting every result…");
    const first = await resultDates(page);
    expect(first).toHaveLength(10);
    expect(first.every((date) => date >= shards[0]!.from)).toBe(true);
    await settled(page);
    expect(older.length).toBeGreaterThan(0);
    // The total, once counted, is the one index's.
    const { page: one } = await openPage();
    await one.goto(`${single.url}search/?q=oil`);
    await settled(one);
    expect(await totalOf(page)).toBe(await totalOf(one));
    expect(problems).toEqual([]);
  });

  test("should search a date range, loading only the shards it meets, and keep it on reload", async () => {
    const shards = await shardsOf(sharded.out);
    const { page, problems } = await openPage();
    const requested = new Set<string>();
    page.on("request", (request) => {
      const id = /\/pagefind\/shards\/([0-9a-f]+)\//.exec(request.url())?.[1];
      if (id) requested.add(id);
    });
    await page.goto(`${sharded.url}search/?q=oil&from=1988-01&to=1988-12`);
    await page.waitForSelector("#search-results li");
    await settled(page);
    const total = await totalOf(page);
    const { dates } = await allResults(page);
    expect(dates).toHaveLength(total);
    expect(new Set(dates.map((date) => date.slice(0, 4)))).toEqual(new Set(["1988"]));
    const meets = new Set(shards.filter((shard) => shard.from <= "1988-12-31" && shard.to >= "1988-01-01").map((shard) => shard.id));
    expect([...requested].filter((id) => !meets.has(id))).toEqual([]);
    // The same articles as the year filter finds.
    const { page: byYear } = await openPage();
    await byYear.goto(`${sharded.url}search/?q=oil&year=1988`);
    await settled(byYear);
    expect(await totalOf(byYear)).toBe(total);
    await page.reload();
    await settled(page);
    expect(await page.locator("#search-from").inputValue()).toBe("1988-01");
    expect(await page.locator("#search-to").inputValue()).toBe("1988-12");
    expect(await totalOf(page)).toBe(total);
    await page.locator("#search-to").fill("1987-06");
    await expect.poll(() => statusOf(page)).toBe("The date range ends before it starts.");
    expect(await page.locator("#search-results li").count()).toBe(0);
    expect(page.url()).toMatch(/from=1988-01&to=1987-06$/);
    expect(problems).toEqual([]);
  });

  test("should load every shard from under a path prefix", async () => {
    const prefixed = await siteOf(await corpusSeeds(200, 3), "/news/", 100);
    const { page, problems } = await openPage();
    await page.goto(`${single.url}search/?q=oil`);
    await page.waitForSelector("#search-results li");
    await settled(page);
    const expected = await totalOf(page);
    await page.goto(`${prefixed.url}search/?q=oil`);
    await page.waitForSelector("#search-results li");
    await settled(page);
    expect(await totalOf(page)).toBe(expected);
    const { links } = await allResults(page);
    expect(links.every((link) => link.startsWith("/news/1989/") || link.startsWith("/news/1988/") || link.startsWith("/news/1987/"))).toBe(true);
    expect(problems).toEqual([]);
  });

  test("should list a year's articles, newest first, with a filter and no words", async () => {
    const { page } = await openPage();
    await page.goto(`${sharded.url}search/?year=1988`);
    await page.waitForSelector("#search-results li");
    await settled(page);
    const total = await totalOf(page);
    const { dates } = await allResults(page);
    expect(dates).toHaveLength(total);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(dates.map((date) => date.slice(0, 4)))).toEqual(new Set(["1988"]));
  });
});

describe("a site under a path prefix", () => {
  test("should search and link within the prefix", async () => {
    const site = await buildAndServe(path.join(root, "seeds"), "/news/");
    const { path: seedArticle, title } = await seedArticleIn(site.out, "/news/");
    const { page, problems } = await openPage();
    await page.goto(`${site.url}search/?q=Blinken`);
    await page.waitForSelector("#search-results li");
    const href = await page.locator("#search-results h2 a").getAttribute("href");
    expect(href).toBe(`/news/${seedArticle}`);
    await page.locator("#search-results h2 a").click();
    await page.waitForURL(`${site.url}${seedArticle}`);
    expect(await page.locator("h1").innerText()).toBe(title);
    expect(problems).toEqual([]);
  });
});

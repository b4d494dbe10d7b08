import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { goodSeeds } from "../helpers/cli.ts";
import { corpusTests } from "../helpers/corpus.ts";
import { corpusSeeds } from "../helpers/shared.ts";
import { sharedChromium } from "../helpers/shared-chromium.ts";
import { allResults, openFilters, openPage as openPageIn, resultDates, searchFor, settled, siteOf as siteIn, statusOf, totalOf, yearCounts, type ServedSite } from "../helpers/search-page.ts";

// The search across an index split into date-ranged shards, against the one index of search.test.ts's corpus site
// (built once for both files).

const chromium = sharedChromium();
const siteOf = (seeds: string, prefix?: string, shardSize?: number): Promise<ServedSite> => siteIn(chromium.servers, seeds, prefix, shardSize);
const openPage = (options?: Parameters<typeof openPageIn>[1]): ReturnType<typeof openPageIn> => openPageIn(chromium.browser, options);

/** The shards `pagefind/shards.json` lists. */
async function shardsOf(out: string): Promise<{ id: string; from: string; to: string }[]> {
  return (JSON.parse(await readFile(path.join(out, "pagefind", "shards.json"), "utf8")) as { shards: { id: string; from: string; to: string }[] }).shards;
}

describe.runIf(corpusTests)("a site whose search index is split into shards", () => {
  let sharded: ServedSite;
  let single: ServedSite;
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
    // What the prefix changes is where the shards are fetched from, not how many results they hold: the fixture site,
    // in shards of two articles, against its one index (the site other files read; no third corpus build).
    const prefixed = await siteOf(goodSeeds, "/news/", 2);
    const whole = await siteOf(goodSeeds);
    const shards = await shardsOf(prefixed.out);
    expect(shards.length).toBeGreaterThan(2);
    const { page, problems } = await openPage();
    await page.goto(`${whole.url}search/?q=the`);
    await page.waitForSelector("#search-results li");
    await settled(page);
    const expected = await totalOf(page);
    await page.goto(`${prefixed.url}search/?q=the`);
    await page.waitForSelector("#search-results li");
    await settled(page);
    expect(await totalOf(page)).toBe(expected);
    const { dates, links } = await allResults(page);
    expect(links.every((link) => /^\/news\/20(21|22)\//.test(link))).toBe(true);
    // Results came from more than one shard.
    expect(new Set(dates.map((date) => shards.findIndex((shard) => shard.from <= date && date <= shard.to))).size).toBeGreaterThan(1);
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

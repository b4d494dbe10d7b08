import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { goodSeeds, root } from "../helpers/cli.ts";
import { corpusTests } from "../helpers/corpus.ts";
import { colourSchemes, violationsInColourSchemes } from "../helpers/accessibility.ts";
import { expectDarkModeOnlyRecolours } from "../helpers/dark-mode.ts";
import { corpusSeeds } from "../helpers/shared.ts";
import { sharedChromium } from "../helpers/shared-chromium.ts";
import { openFilters, openPage as openPageIn, resultDates, searchFor, settled, siteOf as siteIn, statusOf, type ServedSite } from "../helpers/search-page.ts";
import type { StaticServer } from "../helpers/static-server.ts";

// The search of a sharded index is tested in sharded-search.test.ts, which shares this file's corpus site.

/** The article built from the one seed in `seeds/`, as the site's API lists it: its path below the site's `prefix`, and its headline. */
async function seedArticleIn(out: string, prefix = "/"): Promise<{ path: string; title: string }> {
  const records = JSON.parse(await readFile(path.join(out, "api", "2022.json"), "utf8")) as { id: string; url: string; title: string }[];
  const record = records.find((candidate) => candidate.id === "000_7aa871e253b4211d");
  if (!record) throw new Error("The seed article is missing from api/2022.json");
  return { path: record.url.slice(prefix.length), title: record.title };
}

const chromium = sharedChromium();
const siteOf = (seeds: string, prefix?: string): Promise<ServedSite> => siteIn(chromium.servers, seeds, prefix);
const openPage = (options?: Parameters<typeof openPageIn>[1]): ReturnType<typeof openPageIn> => openPageIn(chromium.browser, options);

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
    await expectDarkModeOnlyRecolours();
    for (const url of ["", seedArticle, "2022/03/", "search/?q=Blinken"]) {
      const { page, problems } = await openPage();
      await page.goto(`${site.url}${url}`);
      if (url.startsWith("search")) await page.waitForSelector("#search-results li");
      // Each page loaded once, then checked in light mode in full and in dark mode for colour (tests/helpers/accessibility.ts).
      const violations = await violationsInColourSchemes(page);
      for (const scheme of colourSchemes) expect(violations[scheme], `${scheme} /${url}`).toEqual([]);
      expect(problems, `/${url}`).toEqual([]);
      await page.context().close();
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
    const site = await siteOf(goodSeeds);
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

describe("a site under a path prefix", () => {
  test("should search and link within the prefix", async () => {
    const site = await siteOf(path.join(root, "seeds"), "/news/");
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

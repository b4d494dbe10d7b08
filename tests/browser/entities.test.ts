import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { axeViolations } from "../helpers/accessibility.ts";
import { launchChromium, watchProblems } from "../helpers/browser.ts";
import { goodSeeds, removeTempDirs } from "../helpers/cli.ts";
import { sharedSite } from "../helpers/shared.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const { out } = await sharedSite(goodSeeds);
  server = await serveStatic(out, "/");
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeTempDirs();
});

/** A page that records console errors, page errors and requests to other hosts. */
async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await (await browser.newContext()).newPage();
  const problems = watchProblems(page);
  await page.goto(`${server.url}${url.slice(1)}`);
  return { page, problems };
}

// Every passing status ("Searching…", "counting…") ends in an ellipsis; the last one names the results.
const settled = (page: Page): Promise<unknown> => page.waitForFunction(() => /result.*[^…]$/.test(document.getElementById("search-status")?.textContent ?? ""));

test("should go from an article to a person's page, to their quotations, and back to the story", async () => {
  const { page, problems } = await open("/2022/03/06/china-calls-for-direct-negotiations-between-ukraine-and-russia/");
  await page.getByRole("link", { name: "Wang Yi", exact: true }).click();
  await expect.poll(() => page.locator("h1").innerText()).toBe("Wang Yi");
  expect(await page.locator(".timeline-chart rect").count()).toBeGreaterThan(0);
  await page.getByRole("link", { name: /quotations?$/ }).first().click();
  await expect.poll(() => page.locator("h1").innerText()).toBe("Quotations by Wang Yi");
  expect(await page.locator(".quote-list blockquote").allInnerTexts()).toContain("“We encourage direct negotiations between Russia and Ukraine”");
  await page.locator(".quote-list .story-meta a").first().click();
  await expect.poll(() => page.locator("h1").innerText()).toMatch(/^China calls for/);
  expect(problems).toEqual([]);
});

test("should narrow a search to a place from its page, with the place's filter checked and counted", async () => {
  const { page, problems } = await open("/places/france/");
  await page.getByRole("link", { name: "Search them" }).click();
  await settled(page);
  expect(await page.locator("#search-status").innerText()).toMatch(/^2 results/);
  const france = page.locator(".search-filter-place .search-filter-option", { hasText: "France" });
  expect(await france.locator("input").isChecked()).toBe(true);
  expect(await france.locator(".count").getAttribute("data-count")).toBe("2");
  // Unchecking it leaves no query and no filter: nothing is listed, and the URL says so.
  await france.locator("input").uncheck();
  await expect.poll(() => page.locator("#search-results li").count()).toBe(0);
  expect(new URL(page.url()).searchParams.getAll("place")).toEqual([]);
  expect(problems).toEqual([]);
});

test("should show people, places and organisations as search filters, most frequent first", async () => {
  const { page } = await open("/search/?q=France");
  await settled(page);
  await page.locator("#search-filters-panel summary").click();
  await page.waitForSelector(".search-filter-place .count");
  const places = await page.locator(".search-filter-place .count").evaluateAll((spans) => spans.map((span) => Number((span as HTMLElement).dataset["count"])));
  expect(places.length).toBeGreaterThan(0);
  expect([...places].sort((a, b) => b - a)).toEqual(places);
});

test("should have no accessibility violations on entity, index and quotation pages", async () => {
  for (const url of ["/people/wang-yi/", "/places/", "/quotes/", "/quotes/wang-yi/"]) {
    const { page } = await open(url);
    expect(await axeViolations(page), url).toEqual([]);
  }
});

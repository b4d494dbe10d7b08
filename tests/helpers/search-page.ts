import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { watchProblems } from "./browser.ts";
import { sharedSite } from "./shared.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

// What the browser tests of search share: the sites they search, served, and how they read the search page.

/** A built site served on 127.0.0.1, and its folder. */
export type ServedSite = StaticServer & { readonly out: string };

// Per file: its `servers` are closed after it.
const served = new WeakMap<StaticServer[], Map<string, Promise<ServedSite>>>();

/**
 * The site built from `seeds` under `prefix` (its search index in shards of `shardSize` articles, if given), served
 * once per test file under the prefix; built once per run for every file that asks (tests/helpers/shared.ts).
 * `servers` gets the server, to close after the file.
 */
export function siteOf(servers: StaticServer[], seeds: string, prefix = "/", shardSize?: number): Promise<ServedSite> {
  const key = `${seeds}\0${prefix}\0${shardSize ?? ""}`;
  let sites = served.get(servers);
  if (sites === undefined) served.set(servers, (sites = new Map()));
  let site = sites.get(key);
  if (site === undefined) {
    site = (async () => {
      const run = await sharedSite(seeds, prefix === "/" ? [] : ["--path-prefix", prefix], shardSize !== undefined ? { DATELINE_SEARCH_SHARD_SIZE: String(shardSize) } : {});
      expect(run.stderr).not.toMatch(/error:|Internal error/);
      expect(run.code).toBe(0);
      const server = await serveStatic(run.out, prefix);
      servers.push(server);
      return { ...server, out: run.out };
    })();
    sites.set(key, site);
  }
  return site;
}

/** A page in a context of its own that records any console error, page error or request to another host. */
export async function openPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, colorScheme: "light" });
  const page = await context.newPage();
  const problems = watchProblems(page);
  return { page, problems };
}

/** Waits until the search has said its last word: every passing status ("Searching…", "counting…") ends in an ellipsis. */
export const settled = (page: Page): Promise<unknown> => page.waitForFunction(() => /[^…]$/.test(document.getElementById("search-status")?.textContent ?? ""));

export async function searchFor(page: Page, query: string): Promise<void> {
  await page.locator("#search-query").fill(query);
  await settled(page);
}

/** Opens the filters, which count once open, and waits for their counts. */
export async function openFilters(page: Page): Promise<void> {
  await page.locator("#search-filters-panel summary").click();
  await page.waitForSelector(".search-filter-year .count");
  await settled(page);
}

export const statusOf = (page: Page): Promise<string> => page.locator("#search-status").innerText();
export const resultDates = (page: Page): Promise<string[]> => page.locator("#search-results time").evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
export const yearCounts = (page: Page): Promise<number[]> =>
  page.locator(".search-filter-year .count").evaluateAll((spans) => spans.map((span) => Number((span as HTMLElement).dataset["count"])));
export const totalOf = async (page: Page): Promise<number> => Number(/^([\d,]+) results?/.exec(await statusOf(page))?.[1]?.replaceAll(",", ""));

/** Clicks "More results" until every result is listed; returns the dates and links of them all. */
export async function allResults(page: Page): Promise<{ dates: string[]; links: string[] }> {
  while (await page.locator("#search-more").isVisible()) {
    const count = await page.locator("#search-results li").count();
    await page.locator("#search-more").click();
    await page.waitForFunction((before) => document.querySelectorAll("#search-results li").length > before, count);
  }
  const links = await page.locator("#search-results h2 a").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
  return { dates: await resultDates(page), links };
}

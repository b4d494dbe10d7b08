import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { watchProblems } from "../helpers/browser.ts";
import { colourSchemes, violationsInColourSchemes, type ColourScheme } from "../helpers/accessibility.ts";
import { expectDarkModeOnlyRecolours } from "../helpers/dark-mode.ts";
import { datelineHere, seedsWith, tempDir } from "../helpers/cli.ts";
import { sharedChromium } from "../helpers/shared-chromium.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";

// Issue 23: on a phone no page may scroll sideways. The widths of small phones: 320 (iPhone SE 1st gen), 360 (most
// Android phones), 390 (iPhone 12 to 15).
const widths = [320, 360, 390];

// Enough articles for a second home page, and a story with what overflows a narrow screen: a word longer than the
// screen in its headline, a long URL, and a line of code that does not wrap.
const longWord = "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetzesänderungsverordnung";
const extraSeeds: Record<string, string> = {
  ...Object.fromEntries(
    // Pages are numbered from the oldest and the home page holds up to twice its size (paginateNewestFirst): 60 make a `/page/1/`.
    Array.from({ length: 60 }, (_item, i) => [`filler-${i}.txt`, ` date 2022-04-${String((i % 28) + 1).padStart(2, "0")} Trade officials met in Geneva for round ${i + 1} of talks on tariffs, the ministry said.\n`]),
  ),
  "long.md": [
    "---",
    "date: 2022-04-30",
    `title: The ${longWord} passes the Bundestag`,
    "tags: [law]",
    "---",
    "",
    `The ${longWord} passed. The text is at https://example.org/${"very-long-path-segment-".repeat(8)}end and nowhere else.`,
    "",
    `    const everything = ["${"a-long-string-".repeat(12)}"];`,
    "",
  ].join("\n"),
};

/** The page of each kind to load; the articles' URLs come from their headlines, so from the site's API. */
async function pagesOf(out: string): Promise<string[]> {
  const records = JSON.parse(await readFile(path.join(out, "api", "2022.json"), "utf8")) as { id: string; url: string }[];
  const article = (id: string): string => records.find((record) => record.id === id)?.url ?? `(no article ${id})`;
  return [
    "/",
    "/page/1/",
    article("000_7aa871e253b4211d"),
    article("long"),
    "/2022/",
    "/2022/03/",
    "/2022/03/06/",
    "/archive/",
    "/people/",
    "/people/wang-yi/",
    "/places/france/",
    "/organisations/",
    "/quotes/",
    "/quotes/wang-yi/",
    "/tags/",
    "/tags/law/",
    "/search/?q=France",
    "/no-such-page/",
  ];
}

const chromium = sharedChromium();
const { servers } = chromium;

/** What loading every page kind showed: the kinds that are not there, the page's problems, what overflows at each width. */
interface Widths {
  readonly missing: string[];
  readonly problems: string[];
  readonly overflowing: Map<number, string[]>;
}

async function measureWidths(site: StaticServer, pages: readonly string[]): Promise<Widths> {
  const context = await chromium.browser.newContext({ viewport: { width: widths[0]!, height: 740 } });
  const page = await context.newPage();
  const problems = watchProblems(page);
  const overflowing = new Map(widths.map((width) => [width, [] as string[]]));
  const missing: string[] = [];
  for (const url of pages) {
    await page.setViewportSize({ width: widths[0]!, height: 740 });
    const seen = problems.length;
    const response = await page.goto(`${site.url}${url.slice(1)}`);
    // The 404 page's own status is logged as a problem; any other 404 (a missing stylesheet, script or image) is one.
    if (url === "/no-such-page/") problems.splice(seen, problems.length - seen, ...problems.slice(seen).filter((problem) => !problem.includes("404")));
    // A page kind that is not there would be measured as the 404 page, and pass.
    if ((response?.status() === 404) !== (url === "/no-such-page/")) missing.push(`${url}: ${response?.status()}`);
    if (url.startsWith("/search/")) {
      // The results and filters arrive after the page: measure them too, with the filters shown.
      await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0);
      await page.evaluate(() => document.querySelector("details")?.setAttribute("open", ""));
    }
    for (const width of widths) {
      await page.setViewportSize({ width, height: 740 });
      const measured = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        // What sticks out, to say what to fix.
        culprits: [...document.body.querySelectorAll("*")]
          .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
          .slice(-3)
          .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join(".")}`),
      }));
      if (measured.innerWidth !== width) throw new Error(`Resized to ${width} px, ${url} is ${measured.innerWidth} px wide`);
      if (measured.scrollWidth > measured.innerWidth) overflowing.get(width)!.push(`${url}: ${measured.scrollWidth} px wide (${measured.culprits.join(", ")})`);
    }
  }
  await context.close();
  return { missing, problems, overflowing };
}

/** axe-core's violations on every page kind but search, at 320 px, in each colour scheme. */
async function accessibilityViolations(site: StaticServer, pages: readonly string[]): Promise<Record<ColourScheme, string[]>> {
  const context = await chromium.browser.newContext({ viewport: { width: 320, height: 740 } });
  const page = await context.newPage();
  const violations: Record<ColourScheme, string[]> = { light: [], dark: [] };
  for (const url of pages.filter((candidate) => !candidate.startsWith("/search/"))) {
    await page.emulateMedia({ colorScheme: colourSchemes[0] });
    await page.goto(`${site.url}${url.slice(1)}`);
    // Date archives are checked in their compact view too.
    if ((await page.locator("#compact-view").count()) > 0) await page.locator("#compact-view").check();
    const found = await violationsInColourSchemes(page);
    for (const scheme of colourSchemes) violations[scheme].push(...found[scheme].map((violation) => `${url}: ${violation}`));
  }
  await context.close();
  return violations;
}

test("should change nothing but colours in dark mode, so that a page checked in full in light mode is checked for colour in dark", async () => {
  await expectDarkModeOnlyRecolours();
});

test("should hear from axe of each violation a page has, every rule in light mode and colour rules in dark mode", async () => {
  // What the checks below rely on to find anything: a missing alt text and faint text, on a page of no site.
  const page = await chromium.browser.newPage();
  await page.setContent('<!doctype html><html lang="en"><title>t</title><main><img src="data:,"><p style="color: #777; background: #888">faint</p></main></html>');
  const violations = await violationsInColourSchemes(page);
  await page.close();
  expect(violations.light.map((violation) => violation.split(":")[0])).toEqual(expect.arrayContaining(["color-contrast", "image-alt"]));
  expect(violations.dark.map((violation) => violation.split(":")[0])).toEqual(["color-contrast"]);
});

describe.each(["en", "de"])("the built-in theme in %s", (lang) => {
  let site: StaticServer;
  let pages: string[];
  beforeAll(async () => {
    const out = path.join(await tempDir(`mobile-${lang}`), "site");
    const run = await datelineHere(["build", "--seeds", await seedsWith(extraSeeds), "--out", out, "--lang", lang, "--quiet"]);
    expect(run.stderr).not.toMatch(/error:|Internal error/);
    expect(run.code).toBe(0);
    site = await serveStatic(out, "/");
    servers.push(site);
    pages = await pagesOf(out);
  }, 120_000);

  // Every page kind is loaded once and measured at each width in turn: resized, a page is laid out again by its CSS
  // alone (no script of the site reads the width), as it is when loaded at that width.
  let measuring: Promise<Widths> | undefined;
  test.each(widths)("should not scroll sideways on any page kind at %i px", async (width) => {
    const { missing, overflowing, problems } = await (measuring ??= measureWidths(site, pages));
    expect(missing).toEqual([]);
    expect(overflowing.get(width)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test("should show a date archive as a compact list of headlines when asked, with JavaScript off", async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}2022/04/`);
    const summaries = page.locator(".story-list .story-summary");
    expect(await summaries.first().isVisible()).toBe(true);
    const tall = await page.locator(".story-list").evaluate((list) => list.getBoundingClientRect().height);
    await page.locator(".view-toggle label").click();
    expect(await summaries.first().isVisible()).toBe(false);
    expect(await page.locator(".story-list").evaluate((list) => list.getBoundingClientRect().height)).toBeLessThan(tall * 0.7);
    await context.close();
  });

  // Every page kind is loaded once and checked in light mode, then in dark: the colour scheme emulated on the loaded
  // page, as a context's colour scheme is (the stylesheet has no transition to wait for).
  let checking: Promise<Record<ColourScheme, string[]>> | undefined;
  test.each(colourSchemes)("should have no accessibility violations at 320 px on any page kind, in %s mode", async (colorScheme) => {
    const violations = await (checking ??= accessibilityViolations(site, pages));
    expect(violations[colorScheme]).toEqual([]);
  });

  test("should wrap the navigation onto more lines rather than widen the page, with JavaScript off", async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 320, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url);
    const links = await page.locator(".site-nav a").evaluateAll((anchors) => anchors.map((anchor) => anchor.getBoundingClientRect()).map((box) => ({ top: Math.round(box.top), right: box.right })));
    await context.close();
    expect(links).toHaveLength(6);
    expect(new Set(links.map((link) => link.top)).size).toBeGreaterThan(1);
    expect(links.every((link) => link.right <= 320)).toBe(true);
  });
});

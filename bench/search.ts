// npm run bench:search — builds a site from 10,000 corpus articles and measures the search:
// index time and size, and per query the bytes a cold browser fetches and the time to its first result.
import { execFile } from "node:child_process";
import { cp, readdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { indexSite } from "../src/search/index.ts";
import { launchChromium } from "../tests/helpers/browser.ts";
import { serveStatic } from "../tests/helpers/static-server.ts";
import { corpusSeeds, median, root } from "./corpus.ts";

const articles = Number(process.env["BENCH_ARTICLES"] ?? 10_000);
const runs = 3;
const queries: { name: string; url: string; typed?: string }[] = [
  { name: "common word", url: "?q=oil", typed: "oil" },
  { name: "name", url: "?q=Baker", typed: "Baker" },
  { name: "rare word", url: "?q=zinc", typed: "zinc" },
  { name: "two words", url: "?q=interest+rates", typed: "interest rates" },
  { name: "filter only", url: "?month=1987-03" },
];

const seeds = await corpusSeeds(articles);
const out = path.join(root, "bench", "out", "search");
await rm(out, { recursive: true, force: true });
const started = performance.now();
await promisify(execFile)(process.execPath, [path.join(root, "bin", "dateline.js"), "build", "--seeds", seeds, "--out", out, "--quiet"], { maxBuffer: 1 << 26 });
const buildSeconds = (performance.now() - started) / 1000;

// Index time: Pagefind over the rendered site, again on a fresh copy each run.
const api = JSON.parse(await readFile(path.join(out, "api", "index.json"), "utf8")) as { years: { year: number }[] };
const articleUrls: string[] = [];
for (const { year } of api.years) {
  const records = JSON.parse(await readFile(path.join(out, "api", `${year}.json`), "utf8")) as { url: string }[];
  articleUrls.push(...records.map((record) => record.url));
}
const indexTimes: number[] = [];
for (let run = 0; run < runs; run++) {
  const copy = `${out}-index`;
  await rm(copy, { recursive: true, force: true });
  await cp(out, copy, { recursive: true, filter: (source) => !source.includes(`${path.sep}pagefind`) });
  const t = performance.now();
  await indexSite(copy, { title: "Dateline", lang: "en", pathPrefix: "/" }, articleUrls);
  indexTimes.push((performance.now() - t) / 1000);
  await rm(copy, { recursive: true, force: true });
}
const bundle = path.join(out, "pagefind");
let indexBytes = 0;
let indexFiles = 0;
for (const entry of await readdir(bundle, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  indexFiles++;
  indexBytes += (await stat(path.join(entry.parentPath, entry.name))).size;
}

/** Bytes of the responses the page receives from now on (for URLs `only` accepts): as sent, and as a gzipping host would send them. */
function countBytes(page: Page, only: (url: string) => boolean = () => true): () => { raw: number; gzip: number } {
  const total = { raw: 0, gzip: 0 };
  page.on("requestfinished", async (request) => {
    if (!only(request.url())) return;
    const sizes = await request.sizes();
    total.raw += sizes.responseBodySize + sizes.responseHeadersSize;
    // Pagefind's .pf_* files are gzipped already, so gzip never counts more than the raw body.
    const body = await (await request.response())?.body();
    if (body) total.gzip += Math.min(body.length, gzipSync(body).length) + sizes.responseHeadersSize;
  });
  return () => total;
}

const server = await serveStatic(out);
const browser = await launchChromium();
const rows: { name: string; coldKB: number; coldGzKB: number; coldMs: number; typedKB?: number; typedMs?: number }[] = [];
for (const query of queries) {
  const cold: { kb: number; gzKb: number; ms: number }[] = [];
  const typed: { kb: number; ms: number }[] = [];
  for (let run = 0; run < runs; run++) {
    // Cold: a new browser profile opens the search URL; bytes are everything the search fetched.
    const context = await browser.newContext();
    const page = await context.newPage();
    const bytes = countBytes(page, (url) => url.includes("/pagefind/") || url.endsWith("/search.js") || url.includes("/search.js?"));
    await page.goto(`${server.url}search/${query.url}`);
    await page.waitForSelector("#search-results li", { timeout: 120_000 });
    const ms = await page.evaluate(() => {
      const first = performance.getEntriesByName("first-result")[0];
      return first ? first.startTime : performance.now();
    });
    await page.waitForLoadState("networkidle");
    const { raw, gzip } = bytes();
    cold.push({ kb: raw / 1024, gzKb: gzip / 1024, ms });
    await context.close();

    if (query.typed) {
      // Typed: the search page is open and Pagefind loaded; time from the keystroke to the first result.
      const warm = await browser.newContext();
      const typing = await warm.newPage();
      await typing.goto(`${server.url}search/`);
      await typing.waitForLoadState("networkidle");
      const bytes = countBytes(typing);
      // Timed inside the page: from the input event to the page's own first-result mark.
      await typing.evaluate(() => {
        document.getElementById("search-query")?.addEventListener("input", () => performance.mark("typed"), { once: true });
      });
      await typing.locator("#search-query").fill(query.typed);
      await typing.waitForSelector("#search-results li", { timeout: 120_000 });
      const ms = await typing.evaluate(() => {
        const [typedMark] = performance.getEntriesByName("typed");
        const [first] = performance.getEntriesByName("first-result");
        return (first?.startTime ?? Number.NaN) - (typedMark?.startTime ?? Number.NaN);
      });
      await typing.waitForLoadState("networkidle");
      typed.push({ kb: bytes().raw / 1024, ms });
      await warm.close();
    }
  }
  rows.push({
    name: query.name,
    coldKB: median(cold.map((c) => c.kb)),
    coldGzKB: median(cold.map((c) => c.gzKb)),
    coldMs: median(cold.map((c) => c.ms)),
    ...(typed.length ? { typedKB: median(typed.map((c) => c.kb)), typedMs: median(typed.map((c) => c.ms)) } : {}),
  });
}
await browser.close();
await server.close();

const fmt = (n: number | undefined, digits = 0): string => (n === undefined ? "—" : n.toFixed(digits));
console.log(`Search bench: ${articles.toLocaleString("en-US")} corpus articles, build ${buildSeconds.toFixed(1)} s`);
console.log(`index time (median of ${runs}): ${median(indexTimes).toFixed(2)} s   runs: ${indexTimes.map((t) => t.toFixed(2)).join(", ")}`);
console.log(`index size: ${(indexBytes / 1024 / 1024).toFixed(2)} MiB in ${indexFiles} files`);
console.log("");
console.log("query          | cold: KB fetched | cold: KB gzipped | cold: ms to first result | typed: KB fetched | typed: ms to first result");
console.log("---------------|-----------------:|-----------------:|-------------------------:|------------------:|-------------------------:");
for (const row of rows) {
  console.log(
    `${row.name.padEnd(15)}| ${fmt(row.coldKB).padStart(16)} | ${fmt(row.coldGzKB).padStart(16)} | ${fmt(row.coldMs).padStart(24)} | ${fmt(row.typedKB).padStart(17)} | ${fmt(row.typedMs).padStart(24)}`,
  );
}
console.log(`\nMedians of ${runs} runs in Chromium on 127.0.0.1. Cold: a new profile opens /search/?q=… (ms from navigation start).`);
console.log("Typed: Pagefind already loaded; ms from the input event to the first result, including the page's debounce.");

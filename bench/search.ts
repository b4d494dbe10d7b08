// npm run bench:search — builds a site from 10,000 corpus articles and measures the search:
// index time and size, and per query the bytes a cold browser fetches and the time to its first result.
import { execFile } from "node:child_process";
import { cp, readdir, rm, stat } from "node:fs/promises";
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
const indexTimes: number[] = [];
for (let run = 0; run < runs; run++) {
  const copy = `${out}-index`;
  await rm(copy, { recursive: true, force: true });
  await cp(out, copy, { recursive: true, filter: (source) => !source.includes(`${path.sep}pagefind`) });
  const t = performance.now();
  await indexSite(copy, { title: "Dateline", lang: "en", pathPrefix: "/" });
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

/** Bytes of every response the page receives from now on. */
function countBytes(page: Page): () => number {
  let bytes = 0;
  page.on("requestfinished", async (request) => {
    const sizes = await request.sizes();
    bytes += sizes.responseBodySize + sizes.responseHeadersSize;
  });
  return () => bytes;
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
    let searchBytes = 0;
    let gzipBytes = 0;
    page.on("requestfinished", async (request) => {
      if (!request.url().includes("/pagefind/") && !request.url().endsWith("/search.js")) return;
      const sizes = await request.sizes();
      searchBytes += sizes.responseBodySize + sizes.responseHeadersSize;
      // What a host that gzips responses would send (Pagefind's .pf_* files are gzipped already).
      const body = await (await request.response())?.body();
      if (body) gzipBytes += Math.min(body.length, gzipSync(body).length) + sizes.responseHeadersSize;
    });
    await page.goto(`${server.url}search/${query.url}`);
    await page.waitForSelector("#search-results li", { timeout: 120_000 });
    const ms = await page.evaluate(() => {
      const first = performance.getEntriesByName("first-result")[0];
      return first ? first.startTime : performance.now();
    });
    await page.waitForLoadState("networkidle");
    cold.push({ kb: searchBytes / 1024, gzKb: gzipBytes / 1024, ms });
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
      typed.push({ kb: bytes() / 1024, ms });
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

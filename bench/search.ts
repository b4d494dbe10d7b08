// npm run bench:search — builds a site from 10,000 corpus articles and measures the search:
// index time and size, and per query the bytes a cold browser fetches and the time to its first result.
import { execFile } from "node:child_process";
import { cp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { indexSite, type IndexOptions, type IndexSummary } from "../src/search/index.ts";
import { launchChromium } from "../tests/helpers/browser.ts";
import { serveStatic } from "../tests/helpers/static-server.ts";
import { corpusSeeds, median, root } from "./corpus.ts";
import { treeRss } from "./measure.ts";
import { emptyTrash, setAside } from "./set-aside.ts";

const count = Number(process.env["BENCH_ARTICLES"] ?? 10_000);
const runs = 3;
const queries: { name: string; url: string; typed?: string }[] = [
  { name: "common word", url: "?q=oil", typed: "oil" },
  { name: "name", url: "?q=Baker", typed: "Baker" },
  { name: "rare word", url: "?q=zinc", typed: "zinc" },
  { name: "two words", url: "?q=interest+rates", typed: "interest rates" },
  // March 1987: all but a few days of the 10k site, the oldest shards of the larger ones.
  { name: "date range", url: "?q=oil&from=1987-03&to=1987-03" },
  { name: "filter only", url: "?month=1987-03" },
];

const seeds = await corpusSeeds(count);
const out = path.join(root, "bench", "out", "search");
// Every copy is moved aside rather than deleted before a timed run (see set-aside.ts), and deleted at the end.
await emptyTrash(true);
await setAside(out);
const started = performance.now();
await promisify(execFile)(process.execPath, [path.join(root, "bin", "dateline.js"), "build", "--seeds", seeds, "--out", out, "--quiet"], { maxBuffer: 1 << 26 });
const buildSeconds = (performance.now() - started) / 1000;

// Index time: Pagefind over the rendered site, on a fresh copy each run; sharded as a build does,
// and as one index (one shard as large as the archive) for comparison, each cold (no previous site)
// and the shards warm (the previous site beside it, one article page changed).
const articles: { url: string; date: string }[] = [];
const api = JSON.parse(await readFile(path.join(out, "api", "index.json"), "utf8")) as { years: { year: number }[] };
for (const { year } of api.years) {
  const records = JSON.parse(await readFile(path.join(out, "api", `${year}.json`), "utf8")) as { url: string; date: string }[];
  articles.push(...records.map(({ url, date }) => ({ url, date })));
}
const site = { title: "Dateline", lang: "en", pathPrefix: "/" };
const oneIndex = { shardSize: Number.MAX_SAFE_INTEGER };
const single = `${out}-single`;

/** Peak RSS of the Pagefind processes this process starts (from its worker threads too), sampled every 50 ms. */
function samplePagefind(): () => number {
  let peak = 0;
  const timer = setInterval(() => {
    void treeRss(process.pid).then((processes) => {
      for (const { name, kib } of processes) if (name.startsWith("pagefind")) peak = Math.max(peak, kib * 1024);
    });
  }, 50);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

async function copySite(to: string): Promise<void> {
  await setAside(to);
  await cp(out, to, { recursive: true, filter: (source) => !source.includes(`${path.sep}pagefind`) });
}

interface IndexRun {
  readonly seconds: number;
  readonly peakRss: number;
  readonly summary: IndexSummary;
}
async function timeIndex(dir: string, options: IndexOptions): Promise<IndexRun> {
  const stop = samplePagefind();
  const t = performance.now();
  const summary = await indexSite(dir, site, articles, options);
  return { seconds: (performance.now() - t) / 1000, peakRss: stop(), summary };
}

const coldRuns: IndexRun[] = [];
const singleRuns: IndexRun[] = [];
const warmRuns: IndexRun[] = [];
const scratch = `${out}-index`;
const changed = path.join(scratch, ...articles[Math.floor(articles.length / 2)]!.url.split("/"), "index.html");
// BENCH_SEARCH_SITES given: only the searches are measured (the index's build times are the 10k bench's own business).
const larger = (process.env["BENCH_SEARCH_SITES"] ?? "").split(",").filter(Boolean);
const timeIndexing = larger.length === 0;
if (timeIndexing) {
  for (let run = 0; run < runs; run++) {
    await copySite(scratch);
    coldRuns.push(await timeIndex(scratch, {}));
    // Warm: the site just indexed is the previous one; one article page changes in the next.
    const next = `${out}-next`;
    await copySite(next);
    const page = path.join(next, path.relative(scratch, changed));
    await writeFile(page, (await readFile(page, "utf8")).replace("</article>", "<p>Corrected.</p></article>"));
    warmRuns.push(await timeIndex(next, { previous: scratch }));
    await setAside(next);
    await copySite(single);
    singleRuns.push(await timeIndex(single, oneIndex));
  }
  await setAside(scratch);
} else {
  await copySite(single);
  singleRuns.push(await timeIndex(single, oneIndex));
}

async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}
const shardedSize = await folderSize(path.join(out, "pagefind"));
const singleSize = await folderSize(path.join(single, "pagefind"));
const shards = (JSON.parse(await readFile(path.join(out, "pagefind", "shards.json"), "utf8")) as { shards: { articles: number }[] }).shards;

/** A response the page received: when it ended (epoch ms), and its bytes as sent and as a gzipping host would send them. */
interface Received {
  readonly end: number;
  readonly raw: number;
  readonly gzip: number;
}

/** The responses the page receives from now on, for URLs `only` accepts (workers' requests included); `settled` once all are read. */
function recordResponses(page: Page, only: (url: string) => boolean = () => true): { received: Received[]; settled: () => Promise<unknown> } {
  const received: Received[] = [];
  const reading: Promise<void>[] = [];
  page.on("requestfinished", (request) => {
    if (!only(request.url())) return;
    reading.push(
      (async () => {
        const sizes = await request.sizes();
        const timing = request.timing();
        // Pagefind's .pf_* files are gzipped already, so gzip never counts more than the raw body.
        const body = await (await request.response())?.body();
        const gzip = body ? Math.min(body.length, gzipSync(body).length) : 0;
        received.push({ end: timing.startTime + timing.responseEnd, raw: sizes.responseBodySize + sizes.responseHeadersSize, gzip: gzip + sizes.responseHeadersSize });
      })(),
    );
  });
  return { received, settled: () => Promise.allSettled(reading) };
}

/** KB of the responses that ended by `until` (epoch ms), or of all of them. */
function kb(received: readonly Received[], key: "raw" | "gzip", until = Number.POSITIVE_INFINITY): number {
  return received.filter((response) => response.end <= until).reduce((sum, response) => sum + response[key], 0) / 1024;
}

interface Row {
  readonly name: string;
  /** Cold: KB (gzipped) until the first results are on screen, ms to them, ms to the exact total, KB in all. */
  readonly coldGzKB: number;
  readonly coldMs: number;
  readonly countedMs: number;
  readonly allGzKB: number;
  readonly typedGzKB?: number;
  readonly typedMs?: number;
}
const browser = await launchChromium();

/** Epoch ms of a User Timing mark on the page, once it exists. */
async function markTime(page: Page, name: string): Promise<number> {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, name, { timeout: 300_000 });
  return page.evaluate((mark) => performance.timeOrigin + performance.getEntriesByName(mark)[0]!.startTime, name);
}

/** Every query on the site in `dir`: medians of `runs` cold visits and typed searches. */
async function measureQueries(dir: string): Promise<Row[]> {
  const server = await serveStatic(dir);
  const rows: Row[] = [];
  const searchFiles = (url: string): boolean => url.includes("/pagefind/") || url.endsWith("/search.js") || url.includes("/search.js?");
  for (const query of queries) {
    const cold: { gzKb: number; ms: number; countedMs: number; allGzKb: number }[] = [];
    const typed: { gzKb: number; ms: number }[] = [];
    for (let run = 0; run < runs; run++) {
      // Cold: a new browser profile opens the search URL; bytes are what the search fetched until its first results.
      const context = await browser.newContext();
      const page = await context.newPage();
      const { received, settled } = recordResponses(page, searchFiles);
      await page.goto(`${server.url}search/${query.url}`);
      // The page marks its last word ("counted") in any case, its first result only if there is one.
      const counted = await markTime(page, "counted");
      const first = (await page.evaluate(() => performance.getEntriesByName("first-result").length)) > 0 ? await markTime(page, "first-result") : counted;
      await page.waitForLoadState("networkidle");
      await settled();
      const start = await page.evaluate(() => performance.timeOrigin);
      cold.push({ gzKb: kb(received, "gzip", first), ms: first - start, countedMs: counted - start, allGzKb: kb(received, "gzip") });
      await context.close();

      if (query.typed) {
        // Typed: the search page is open and Pagefind ready; from the keystroke to the first result.
        const warm = await browser.newContext();
        const typing = await warm.newPage();
        await typing.goto(`${server.url}search/`);
        await typing.waitForFunction(() => document.documentElement.dataset["search"] === "ready", null, { timeout: 300_000 });
        await typing.waitForLoadState("networkidle");
        const { received, settled } = recordResponses(typing);
        await typing.evaluate(() => {
          document.getElementById("search-query")?.addEventListener("input", () => performance.mark("typed"), { once: true });
        });
        await typing.locator("#search-query").fill(query.typed);
        const typedAt = await markTime(typing, "typed");
        const firstAt = await markTime(typing, "first-result");
        await markTime(typing, "counted");
        await typing.waitForLoadState("networkidle");
        await settled();
        typed.push({ gzKb: kb(received, "gzip", firstAt), ms: firstAt - typedAt });
        await warm.close();
      }
    }
    rows.push({
      name: query.name,
      coldGzKB: median(cold.map((c) => c.gzKb)),
      coldMs: median(cold.map((c) => c.ms)),
      countedMs: median(cold.map((c) => c.countedMs)),
      allGzKB: median(cold.map((c) => c.allGzKb)),
      ...(typed.length ? { typedGzKB: median(typed.map((c) => c.gzKb)), typedMs: median(typed.map((c) => c.ms)) } : {}),
    });
  }
  await server.close();
  return rows;
}

const shardedRows = await measureQueries(out);
const singleRows = await measureQueries(single);
// Sites built beforehand (BENCH_SEARCH_SITES=dir,dir…: e.g. the 114k and 1M corpus sites), measured in the same run as the 10k site.
const largerRows: [string, Row[]][] = [];
for (const dir of larger) largerRows.push([dir, await measureQueries(dir)]);
await browser.close();
await setAside(single);
await emptyTrash(false);

const fmt = (n: number | undefined, digits = 0): string => (n === undefined ? "—" : n.toFixed(digits));
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const seconds = (list: readonly IndexRun[]): string => `${median(list.map((r) => r.seconds)).toFixed(2)} s (runs ${list.map((r) => r.seconds.toFixed(2)).join(", ")})`;
console.log(`Search bench: ${articles.length.toLocaleString("en-US")} articles from ${count.toLocaleString("en-US")} corpus seeds, build ${buildSeconds.toFixed(1)} s`);
console.log(`shards: ${shards.length} of ${shards.map((shard) => shard.articles).join(", ")} articles`);
if (timeIndexing) console.log(`index, shards, cold:     ${seconds(coldRuns)}, Pagefind peak RSS ${mib(Math.max(...coldRuns.map((r) => r.peakRss)))}`);
if (timeIndexing) console.log(`index, shards, warm:     ${seconds(warmRuns)} after one article page changed: ${warmRuns[0]!.summary.reused} of ${warmRuns[0]!.summary.shards} shards reused, ${warmRuns[0]!.summary.pages} pages read`);
console.log(`index, one index, cold:  ${seconds(singleRuns)}, Pagefind peak RSS ${mib(Math.max(...singleRuns.map((r) => r.peakRss)))}`);
console.log(`index size: shards ${(shardedSize.bytes / 2 ** 20).toFixed(2)} MiB in ${shardedSize.files} files; one index ${(singleSize.bytes / 2 ** 20).toFixed(2)} MiB in ${singleSize.files} files`);

/** A target's line: the figure, the bound, met or missed. */
const target = (what: string, figure: number, bound: number, unit: string): string => `${figure <= bound ? "met   " : "MISSED"} ${what}: ${fmt(figure, unit === "×" ? 2 : 0)} ${unit} (≤ ${bound} ${unit})`;
for (const [label, rows] of [["10k, shards", shardedRows], ["10k, one index", singleRows], ...largerRows] as const) {
  console.log(`\n${label}`);
  console.log("query          | cold: KB gz to first results | ms to first results | ms to exact total | KB gz in all | typed: KB gz to first results | typed: ms");
  console.log("---------------|-----------------------------:|--------------------:|------------------:|-------------:|------------------------------:|---------:");
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(15)}| ${fmt(row.coldGzKB).padStart(28)} | ${fmt(row.coldMs).padStart(19)} | ${fmt(row.countedMs).padStart(17)} | ${fmt(row.allGzKB).padStart(12)} | ${fmt(row.typedGzKB).padStart(29)} | ${fmt(row.typedMs).padStart(8)}`,
    );
  }
  if (rows === shardedRows || rows === singleRows) continue;
  // Issue 21's targets, against the 10k site measured in this run.
  for (const [i, row] of rows.entries()) {
    const reference = shardedRows[i]!;
    console.log(`  ${row.name}:`);
    console.log(`    ${target("first search, KB gzipped to first results", row.coldGzKB, 400, "KB")}`);
    console.log(`    ${target("first search, time to first results vs 10k", row.coldMs / reference.coldMs, 1.5, "×")}`);
    if (row.typedGzKB !== undefined) console.log(`    ${target("typed query, KB gzipped to first results", row.typedGzKB, 150, "KB")}`);
    if (row.typedMs !== undefined && reference.typedMs !== undefined) console.log(`    ${target("typed query, time to first results vs 10k", row.typedMs / reference.typedMs, 1.5, "×")}`);
  }
}
console.log(`\nMedians of ${runs} runs in Chromium on 127.0.0.1. Cold: a new profile opens /search/?q=… (ms from navigation start);`);
console.log("KB are as a gzipping host sends them, counted until the page marks its first result; the exact total and filter counts come after.");
console.log("Typed: Pagefind ready; ms from the input event to the first result, including the page's debounce.");

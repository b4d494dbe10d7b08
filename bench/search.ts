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

interface Row {
  readonly name: string;
  readonly coldKB: number;
  readonly coldGzKB: number;
  readonly coldMs: number;
  readonly typedKB?: number;
  readonly typedMs?: number;
}
const browser = await launchChromium();

/** Every query on the site in `dir`: medians of `runs` cold visits and typed searches. */
async function measureQueries(dir: string): Promise<Row[]> {
  const server = await serveStatic(dir);
  const rows: Row[] = [];
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
        // Pagefind has loaded every shard once the empty search page shows its filters.
        await typing.waitForSelector("#search-filters fieldset", { timeout: 300_000 });
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
  await server.close();
  return rows;
}

const shardedRows = await measureQueries(out);
const singleRows = await measureQueries(single);
await browser.close();
await setAside(single);
await emptyTrash(false);

const fmt = (n: number | undefined, digits = 0): string => (n === undefined ? "—" : n.toFixed(digits));
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const seconds = (list: readonly IndexRun[]): string => `${median(list.map((r) => r.seconds)).toFixed(2)} s (runs ${list.map((r) => r.seconds.toFixed(2)).join(", ")})`;
console.log(`Search bench: ${articles.length.toLocaleString("en-US")} articles from ${count.toLocaleString("en-US")} corpus seeds, build ${buildSeconds.toFixed(1)} s`);
console.log(`shards: ${shards.length} of ${shards.map((shard) => shard.articles).join(", ")} articles`);
console.log(`index, shards, cold:     ${seconds(coldRuns)}, Pagefind peak RSS ${mib(Math.max(...coldRuns.map((r) => r.peakRss)))}`);
console.log(`index, shards, warm:     ${seconds(warmRuns)} after one article page changed: ${warmRuns[0]!.summary.reused} of ${warmRuns[0]!.summary.shards} shards reused, ${warmRuns[0]!.summary.pages} pages read`);
console.log(`index, one index, cold:  ${seconds(singleRuns)}, Pagefind peak RSS ${mib(Math.max(...singleRuns.map((r) => r.peakRss)))}`);
console.log(`index size: shards ${(shardedSize.bytes / 2 ** 20).toFixed(2)} MiB in ${shardedSize.files} files; one index ${(singleSize.bytes / 2 ** 20).toFixed(2)} MiB in ${singleSize.files} files`);
for (const [label, rows] of [["shards", shardedRows], ["one index", singleRows]] as const) {
  console.log(`\n${label}`);
  console.log("query          | cold: KB fetched | cold: KB gzipped | cold: ms to first result | typed: KB fetched | typed: ms to first result");
  console.log("---------------|-----------------:|-----------------:|-------------------------:|------------------:|-------------------------:");
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(15)}| ${fmt(row.coldKB).padStart(16)} | ${fmt(row.coldGzKB).padStart(16)} | ${fmt(row.coldMs).padStart(24)} | ${fmt(row.typedKB).padStart(17)} | ${fmt(row.typedMs).padStart(24)}`,
    );
  }
}
console.log(`\nMedians of ${runs} runs in Chromium on 127.0.0.1. Cold: a new profile opens /search/?q=… (ms from navigation start).`);
console.log("Typed: Pagefind already loaded; ms from the input event to the first result, including the page's debounce.");

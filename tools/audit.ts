// npm run audit — Lighthouse over a 2,000-article corpus site served on 127.0.0.1: home, an article,
// an archive page and a search, each category scored 0–100. Slow, so never part of npm test.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { corpusSeeds, root } from "../bench/corpus.ts";
import { chromiumPath } from "../tests/helpers/browser.ts";
import { freePort, serveStatic } from "../tests/helpers/static-server.ts";

const out = path.join(root, "bench", "out", "audit");
const seeds = await corpusSeeds(2000);
// Built for the URL it is served from, so canonical URLs are absolute and point at the audited site.
const port = await freePort();
await promisify(execFile)(process.execPath, [path.join(root, "bin", "dateline.js"), "build", "--seeds", seeds, "--out", out, "--base-url", `http://127.0.0.1:${port}`, "--quiet"], { maxBuffer: 1 << 26 });
const server = await serveStatic(out, "/", { asHost: true, port });

const api = JSON.parse(await readFile(path.join(out, "api", "1987.json"), "utf8")) as { url: string }[];
const article = new URL(api[0]?.url ?? "/").pathname;
const pages = [
  ["home", "/"],
  ["article", article],
  ["archive", "/1987/03/"],
  ["search", "/search/?q=oil"],
] as const;

const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
});
const categories = ["performance", "accessibility", "best-practices", "seo"] as const;
const rows: string[] = [];
let lowest = 100;
try {
  for (const [name, url] of pages) {
    const result = await lighthouse(new URL(url.slice(1), server.url).href, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...categories] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const scores = categories.map((category) => Math.round((result.lhr.categories[category]?.score ?? 0) * 100));
    lowest = Math.min(lowest, ...scores);
    const failing = Object.values(result.lhr.audits)
      .filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== "informative" && audit.scoreDisplayMode !== "manual")
      .map((audit) => audit.id);
    rows.push(`${name.padEnd(8)} | ${scores.map((score) => String(score).padStart(11)).join(" | ")} | ${failing.join(", ") || "—"}`);
  }
} finally {
  await chrome.kill();
  await server.close();
}

// Page weight: what a reader downloads to read an article (HTML and CSS), gzipped as hosts send it.
const html = await readFile(path.join(out, article, "index.html"));
const css = await readFile(path.join(out, "assets", "dateline.css"));
const weight = (gzipSync(html).length + gzipSync(css).length) / 1024;

console.log(`Lighthouse 12.2.3 (mobile, simulated throttling), Chromium, 2,000 corpus articles on 127.0.0.1`);
console.log(`page     | ${categories.map((category) => category.padStart(11)).join(" | ")} | audits under 90`);
console.log(`---------|${categories.map(() => "------------:").join("|")}|---`);
for (const row of rows) console.log(row);
console.log(`\narticle page weight: ${weight.toFixed(1)} KB gzipped (HTML ${(gzipSync(html).length / 1024).toFixed(1)} KB + CSS ${(gzipSync(css).length / 1024).toFixed(1)} KB), no JavaScript`);
process.exitCode = lowest >= 95 && weight < 30 ? 0 : 1;

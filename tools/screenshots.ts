// npm run screenshots — builds a demo site from the corpus and saves PNG screenshots of the home page,
// an article, an archive page and a search with results, in light and dark, into docs/.
import { execFile } from "node:child_process";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { corpusSeeds, root } from "../bench/corpus.ts";
import { launchChromium } from "../tests/helpers/browser.ts";
import { serveStatic } from "../tests/helpers/static-server.ts";

const out = path.join(root, "bench", "out", "screenshots");
const docs = path.join(root, "docs");
const seeds = await corpusSeeds(1000, 3);
await promisify(execFile)(process.execPath, [path.join(root, "bin", "dateline.js"), "build", "--seeds", seeds, "--out", out, "--title", "Wire Archive", "--quiet"], {
  maxBuffer: 1 << 26,
});
const year = JSON.parse(await readFile(path.join(out, "api", "1989.json"), "utf8")) as { url: string; words: number }[];
// A story long enough to show a page of text.
const article = year.find((record) => record.words > 150 && record.words < 260)?.url ?? year[0]?.url ?? "/";

const shots = [
  ["home", "/"],
  ["article", article],
  ["archive", "/1988/03/"],
  ["search", "/search/?q=oil+prices&year=1989"],
] as const;

await mkdir(docs, { recursive: true });
const server = await serveStatic(out);
const browser = await launchChromium();
try {
  for (const colorScheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1100, height: 820 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const [name, url] of shots) {
      await page.goto(new URL(url.slice(1), server.url).href);
      if (name === "search") await page.waitForSelector("#search-results li");
      await page.waitForLoadState("networkidle");
      const file = path.join(docs, `${name}-${colorScheme}.png`);
      await page.screenshot({ path: file });
      console.log(path.relative(root, file));
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

const config = {
  extends: ["html-validate:recommended"],
  rules: {
    // News headlines run to 110 characters by design; this rule is SEO advice, not validity.
    "long-title": "off",
    // A raw `>` in text is valid HTML: unified escapes only what must be (`<`, `&`), and the
    // escaping tests check those. This stylistic rule would flag every `>` in an article.
    "no-raw-characters": "off",
  },
};

/**
 * html-validate's messages for each page that has any, as `file:line:col rule message`, in file order. Thousands of
 * pages are validated in a worker thread per core (validation is CPU-bound: ~10 ms a page).
 */
export async function invalidPages(dir: string, files: readonly string[]): Promise<string[]> {
  const pages = files.filter((name) => name.endsWith(".html"));
  const threads = Math.max(1, Math.min(availableParallelism(), Math.ceil(pages.length / 500)));
  const shares = Array.from({ length: threads }, (_, i) => pages.filter((_page, j) => j % threads === i));
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<string[]>((resolve, reject) => {
          const worker = new Worker(new URL("./validate-pages.mjs", import.meta.url), { workerData: { dir, files: share, config } });
          worker.once("message", resolve);
          worker.once("error", reject);
        }),
    ),
  );
  const order = new Map(pages.map((page, i) => [page, i]));
  return results.flat().sort((a, b) => (order.get(a.split(":")[0] ?? "") ?? 0) - (order.get(b.split(":")[0] ?? "") ?? 0));
}

/**
 * Internal links (href and src) of every page that do not resolve to a file of the site
 * served at `prefix`: `/x/` must have `x/index.html`, `/x.xml` must exist.
 */
export async function brokenLinks(dir: string, files: readonly string[], prefix = "/"): Promise<string[]> {
  const broken: string[] = [];
  const seen = new Map<string, boolean>();
  for (const file of files.filter((name) => name.endsWith(".html"))) {
    const html = await readFile(path.join(dir, file), "utf8");
    for (const [, url = ""] of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      if (/^[a-z]+:/i.test(url) || url.startsWith("//") || url.startsWith("#")) continue;
      const pathname = decodeURI(url.split(/[?#]/)[0] ?? "");
      if (!pathname.startsWith(prefix)) {
        broken.push(`${file}: ${url} is outside ${prefix}`);
        continue;
      }
      const target = path.join(dir, pathname.slice(prefix.length), pathname.endsWith("/") ? "index.html" : "");
      if (!seen.has(target)) seen.set(target, await stat(target).then((s) => s.isFile(), () => false));
      if (!seen.get(target)) broken.push(`${file}: ${url}`);
    }
  }
  return broken;
}

import { cp, mkdir, mkdtemp, readdir, readFile, rm, statfs, writeFile } from "node:fs/promises";
import path from "node:path";
import { cacheFile } from "../src/cache/cache-file.ts";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { planShards, startIndexing, type ShardArticle, type ShardPlan } from "../src/search/index.ts";
import { indexedPart, pagefindInput } from "../src/search/fingerprint-shard.ts";
import { HandedPages } from "../src/search/handed-pages.ts";
import { indexShard } from "../src/search/index-shard.ts";
import { datelineHere as dateline, hashTree, removeTempDirs, root, siteFiles, tempDir } from "./helpers/cli.ts";

afterAll(removeTempDirs);

/** A deterministic stream of numbers in [0, 1), so the same archive comes out every run. */
function numbers(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** `count` articles spread over 400 days of 1987–1988, with unique URLs. */
function archive(count: number, random = numbers(42), first = 0): ShardArticle[] {
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(1987, 0, 1) + Math.floor(random() * 400) * 86_400_000).toISOString().slice(0, 10);
    return { url: `/${day.replaceAll("-", "/")}/story-${first + i}/`, date: day };
  });
}

const urlsOf = (shard: ShardPlan): string => shard.articles.map((article) => article.url).join(" ");

describe("planning shards", () => {
  const articles = archive(5000);
  const shards = planShards(articles, 200);

  test("should split the archive into runs of consecutive articles, newest first, at least half and at most one and a half times the shard size", () => {
    const ordered = shards.flatMap((shard) => shard.articles.map((article) => article.date));
    expect(ordered).toHaveLength(5000);
    expect(ordered).toEqual([...ordered].sort().reverse());
    expect(shards.length).toBeGreaterThanOrEqual(5000 / 300);
    expect(shards.length).toBeLessThan(5000 / 100);
    for (const shard of shards) {
      expect(shard.articles.length).toBeGreaterThanOrEqual(100);
      expect(shard.articles.length).toBeLessThanOrEqual(300);
      expect([shard.from, shard.to]).toEqual([shard.articles.at(-1)?.date, shard.articles[0]?.date]);
    }
  });

  test("should plan the same shards whatever order the articles come in", () => {
    const shuffled = [...articles].sort((a, b) => (a.url.length % 7) - (b.url.length % 7) || (a.url < b.url ? 1 : -1));
    expect(planShards(shuffled, 200).map(urlsOf)).toEqual(shards.map(urlsOf));
  });

  test("should keep an archive smaller than the shard size in one shard", () => {
    expect(planShards(archive(199), 200)).toHaveLength(1);
    expect(planShards([], 200)).toEqual([]);
  });

  test("should change only the shard an article joins or leaves, seldom a neighbour, never the rest", () => {
    const before = new Set(shards.map(urlsOf));
    const random = numbers(7);
    const changes: number[] = [];
    for (let i = 0; i < 50; i++) {
      const added = planShards([...articles, ...archive(1, random, 10_000 + i)], 200);
      const gone = Math.floor(random() * articles.length);
      const removed = planShards(articles.filter((_, index) => index !== gone), 200);
      for (const after of [added, removed]) {
        const kept = new Set(after.map(urlsOf));
        // Shards that are gone, and shards that are new: those are indexed again.
        changes.push(Math.max(shards.filter((shard) => !kept.has(urlsOf(shard))).length, after.filter((shard) => !before.has(urlsOf(shard))).length));
      }
    }
    expect(Math.max(...changes)).toBeLessThanOrEqual(3);
    expect(changes.filter((count) => count === 1).length).toBeGreaterThanOrEqual(95);
  });
});

describe("a site built with its search index in shards", () => {
  const fixture = path.join(root, "tests", "fixtures", "site");
  let seeds: string;
  let out: string;
  let cold: Record<string, string>;

  /** Builds `seeds` into `to` with shards of two articles; returns how many pages Pagefind read. */
  async function build(to: string): Promise<number> {
    const run = await dateline(["build", "--seeds", seeds, "--out", to], root, { DATELINE_SEARCH_SHARD_SIZE: "2" });
    expect(run.stderr).not.toContain("Internal error");
    expect(run.code).toBe(0);
    const line = /^index +7 articles searchable, (\d+) pages? indexed/m.exec(run.stderr);
    expect(line, run.stderr).not.toBeNull();
    return Number(line?.[1]);
  }

  const readJson = async (file: string): Promise<unknown> => JSON.parse(await readFile(path.join(out, "pagefind", file), "utf8"));

  beforeAll(async () => {
    const dir = await tempDir("shards");
    seeds = path.join(dir, "seeds");
    out = path.join(dir, "site");
    await cp(fixture, seeds, { recursive: true });
    expect(await build(out)).toBe(7);
    cold = await siteFiles(out);
  });

  test("should write the newest shard as Pagefind's main bundle and the others beside it, all listed in shards.json", async () => {
    const { shards } = (await readJson("shards.json")) as { shards: { id: string; path: string; articles: number }[] };
    expect(shards.length).toBeGreaterThan(1);
    expect(shards.map((shard) => shard.path)).toEqual(["", ...shards.slice(1).map((shard) => `shards/${shard.id}/`)]);
    expect(shards.reduce((sum, shard) => sum + shard.articles, 0)).toBe(7);
    const files = Object.keys(cold);
    expect(files).toContain("pagefind/pagefind.js");
    for (const shard of shards) {
      const entry = (await readJson(`${shard.path}pagefind-entry.json`)) as { languages: Record<string, { page_count: number }> };
      expect(entry.languages["en"]?.page_count).toBe(shard.articles);
      expect(((await readJson(`${shard.path}shard.json`)) as { fingerprint: string }).fingerprint.slice(0, 16)).toBe(shard.id);
    }
    // The runtime and Pagefind's own UI are nowhere but in the main bundle (and the UI not even there).
    expect(files.filter((file) => /^pagefind\/.*\.(js|css|pagefind)$/.test(file))).toEqual([
      "pagefind/pagefind-worker.js",
      "pagefind/pagefind.js",
      "pagefind/wasm.en.pagefind",
      "pagefind/wasm.unknown.pagefind",
    ]);
  });

  test("should write the same index when shards are indexed as their pages are written, in any order", async () => {
    const copy = path.join(await tempDir("shards-written"), "site");
    await cp(out, copy, { recursive: true });
    await rm(path.join(copy, "pagefind"), { recursive: true });
    const articles = (await Promise.all(["2021", "2022"].map(async (year) => JSON.parse(await readFile(path.join(out, "api", `${year}.json`), "utf8")) as ShardArticle[]))).flat();
    const indexer = startIndexing(copy, { title: "Dateline", lang: "en", pathPrefix: "/" }, articles, { shardSize: 2 });
    for (const shard of planShards(articles, 2).reverse()) indexer.written(shard.articles.map((article) => article.url));
    const summary = await indexer.finish();
    const index = (tree: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(tree).filter(([file]) => file.startsWith("pagefind/")));
    expect(index(await hashTree(copy))).toEqual(index(cold));
    // It counts the files it wrote, and gives every article page's digest for the next build.
    expect(summary).toMatchObject({ pages: 7, searchable: 7, shards: 4, reused: 0, files: Object.keys(index(cold)).length });
    expect([...summary.digests.keys()].sort()).toEqual(articles.map((article) => article.url).sort());
  });

  test("should index pages from the HTML the render hands over, before their files are written", async () => {
    const empty = await tempDir("shards-rendered");
    const articles = (await Promise.all(["2021", "2022"].map(async (year) => JSON.parse(await readFile(path.join(out, "api", `${year}.json`), "utf8")) as ShardArticle[]))).flat();
    const indexer = startIndexing(empty, { title: "Dateline", lang: "en", pathPrefix: "/" }, articles, { shardSize: 2 });
    for (const { url } of articles) indexer.rendered(url, await readFile(path.join(out, url, "index.html"), "utf8"));
    await indexer.finish();
    const index = (tree: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(tree).filter(([file]) => file.startsWith("pagefind/")));
    expect(index(await hashTree(empty))).toEqual(index(cold));
  });

  test("should write the same index whatever order the file system lists the pages in", async () => {
    // ext4 lists a folder in the order of its names' hashes, whatever order they were made in; a tmpfs lists the
    // newest first. So copies of the pages made in opposite orders list them in opposite orders on a tmpfs
    // (/dev/shm, where there is one), which is where Pagefind walking the folders gave two different bundles.
    const tmpfs = await statfs("/dev/shm").then((found) => found.type === 0x01021994, () => false);
    const pages = Object.keys(cold).filter((file) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file));
    const articles = (await Promise.all(["2021", "2022"].map(async (year) => JSON.parse(await readFile(path.join(out, "api", `${year}.json`), "utf8")) as ShardArticle[]))).flat();
    const indexes: Record<string, string>[] = [];
    for (const order of [pages, [...pages].reverse()]) {
      const copy = tmpfs ? await mkdtemp("/dev/shm/dateline-order-") : await tempDir("shards-order");
      try {
        for (const file of order) {
          await mkdir(path.dirname(path.join(copy, file)), { recursive: true });
          await cp(path.join(out, file), path.join(copy, file));
        }
        const indexer = startIndexing(copy, { title: "Dateline", lang: "en", pathPrefix: "/" }, articles, { shardSize: 2 });
        indexer.written(articles.map((article) => article.url));
        await indexer.finish();
        indexes.push(await hashTree(path.join(copy, "pagefind")));
      } finally {
        await rm(copy, { recursive: true, force: true });
      }
    }
    expect(indexes[1]).toEqual(indexes[0]);
  });

  test("should give Pagefind a shard's pages in URL order, whatever order they are listed in", async () => {
    const shard = Object.keys(cold).filter((file) => /^2022\/0[23]\/\d{2}\/[^/]+\/index\.html$/.test(file)).map((file) => `/${file.replace(/index\.html$/, "")}`);
    expect(shard.length).toBeGreaterThan(2);
    const settings = { pagefindVersion: "", forceLanguage: "en", indexChunkSize: 2500 };
    const bundles: Record<string, string>[] = [];
    for (const urls of [shard, [...shard].reverse()]) {
      const target = path.join(await tempDir("shard-order"), "bundle");
      expect(await indexShard([out], urls, target, settings, false)).toBe(shard.length);
      bundles.push(await hashTree(target));
    }
    expect(bundles[1]).toEqual(bundles[0]);
  });

  test("should index a shard begun before its last pages are rendered as one given them all, and stop at once when cancelled", async () => {
    const shard = Object.keys(cold).filter((file) => /^2022\/0[23]\/\d{2}\/[^/]+\/index\.html$/.test(file)).map((file) => `/${file.replace(/index\.html$/, "")}`);
    const settings = { pagefindVersion: "", forceLanguage: "en", indexChunkSize: 2500 };
    const fromFiles = path.join(await tempDir("shard-files"), "bundle");
    await indexShard([out], shard, fromFiles, settings, false);
    // Every page promised, none on disk: handed over later, the last in URL order first, one as a file to read.
    const empty = await tempDir("shard-promised");
    const pages = new HandedPages(new Map(), shard);
    const handed = path.join(empty, "bundle");
    const indexing = indexShard([empty], shard, handed, settings, false, pages);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [first, ...rest] = [...shard].sort();
    for (const url of rest.reverse()) pages.hand(url, pagefindInput(await readFile(path.join(out, url, "index.html"), "utf8")));
    await cp(path.join(out, first!, "index.html"), path.join(empty, first!, "index.html"));
    pages.hand(first!);
    expect(await indexing).toBe(shard.length);
    expect(await hashTree(handed)).toEqual(await hashTree(fromFiles));

    // Cancelled with no page to wait for: Pagefind is stopped, not left to finish.
    const cancelled = new HandedPages(new Map());
    const target = path.join(await tempDir("shard-cancelled"), "bundle");
    const stopped = indexShard([out], shard, target, settings, false, cancelled);
    cancelled.cancel(new Error("not needed"));
    await expect(stopped).rejects.toThrow("not needed");
    await expect(readdir(target)).rejects.toThrow("ENOENT");
  });

  test("should copy every shard from the site it replaces when nothing changed", async () => {
    expect(await build(out)).toBe(0);
    expect(await siteFiles(out)).toEqual(cold);
  });

  test("should index again only the shard of a changed article, and write what a cold build writes", async () => {
    const { shards } = (await readJson("shards.json")) as { shards: { from: string; to: string; articles: number }[] };
    const shard = shards.find((candidate) => candidate.from <= "2021-12-31" && "2021-12-31" <= candidate.to);
    const yearEnd = path.join(seeds, "2021", "010_year-end.txt");
    await writeFile(yearEnd, (await readFile(yearEnd, "utf8")).replace("a calmer 2022", "a quieter 2022"));
    expect(await build(out)).toBe(shard?.articles);
    const again = path.join(await tempDir("shards-cold"), "site");
    expect(await build(again)).toBe(7);
    expect(await siteFiles(out)).toEqual(await siteFiles(again));
  });

  test("should index again only the changed article's shard when its headline changes on its neighbours' pages", async () => {
    const { shards } = (await readJson("shards.json")) as { shards: { from: string; to: string; articles: number }[] };
    const shard = shards.find((candidate) => candidate.from <= "2022-02-28" && "2022-02-28" <= candidate.to);
    const chinese = path.join(seeds, "003_chinese.txt");
    const before = await siteFiles(out);
    await writeFile(chinese, (await readFile(chinese, "utf8")).replace("王毅", "王毅部长"));
    expect(await build(out)).toBe(shard?.articles);
    // Article pages of other shards did change, outside the part Pagefind reads: the neighbour's link shows the new headline.
    const after = await siteFiles(out);
    const changed = Object.keys(before).filter((file) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file) && after[file] !== undefined && after[file] !== before[file]);
    const dayOf = (file: string): string => file.slice(0, 10).replaceAll("/", "-");
    expect(changed.filter((file) => dayOf(file) < shard!.from || dayOf(file) > shard!.to)).not.toEqual([]);
    const again = path.join(await tempDir("shards-cold"), "site");
    expect(await build(again)).toBe(7);
    expect(after).toEqual(await siteFiles(again));
  });

  test("should keep every shard when a seed is parsed again but what its page gives the index is the same", async () => {
    // The seed's bytes changed, so its article is parsed again and its shard begun beside the render, then given up.
    const before = await siteFiles(out);
    const yearEnd = path.join(seeds, "2021", "010_year-end.txt");
    await writeFile(yearEnd, `${await readFile(yearEnd, "utf8")}\n\n`);
    expect(await build(out)).toBe(0);
    expect(await siteFiles(out)).toEqual(before);
  });

  test("should index again a shard whose bundle in the previous site lost a file or was edited, once the site is rebuilt as a whole", async () => {
    const { shards } = (await readJson("shards.json")) as { shards: { id: string; path: string; articles: number }[] };
    const [, second, third] = shards;
    const fragments = path.join(out, "pagefind", second!.path, "fragment");
    await rm(path.join(fragments, (await readdir(fragments))[0]!));
    const entry = path.join(out, "pagefind", third!.path, "pagefind-entry.json");
    await writeFile(entry, `${await readFile(entry, "utf8")} `);
    // Updated in place, the site's shards are trusted as their records say: nothing is read to check them.
    expect(await build(out)).toBe(0);
    // Without the page manifest the site is built anew and replaced, taking only the shards still whole from it.
    await rm(cacheFile(path.join(root, ".cache", "dateline"), "pages", out));
    expect(await build(out)).toBe(second!.articles + third!.articles);
    const after = await siteFiles(out);
    const again = path.join(await tempDir("shards-cold"), "site");
    await build(again);
    expect(after).toEqual(await siteFiles(again));
  });
  test("should index a shard again when a page it read before the render gives the index another part once rendered", async () => {
    // The shard of a changed article starts at once, reading its other pages from the published site. Here the change
    // changes one of those too: "Annalena Baerbock" makes the other article's bare "Baerbock" her (the surname merge).
    const other = path.join(seeds, "004_same-headline.txt");
    await writeFile(other, `${await readFile(other, "utf8")}\nForeign Minister Baerbock said the talks had been useful.\n`);
    await build(out);
    const before = await siteFiles(out);
    // 005 stays a duplicate of 001.
    for (const name of ["001_talks.txt", "005_duplicate.txt"]) {
      const seed = path.join(seeds, name);
      await writeFile(seed, `${await readFile(seed, "utf8")}\nGerman Foreign Minister Annalena Baerbock attended the talks.\n`);
    }
    const { shards } = (await readJson("shards.json")) as { shards: { from: string; articles: number }[] };
    expect(await build(out)).toBe(shards[0]?.articles);
    const after = await siteFiles(out);
    // Both articles' pages name her, in the part Pagefind reads; the one not parsed again changed too.
    const pages = Object.keys(after).filter((file) => /^2022\/03\/06\/foreign-ministers/.test(file));
    expect(pages.every((file) => after[file] !== before[file])).toBe(true);
    const baerbock = await Promise.all(pages.map(async (file) => (await readFile(path.join(out, file), "utf8")).includes('data-pagefind-filter="person">Annalena Baerbock')));
    expect(baerbock).toEqual([true, true]);
    const again = path.join(await tempDir("shards-cold"), "site");
    await build(again);
    expect(after).toEqual(await siteFiles(again));
  });
});

describe("the part of a page Pagefind reads", () => {
  const page = (outside: string): string =>
    `<!DOCTYPE html><html lang="en"><head><title>T</title></head><body><nav>Site</nav><main><article class="story" data-pagefind-body>\n<h1>Headline</h1><p>Body</p></article>${outside}</main></body></html>`;

  test("should be the data-pagefind-body element when nothing outside it reaches the index", () => {
    expect(indexedPart(page('<section class="related"><a href="/a/">Another story</a></section>'))).toBe('<article class="story" data-pagefind-body>\n<h1>Headline</h1><p>Body</p></article>');
    expect(indexedPart(page("<nav>One neighbour</nav>"))).toBe(indexedPart(page("<nav>Another neighbour</nav>")));
  });

  test("should be the whole page when a filter, a title or an image could come from outside, or the body is ambiguous", () => {
    for (const outside of ['<p data-pagefind-filter="tag">x</p>', "<h1>Another title</h1>", '<img src="/a.png" alt="">', '<meta data-pagefind-meta="image[content]" content="/a.png">']) {
      expect(indexedPart(page(outside)), outside).toBe(page(outside));
    }
    const nested = '<html><body><div data-pagefind-body><div>inner</div>more</div></body></html>';
    expect(indexedPart(nested)).toBe(nested);
    const twice = '<html><body><main data-pagefind-body>a</main><aside data-pagefind-body>b</aside></body></html>';
    expect(indexedPart(twice)).toBe(twice);
    expect(indexedPart("<p>No body marked</p>")).toBe("<p>No body marked</p>");
  });
});

import { cp, link, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { cacheFile } from "../src/cache/cache-file.ts";
import { codeVersion } from "../src/cache/code-version.ts";
import { readLastBuild } from "../src/cache/last-build.ts";
import { pagesVersion } from "../src/cache/page-manifest.ts";
import { cacheLimits, pruneCache } from "../src/cache/prune-cache.ts";
import { RecordCache } from "../src/cache/record-cache.ts";
import { templateDependencies } from "../src/render/template-dependencies.ts";
import { loadArchive } from "../src/load/index.ts";
import { renderSite } from "../src/render/render-site.ts";
import { datelineHere as dateline, hashTree, removeTempDirs, root, siteFiles, tempDir } from "./helpers/cli.ts";
import { sharedSite } from "./helpers/shared.ts";

afterAll(removeTempDirs);

const fixture = path.join(root, "tests", "fixtures", "site");
const site = { title: "Dateline", lang: "en", pathPrefix: "/" };

const articlePage = /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/;

/** The first article page of a built site. */
async function anArticle(siteDir: string): Promise<string> {
  return Object.keys(await hashTree(siteDir)).find((file) => articlePage.test(file)) ?? "no article page";
}

/** What a build printed about its cache: seeds parsed and cached, files rendered and reused. */
interface Counts {
  readonly parsed: number;
  readonly cached: number;
  readonly rendered: number;
  readonly reused: number;
  /** Files in the site, as the summary line says. */
  readonly files: number;
}

function counts(stderr: string, stdout: string): Counts {
  const parse = /^parse +([\d,]+) seeds?(?:, ([\d,]+) parsed, ([\d,]+) cached)?/m.exec(stderr);
  const render = /^render +([\d,]+) files?(?:, ([\d,]+) reused)?/m.exec(stderr);
  const number = (text: string | undefined): number => Number((text ?? "0").replaceAll(",", ""));
  const built = /\(([\d,]+) files?\) in /.exec(stdout);
  if (!parse || !render || !built) throw new Error(`No parse, render or summary line in:\n${stderr}\n${stdout}`);
  return {
    parsed: parse[2] === undefined ? number(parse[1]) : number(parse[2]),
    cached: number(parse[3]),
    rendered: number(render[1]),
    reused: number(render[2]),
    files: number(built[1]),
  };
}

/** A project folder (its own `.cache/`) with a copy of the fixture seeds, built once. */
async function project(): Promise<{ dir: string; seeds: string; build: (...flags: string[]) => Promise<Counts> }> {
  const dir = await tempDir("cache");
  const seeds = path.join(dir, "seeds");
  await cp(fixture, seeds, { recursive: true });
  const build = async (...flags: string[]): Promise<Counts> => {
    const run = await dateline(["build", "--seeds", "seeds", "--out", "site", ...flags], dir);
    expect(run.stderr).not.toContain("Internal error");
    expect(run.code).toBe(0);
    return counts(run.stderr, run.stdout);
  };
  return { dir, seeds, build };
}

/**
 * The site a cold build (a fresh folder, no cache) makes of the same seeds: built once per run for each content of the
 * seeds and flags, shared with the files that build the same (tests/helpers/shared.ts).
 */
async function coldSite(seeds: string, ...flags: string[]): Promise<Record<string, string>> {
  const run = await sharedSite(seeds, flags);
  expect(run.code).toBe(0);
  return siteFiles(run.out);
}

describe("a warm build", () => {
  test("should parse and render nothing again when nothing changed, and write the same site", async () => {
    const { dir, seeds, build } = await project();
    const cold = await build();
    const before = await siteFiles(path.join(dir, "site"));
    const warm = await build();
    expect(warm.parsed).toBe(0);
    expect(warm.cached).toBe(cold.parsed);
    // Only the pages outside the page arrays (404, robots.txt, feeds…) are rendered every time.
    expect(warm.rendered + warm.reused).toBe(cold.rendered);
    expect(warm.reused).toBeGreaterThan(warm.rendered);
    expect(await siteFiles(path.join(dir, "site"))).toEqual(before);
    expect(before).toEqual(await coldSite(seeds));
    // With the list of changes.
    expect([cold.files, warm.files]).toEqual([Object.keys(before).length + 1, Object.keys(before).length + 1]);
  });

  test("should be byte-identical to a cold build after a seed changed, and leave the live site's files as they were", async () => {
    const { dir, seeds, build } = await project();
    const cold = await build();
    const folder = async (): Promise<number> => (await stat(path.join(dir, "site", "2022", "03"))).ino;
    const coldFolder = await folder();
    for (const [run, name] of [[1, "003_chinese.txt"], [2, "001_talks.txt"]] as const) {
      // Another name for every file of the live site: a build that wrote through one of its links would change it.
      const live = await hashTree(path.join(dir, "site"));
      const names = path.join(dir, `names-${run}`);
      for (const name of Object.keys(live)) {
        await mkdir(path.dirname(path.join(names, name)), { recursive: true });
        await link(path.join(dir, "site", name), path.join(names, name));
      }
      const file = path.join(seeds, name);
      await writeFile(file, (await readFile(file, "utf8")).replace("\n", " A sentence added later.\n"));
      const warm = await build();
      expect(warm.parsed).toBe(1);
      expect(warm.cached).toBe(cold.parsed - 1);
      expect(warm.reused).toBeGreaterThan(0);
      expect(warm.rendered).toBeLessThan(cold.rendered);
      expect(await siteFiles(path.join(dir, "site"))).toEqual(await coldSite(seeds));
      expect(await hashTree(names)).toEqual(live);
    }
    // Updated in place: the site's folders are the cold build's, not new ones.
    expect(await folder()).toBe(coldFolder);
  });

  test("should touch no file of the live site but those its list of changes names", async () => {
    const { dir, seeds, build } = await project();
    await build();
    const site = path.join(dir, "site");
    const identity = async (): Promise<Map<string, string>> => {
      const found = new Map<string, string>();
      for (const file of Object.keys(await hashTree(site))) {
        const { ino, mtimeMs } = await stat(path.join(site, file));
        found.set(file, `${ino} ${mtimeMs}`);
      }
      return found;
    };
    const before = await identity();
    const file = path.join(seeds, "003_chinese.txt");
    await writeFile(file, (await readFile(file, "utf8")).replace("\n", " A sentence added later.\n"));
    await build();
    const listed = new Set((await readFile(path.join(site, ".dateline", "changes.txt"), "utf8")).split("\n").filter(Boolean).map((line) => line.slice(2)));
    const touched = [...(await identity())].filter(([file, id]) => !file.startsWith(".dateline/") && before.get(file) !== id).map(([file]) => file);
    expect(touched.length).toBeGreaterThan(0);
    expect(touched.filter((file) => !listed.has(file))).toEqual([]);
    expect(listed.size).toBeLessThan(before.size / 2);
  });

  test("should be byte-identical to a cold build after a seed was added, and after one was deleted", async () => {
    const { dir, seeds, build } = await project();
    const cold = await build();
    await writeFile(path.join(seeds, "020_added.txt"), " date 2022-03-07 Talks resumed in Geneva on Monday. Both sides sent new delegations.\n");
    const added = await build();
    expect(added.parsed).toBe(1);
    expect(added.cached).toBe(cold.parsed);
    expect(await siteFiles(path.join(dir, "site"))).toEqual(await coldSite(seeds));

    const articlePages = async (): Promise<number> => Object.keys(await hashTree(path.join(dir, "site"))).filter((file) => articlePage.test(file)).length;
    const before = await articlePages();
    await rm(path.join(seeds, "003_chinese.txt"));
    const deleted = await build();
    expect(deleted.parsed).toBe(0);
    expect(await siteFiles(path.join(dir, "site"))).toEqual(await coldSite(seeds));
    expect(await articlePages()).toBe(before - 1);
    // Its folder too, which the page taken from the last build had been linked into.
    expect(await stat(path.join(dir, "site", "2022", "02", "28", "003-chinese")).catch(() => "gone")).toBe("gone");
  });

  test("should trust its manifest rather than read the live site, and put a page edited or deleted by hand right with --no-cache", async () => {
    const { dir, seeds, build } = await project();
    await build();
    const edited = path.join(dir, "site", await anArticle(path.join(dir, "site")));
    await writeFile(edited, (await readFile(edited, "utf8")).replace("<h1", "<h2"));
    await rm(path.join(dir, "site", "2022", "index.html"));
    // A warm build touches only what changed: it does not look at every live file.
    const warm = await build();
    expect(warm.reused).toBeGreaterThan(0);
    expect(await readFile(edited, "utf8")).toContain("<h2");
    await build("--no-cache");
    expect(await siteFiles(path.join(dir, "site"))).toEqual(await coldSite(seeds));
    expect(await readFile(edited, "utf8")).toContain("<h1");
  });

  test("should leave the live site's unchanged files as they were, not rewrite them", async () => {
    const { dir, build } = await project();
    await build();
    const page = path.join(dir, "site", await anArticle(path.join(dir, "site")));
    const before = await stat(page);
    await build();
    const after = await stat(page);
    // The same file, left in place, not rewritten.
    expect([after.ino, after.mtimeMs, after.size]).toEqual([before.ino, before.mtimeMs, before.size]);
  });

  test("should take the last build's pages only for the same code and templates", async () => {
    const { dir, build } = await project();
    await build();
    const manifest = cacheFile(path.join(dir, ".cache", "dateline"), "pages", path.join(dir, "site"));
    const version = pagesVersion(await codeVersion(), await templateDependencies(path.join(root, "templates")));
    const pages = async (version: string): Promise<string[]> => [...(await readLastBuild(manifest, version)).pages.keys()];
    const articles = Object.keys(await hashTree(path.join(dir, "site"))).filter((file) => articlePage.test(file));
    expect(await pages(version)).toEqual(expect.arrayContaining(articles));
    expect(await pages(`${version} edited`)).toEqual([]);
  });

  test("should render every page again when a site option changes", async () => {
    const { dir, seeds, build } = await project();
    const cold = await build();
    const retitled = await build("--title", "The Wire");
    expect(retitled).toMatchObject({ parsed: 0, cached: cold.parsed, rendered: cold.rendered, reused: 0 });
    expect(await siteFiles(path.join(dir, "site"))).toEqual(await coldSite(seeds, "--title", "The Wire"));
  });

  test("should build everything again with --no-cache, and the same site", async () => {
    const { dir, seeds, build } = await project();
    const cold = await build();
    const fresh = await build("--no-cache");
    expect(fresh).toEqual(cold);
    expect(await siteFiles(path.join(dir, "site"))).toEqual(await coldSite(seeds));
  });
});

describe("a damaged cache", () => {
  async function cacheFiles(dir: string): Promise<{ records: string; pages: string }> {
    const cache = path.join(dir, ".cache", "dateline");
    const names = await readdir(cache);
    const find = (prefix: string): string => path.join(cache, names.find((name) => name.startsWith(prefix)) ?? `${prefix}-missing`);
    return { records: find("records-"), pages: find("pages-") };
  }

  test("should be ignored, with a note, when a cache file is truncated or has a changed byte", async () => {
    const { dir, seeds, build } = await project();
    const cold = await build();
    const { records, pages } = await cacheFiles(dir);
    const bytes = await readFile(records);
    await writeFile(records, bytes.subarray(0, bytes.length - 100));
    const manifest = await readFile(pages);
    manifest[40] = manifest[40] === 0x30 ? 0x31 : 0x30;
    await writeFile(pages, manifest);

    const run = await dateline(["build", "--seeds", "seeds", "--out", "site"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^note +record cache ignored: no checksum at the end \(truncated\?\)$/m);
    expect(run.stderr).toMatch(/^note +page cache ignored: checksum mismatch \(damaged\?\)$/m);
    expect(counts(run.stderr, run.stdout)).toMatchObject({ parsed: cold.parsed, cached: 0, rendered: cold.rendered, reused: 0 });
    expect(await siteFiles(path.join(dir, "site"))).toEqual(await coldSite(seeds));
  });

  /** A records file holding one record, saved by Dateline version `v1`. */
  async function savedRecords(): Promise<string> {
    const file = path.join(await tempDir("records"), "records.ndjson");
    const cache = await RecordCache.open(file, "v1");
    cache.set("a".repeat(64), JSON.stringify({ problems: [] }));
    await cache.save();
    return file;
  }

  test("should detect a changed byte in the records, however valid the JSON stays", async () => {
    const file = await savedRecords();
    const bytes = await readFile(file);
    const at = bytes.indexOf("[]");
    bytes[at] = "{".charCodeAt(0);
    bytes[at + 1] = "}".charCodeAt(0);
    await writeFile(file, bytes);
    const reopened = await RecordCache.open(file, "v1");
    expect([reopened.size, reopened.discarded]).toEqual([0, "checksum mismatch (damaged?)"]);
  });

  test("should ignore the records of another Dateline version", async () => {
    const file = await savedRecords();
    expect((await RecordCache.open(file, "v1")).size).toBe(1);
    expect((await RecordCache.open(file, "v2")).discarded).toBe("another format or Dateline version");
  });
});

describe("template dependencies", () => {
  async function templates(files: Record<string, string>): Promise<string> {
    const dir = await tempDir("templates");
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    }
    return dir;
  }

  test("should render none of a list's numbered pages again when a newer article is added", async () => {
    const dir = await tempDir("numbered");
    await mkdir(path.join(dir, "seeds"));
    await writeFile(path.join(dir, "dateline.config.yaml"), "pageSize: 4\narchivePageSize: 4\nentityPageSize: 4\n");
    const seed = (n: number, day: string): Promise<void> =>
      writeFile(path.join(dir, "seeds", `${String(n).padStart(2, "0")}.txt`), ` date 2022-03-${day} Ministers met in Paris for talks number ${n} with Wang Yi, who said "we will talk again".\n`);
    for (let n = 1; n <= 10; n++) await seed(n, n <= 5 ? "06" : "07");
    const build = async (): Promise<string[]> => {
      const run = await dateline(["build", "--seeds", "seeds", "--out", "site"], dir);
      expect(run.code).toBe(0);
      return (await readFile(path.join(dir, "site", ".dateline", "changes.txt"), "utf8")).split("\n").filter(Boolean);
    };
    await build();
    const numbered = Object.keys(await hashTree(path.join(dir, "site"))).filter((file) => /(^|\/)page\/\d+\/index\.html$/.test(file));
    // Home, year, month, day, Paris, Wang Yi and his quotations: ten articles by four make two pages each.
    expect(numbered.length).toBeGreaterThanOrEqual(6);
    // The eleventh, on the newest day and last in its order: no list gets a new page (11 by 4 are still two).
    await seed(11, "07");
    const changed = await build();
    expect(changed).toContain("M index.html");
    expect(changed).toContain("M places/paris/index.html");
    expect(changed.filter((line) => numbered.some((file) => line.endsWith(` ${file}`)))).toEqual([]);
    // What changed is said on each list's own page only.
    const html = (file: string): Promise<string> => readFile(path.join(dir, "site", file), "utf8");
    expect(await html("places/paris/index.html")).toContain("11 articles");
    expect(await html("places/paris/page/1/index.html")).not.toMatch(/\d+ articles/);
    expect(await html("page/1/index.html")).toContain('<meta name="description" content="Latest, page 1">');
  });

  test("should find each page array with the Archive values its template, layout and includes show", async () => {
    const dir = await templates({
      "story.njk": '---js\nconst pagination = { data: "archive.storyPages", size: 1, alias: "entry" };\n---\n{% include "pages/story.njk" %}',
      "_includes/pages/story.njk": '{% extends "layouts/base.njk" %}{% block main %}{{ entry.title }} of {{ archive.articles[0].date }}{% endblock %}',
      "_includes/layouts/base.njk": '<a href="/archive/">{{ archive.site.title }}</a> {{ archive.articles.length | thousands }} {{ (archive.years | last).year }}',
      "feed.njk": "---\npermalink: /feed.xml\n---\n{% for article in archive.latest %}{{ article.title }}{% endfor %}",
      "list.njk": '---js\nconst pagination = { data: "archive.listPages", size: 1, alias: "listing" };\n---\n{{ listing.url }}{% set all = archive %}',
      "shown.njk": '---js\nconst pagination = { data: "archive.shownPages", size: 1, alias: "listing" };\n---\n{{ listing.url }}',
      "count.njk": "---\npermalink: /count/\n---\n{{ archive.shownPages.length }}",
      // Markup in a layout, named in JavaScript or YAML front matter, or by an expression that says nothing.
      "laid.njk": '---js\nconst pagination = { data: "archive.laidPages", size: 1, alias: "entry" };\nconst layout = "pages/laid.njk";\n---\n',
      "yaml.njk": "---\npagination:\n  data: \"archive.yamlPages\"\n  size: 1\nlayout: pages/laid.njk\n---\n",
      "odd.njk": '---js\nconst pagination = { data: "archive.oddPages", size: 1, alias: "entry" };\nconst layout = pick("pages/laid.njk");\n---\n',
      "_includes/pages/laid.njk": '{% extends "layouts/base.njk" %}{% block main %}{{ entry.title }} {{ archive.quotes.length }}{% endblock %}',
    });
    const { pageArrays } = await templateDependencies(dir);
    expect(Object.fromEntries(pageArrays)).toEqual({
      storyPages: ["articles.length", "articles[0]", "site", "years"],
      listPages: ["*"],
      laidPages: ["articles.length", "quotes.length", "site", "years"],
      yamlPages: ["articles.length", "quotes.length", "site", "years"],
      oddPages: ["*"],
    });
  });

  test("should hash every template file, so any edit changes every page's fingerprint", async () => {
    const dir = await templates({ "a.njk": "one", "_includes/b.njk": "two" });
    const before = (await templateDependencies(dir)).hash;
    await writeFile(path.join(dir, "_includes", "b.njk"), "three");
    expect((await templateDependencies(dir)).hash).not.toBe(before);
  });

  test("should render every page array of Dateline's own templates in slices, one record a page", async () => {
    const dir = path.join(root, "templates");
    const paginated = new Set<string>();
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".njk")) continue;
      const name = /data:\s*["']archive\.(\w+)["']/.exec(await readFile(path.join(dir, entry.name), "utf8"))?.[1];
      if (name !== undefined) paginated.add(name);
    }
    const { pageArrays } = await templateDependencies(dir);
    // A page array mentioned by another template, or shown with the whole Archive, would be rendered whole every time.
    expect([...pageArrays.keys()].sort()).toEqual([...paginated].sort());
    expect([...pageArrays].filter(([, shown]) => shown.includes("*"))).toEqual([]);
    // Every HTML page and feed shows the site's title, from the base layout (or the feed's), reached through its own layout.
    expect([...pageArrays].filter(([name, shown]) => !["api", "sitemaps"].includes(name) && !shown.includes("site"))).toEqual([]);
  });
});

describe("loading in worker threads", () => {
  test("should give the same archive and problems as loading in one thread", async () => {
    const alone = await loadArchive(fixture, site, { threads: 0 });
    const threaded = await loadArchive(fixture, site, { threads: 2 });
    expect(threaded.threads).toBe(2);
    expect(threaded.archive).toEqual(alone.archive);
    expect(threaded.problems).toEqual(alone.problems);
  });
});

describe("rendering in slices", () => {
  test("should write the same files in many Eleventy runs as in one", async () => {
    const { archive } = await loadArchive(fixture, site, { threads: 0 });
    const dir = await tempDir("slices");
    const whole = await renderSite(archive, path.join(dir, "whole"));
    const runs: number[] = [];
    const sliced = await renderSite(archive, path.join(dir, "sliced"), { sliceSize: 3, onRun: (run) => void runs.push(run.urls.length) });
    expect(whole.runs).toBe(1);
    expect(sliced.runs).toBe(Math.ceil(runs.reduce((sum, count) => sum + count, 0) / 3));
    expect(runs.every((count) => count === 3 || count === runs.at(-1))).toBe(true);
    expect(sliced.pages).toBe(whole.pages);
    expect(await hashTree(path.join(dir, "sliced"))).toEqual(await hashTree(path.join(dir, "whole")));
  });

  test("should let the event loop turn while Eleventy renders, so work beside the render goes on", async () => {
    const { archive } = await loadArchive(fixture, site, { threads: 0 });
    // An immediate that schedules itself again counts the event loop's turns; each page notes the count it saw.
    let turns = 0;
    let counting = true;
    const count = (): void => {
      turns++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const seen: number[] = [];
    try {
      await renderSite(archive, path.join(await tempDir("turns"), "site"), { onPage: () => void seen.push(turns) });
    } finally {
      counting = false;
    }
    // Eleventy alone renders a run's pages without a turn between them: every page saw the same count.
    expect(seen.length).toBeGreaterThan(60);
    expect(new Set(seen).size).toBeGreaterThan(1);
  });

  test("should refuse, before writing it, a page the build takes from the live site", async () => {
    const { archive } = await loadArchive(fixture, site, { threads: 0 });
    const out = path.join(await tempDir("linked"), "site");
    const page = (archive.articlePages[0]?.article.url ?? "").slice(1) + "index.html";
    await mkdir(path.dirname(path.join(out, page)), { recursive: true });
    await writeFile(path.join(out, page), "the live site's page");
    await expect(renderSite(archive, out, { reused: new Set([page]) })).rejects.toThrow(new RegExp(`: Internal error: a template would write ${page}, a page taken from the last build$`));
    expect(await readFile(path.join(out, page), "utf8")).toBe("the live site's page");
  });
});

describe("pruning the cache folder", () => {
  test("should keep the files this build used and the most recently used folders', and drop the old and the left-behind", async () => {
    const dir = await tempDir("prune");
    const now = new Date("2026-06-30T12:00:00Z");
    const file = async (name: string, daysAgo: number): Promise<void> => {
      await writeFile(path.join(dir, name), "x");
      const time = new Date(now.getTime() - daysAgo * 24 * 60 * 60 * 1000);
      await utimes(path.join(dir, name), time, time);
    };
    const id = (n: number): string => n.toString(16).padStart(16, "0");
    // Ten output folders' manifests used 1…10 days ago, one a year ago; the build's own is the oldest of all.
    for (let n = 1; n <= 10; n++) await file(`pages-${id(n)}.json`, n);
    await file(`pages-${id(99)}.json`, 400);
    await file(`records-${id(1)}.ndjson`, 45);
    await file(`records-${id(2)}.ndjson`, 2);
    await file(`records-${id(2)}.ndjson.123-abcd.tmp`, 2);
    await file(`records-${id(3)}.ndjson.456-ef01.tmp`, 0);
    await file("notes.txt", 400);
    // The sites older versions kept for the next build are folders, removed however recent.
    for (const [n, daysAgo] of [[1, 1], [99, 400]] as const) {
      await mkdir(path.join(dir, `spare-${id(n)}`, "2022"), { recursive: true });
      await file(`spare-${id(n)}/2022/index.html`, daysAgo);
      await utimes(path.join(dir, `spare-${id(n)}`), new Date(now.getTime() - daysAgo * 86_400_000), new Date(now.getTime() - daysAgo * 86_400_000));
    }
    await pruneCache(dir, [path.join(dir, `pages-${id(99)}.json`), path.join(dir, `records-${id(7)}.ndjson`)], now);
    const left = (await readdir(dir)).sort();
    expect(left).toEqual(
      [
        ...Array.from({ length: cacheLimits.folders - 1 }, (_, i) => `pages-${id(i + 1)}.json`),
        `pages-${id(99)}.json`,
        `records-${id(2)}.ndjson`,
        `records-${id(3)}.ndjson.456-ef01.tmp`,
        "notes.txt",
      ].sort(),
    );
    expect((await stat(path.join(dir, `pages-${id(99)}.json`))).mtimeMs).toBe(now.getTime());
  });
});

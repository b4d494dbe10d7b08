import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { datelineHere as dateline, goodSeeds, hashTree, removeTempDirs, tempDir } from "./helpers/cli.ts";

afterAll(removeTempDirs);

const feature = path.join("2021", "011_feature.md");
const featurePage = "2021/11/15/a-feature-with-em-markup-em-in-its-title/index.html";

/** A project folder (its own `.cache/`) with a copy of the fixture seeds, and a build of them into `site/`. */
async function project(env: Readonly<Record<string, string>> = {}): Promise<{ seeds: string; site: string; build: (...flags: string[]) => Promise<void> }> {
  const dir = await tempDir("changes");
  const seeds = path.join(dir, "seeds");
  await cp(goodSeeds, seeds, { recursive: true });
  const build = async (...flags: string[]): Promise<void> => {
    const run = await dateline(["build", "--seeds", "seeds", "--out", "site", "--quiet", ...flags], dir, env);
    expect(run.stderr).not.toContain("Internal error");
    expect(run.code).toBe(0);
  };
  return { seeds, site: path.join(dir, "site"), build };
}

/** The site's `.dateline/changes.txt`, line by line. */
async function changes(site: string): Promise<string[]> {
  const text = await readFile(path.join(site, ".dateline", "changes.txt"), "utf8");
  expect(text === "" || text.endsWith("\n")).toBe(true);
  return text.split("\n").filter((line) => line !== "");
}

/** What truly differs between two sites' files (by SHA-256), as changes.txt should say it; `.dateline/` aside. */
function difference(before: Record<string, string>, after: Record<string, string>): string[] {
  const lines: string[] = [];
  for (const [file, hash] of Object.entries(after)) {
    if (file.startsWith(".dateline/")) continue;
    if (before[file] === undefined) lines.push(`A ${file}`);
    else if (before[file] !== hash) lines.push(`M ${file}`);
  }
  for (const file of Object.keys(before)) if (!file.startsWith(".dateline/") && after[file] === undefined) lines.push(`D ${file}`);
  return lines.sort((a, b) => (a.slice(2) < b.slice(2) ? -1 : a.slice(2) > b.slice(2) ? 1 : 0));
}

const kinds = (lines: readonly string[], kind: string): string[] => lines.filter((line) => line.startsWith(`${kind} `)).map((line) => line.slice(2));

describe("the list of changes", () => {
  test("should list every file as added in a first build, and be listed in files.txt", async () => {
    const { site, build } = await project();
    await build();
    const built = Object.keys(await hashTree(site));
    const served = built.filter((file) => !file.startsWith(".dateline/"));
    expect(await changes(site)).toEqual(served.map((file) => `A ${file}`));
    expect(built).toContain(".dateline/changes.txt");
    const listed = (await readFile(path.join(site, ".dateline", "files.txt"), "utf8")).split("\n");
    expect(listed).toContain(".dateline/changes.txt");
  });

  test("should be empty after a rebuild with nothing changed, warm or without the cache", async () => {
    const { site, build } = await project();
    await build();
    await build();
    expect(await changes(site)).toEqual([]);
    await build("--no-cache");
    expect(await changes(site)).toEqual([]);
  });

  // With shards of 2 articles, the search index's older shards sit in folders named after their fingerprints,
  // which are taken as unchanged without being read.
  test.each([{ shards: "one search shard", env: {} }, { shards: "search shards of 2 articles", env: { DATELINE_SEARCH_SHARD_SIZE: "2" } }])("should list exactly the files an edited seed changed, as modified ($shards)", async ({ env }) => {
    const { seeds, site, build } = await project(env);
    await build();
    const before = await hashTree(site);
    const text = await readFile(path.join(seeds, feature), "utf8");
    await writeFile(path.join(seeds, feature), text.replace("summary: How archives keep the news.", "summary: How archives keep every edition.").replace("Because memory matters.", "Because memory matters to everyone."));
    await build();
    const listed = await changes(site);
    expect(listed).toEqual(difference(before, await hashTree(site)));
    expect(kinds(listed, "A")).toEqual(kinds(listed, "A").filter((file) => file.startsWith("pagefind/")));
    expect(kinds(listed, "D")).toEqual(kinds(listed, "D").filter((file) => file.startsWith("pagefind/")));
    const modified = kinds(listed, "M");
    // Its page, the pages and feeds that show its summary, and the search index that holds its text.
    expect(modified.filter((file) => file.startsWith("pagefind/"))).not.toEqual([]);
    expect(modified).toEqual(expect.arrayContaining([featurePage, "index.html", "2021/index.html", "2021/11/index.html", "2021/11/15/index.html", "feed.xml", "feed.json", "api/2021.json"]));
    // Not the other articles' pages, nor the year of the other articles.
    expect(modified.filter((file) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file))).toEqual([featurePage]);
    expect(modified).not.toContain("2022/index.html");
    expect(modified).not.toContain("api/2022.json");
  });

  test("should list the page of a removed seed as deleted, and of an added one as added", async () => {
    const { seeds, site, build } = await project();
    await build();
    let before = await hashTree(site);
    await rm(path.join(seeds, feature));
    await build();
    let listed = await changes(site);
    expect(listed).toEqual(difference(before, await hashTree(site)));
    expect(kinds(listed, "D")).toEqual(expect.arrayContaining([featurePage, "2021/11/15/index.html"]));

    before = await hashTree(site);
    await writeFile(path.join(seeds, "2021", "012_added.txt"), " date 2021-06-01 Librarians opened a new reading room in the old town hall on Tuesday.\n");
    await build();
    listed = await changes(site);
    expect(listed).toEqual(difference(before, await hashTree(site)));
    expect(kinds(listed, "A")).toEqual(expect.arrayContaining(["2021/06/01/index.html"]));
    expect(kinds(listed, "A").filter((file) => /^2021\/06\/01\/[^/]+\/index\.html$/.test(file))).toHaveLength(1);
  });

  test("should say the same of the same change twice", async () => {
    const lists: string[][] = [];
    for (let run = 0; run < 2; run++) {
      const { seeds, site, build } = await project();
      await build();
      await rm(path.join(seeds, feature));
      await build();
      lists.push(await changes(site));
    }
    expect(lists[0]).toContain(`D ${featurePage}`);
    expect(lists[1]).toEqual(lists[0]);
  });
});

import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { datelineHere as dateline, listFiles, removeTempDirs, tempDir } from "./helpers/cli.ts";
import { corpus, corpusTests } from "./helpers/corpus.ts";
import { brokenLinks, invalidPages } from "./helpers/site-checks.ts";

const size = 2000;

afterAll(removeTempDirs);

describe.runIf(corpusTests)(`a site built from the first ${size} corpus articles`, () => {
  let out: string;
  let seeds: string;
  let files: string[];
  let stdout: string;

  beforeAll(async () => {
    const dir = await tempDir("corpus");
    seeds = path.join(dir, "seeds");
    out = path.join(dir, "site");
    await promisify(execFile)(process.execPath, [path.join(corpus, "expand"), seeds, "--limit", String(size)]);
    const run = await dateline(["build", "--seeds", seeds, "--out", out]);
    expect(run.stderr).not.toMatch(/error:|Internal error/);
    expect(run.code).toBe(0);
    stdout = run.stdout;
    files = await listFiles(out);
  });

  test("should build one article per distinct body", async () => {
    // A corpus id ends with the SHA-256 of its body, so distinct bodies are distinct id suffixes.
    const bodies = new Set((await readdir(seeds)).map((name) => name.replace(/^\d+_/, "")));
    const api = JSON.parse(await readFile(path.join(out, "api", "index.json"), "utf8")) as { articles: number };
    expect(api.articles).toBe(bodies.size);
    expect(stdout).toContain(`Built ${bodies.size.toLocaleString("en-US")} articles from ${size.toLocaleString("en-US")} seeds`);
  });

  test("should write only valid pages with no broken internal links", async () => {
    expect(files.length).toBeGreaterThan(size);
    // Every article and date page is validated; of the entity, index and quotation pages, which share
    // three templates and number thousands, every tenth: validating all of them took minutes on a busy machine.
    const sampled = files.filter((file, i) => !/^(?:people|places|organisations|quotes)\//.test(file) || i % 10 === 0);
    expect(await invalidPages(out, sampled)).toEqual([]);
    expect(await brokenLinks(out, files)).toEqual([]);
  }, 600_000);

  test("should escape Reuters' angle brackets", async () => {
    const page = files.find((file) => file.startsWith("1987/02/26/america-first-federally-guaranteed-mortgage"))!;
    const html = await readFile(path.join(out, page), "utf8");
    expect(html).toContain("&lt;America First Federally Guaranteed Mortgage Fund Two&gt; said");
  });
});

import { spawn } from "node:child_process";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { cliModule } from "../bin/compiled.js";
import { dateline, datelineHere, goodSeeds, hashTree, removeTempDirs, root, seedsWith, siblings, siteFiles, tempDir } from "./helpers/cli.ts";
import { builtSite } from "./helpers/shared.ts";

afterAll(removeTempDirs);

// The command's process (its exit status, its streams) is checked with an unknown flag; the other refusals of usage,
// help and version, which `main` decides alone, run in this process.
describe("usage", () => {
  test("should exit 2 with a one-line message and the usage for an unknown flag", async () => {
    const run = await dateline(["build", "--colour"]);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe("dateline: Unknown option '--colour'");
    expect(run.stderr).toContain("Usage:\n  dateline build");
  });

  test("should exit 2 for a missing seeds folder, an unknown command or a bad base URL", async () => {
    expect((await datelineHere(["build", "--seeds", "no/such/folder"])).stderr).toMatch(/^dateline: --seeds no\/such\/folder is not a folder\n/);
    expect((await datelineHere(["publish"])).code).toBe(2);
    expect((await datelineHere([])).code).toBe(2);
    expect((await datelineHere(["build", "--seeds", goodSeeds, "--base-url", "example.org"])).code).toBe(2);
    expect((await datelineHere(["build", "--seeds", goodSeeds, "--path-prefix", "/../x/"])).code).toBe(2);
    expect((await datelineHere(["check", "--seeds", goodSeeds, "--out", "x"])).code).toBe(2);
  });

  test("should refuse --no-cache for check, which reads no cache", async () => {
    const run = await datelineHere(["check", "--seeds", goodSeeds, "--no-cache"]);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe("dateline: --no-cache is an option of build, not check");
  });

  test("should print help and version with exit 0", async () => {
    const help = await datelineHere(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("dateline check [--config FILE] [--seeds DIR]");
    const pkg = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as { version: string };
    expect((await datelineHere(["--version"])).stdout).toBe(`${pkg.version}\n`);
  });
});

describe("check", () => {
  test("should print every problem of every seed, then exit 1", async () => {
    const seeds = await seedsWith({ "bad-date.txt": " date 2021-02-30 Not a real day.\n", "no-date.txt": "Just text.\n" });
    const run = await dateline(["check", "--seeds", seeds]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/seeds\/bad-date\.txt:1:7: error: Unexpected date `2021-02-30`, expected a real calendar date \(YYYY-MM-DD\) \[invalid-date\]\n  hint: /);
    expect(run.stderr).toMatch(/seeds\/no-date\.txt:1:1: error: .* \[missing-date\]/);
    expect(run.stdout).toBe("Checked 10 seeds: 7 articles, 2 errors, 1 warning\n");
  });

  test("should name seeds relative to the current folder", async () => {
    const run = await datelineHere(["check", "--seeds", "tests/fixtures/site"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("tests/fixtures/site/005_duplicate.txt:1:1: warning:");
  });
});

// What a build leaves behind is decided by `main`, run in this process; the command's own process is killed below.
describe("build", () => {
  test("should write nothing and leave an existing site exactly as it was when a seed has an error", async () => {
    const out = await builtSite();
    const before = await hashTree(out);
    const seeds = await seedsWith({ "bad.txt": " date 2022-02-30 Bad.\n" });
    const run = await datelineHere(["build", "--seeds", seeds, "--out", out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bad\.txt:1:7: error: .*\[invalid-date\]/);
    expect(run.stderr).toContain("dateline: 1 error and 1 warning in the seeds; nothing was written (--skip-invalid builds the rest)");
    expect(await hashTree(out)).toEqual(before);
    expect(await siblings(out)).toEqual([]);
  });

  test("should not create the output folder when the build fails", async () => {
    const out = path.join(await tempDir("none"), "site");
    const seeds = await seedsWith({ "bad.txt": "" });
    expect((await datelineHere(["build", "--seeds", seeds, "--out", out])).code).toBe(1);
    await expect(stat(out)).rejects.toThrow();
  });

  test("should leave out bad seeds with --skip-invalid and build the rest", async () => {
    const out = path.join(await tempDir("skip"), "site");
    const seeds = await seedsWith({ "bad.txt": " date 2022-02-30 Bad.\n" });
    const run = await datelineHere(["build", "--seeds", seeds, "--out", out, "--skip-invalid"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("[invalid-date]");
    expect(run.stdout).toMatch(/^Built 7 articles from 9 seeds \(1 duplicate, 1 skipped\)/);
    expect(JSON.parse(await readFile(path.join(out, "api", "index.json"), "utf8"))).toMatchObject({ articles: 7 });
  });

  test("should replace an existing site in one swap, leaving no staging folder behind", async () => {
    const out = await builtSite();
    const seeds = await seedsWith({ "new.txt": " date 2023-01-01 A new story arrives.\n" });
    expect((await datelineHere(["build", "--seeds", seeds, "--out", out, "--quiet"])).code).toBe(0);
    expect(JSON.parse(await readFile(path.join(out, "api", "index.json"), "utf8"))).toMatchObject({ articles: 8 });
    expect(await siblings(out)).toEqual([]);
  });

  test("should refuse to replace a folder Dateline did not build, or the seeds' own folder", async () => {
    const out = path.join(await tempDir("mine"), "mine");
    await mkdir(out);
    await writeFile(path.join(out, "thesis.txt"), "precious");
    const run = await datelineHere(["build", "--seeds", goodSeeds, "--out", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("holds files that Dateline did not write");
    expect(await readFile(path.join(out, "thesis.txt"), "utf8")).toBe("precious");
    expect((await datelineHere(["build", "--seeds", goodSeeds, "--out", path.dirname(goodSeeds)])).code).toBe(2);
  });

  test("should leave the existing site intact when the build is killed, and clean up on the next build", async () => {
    const out = await builtSite();
    const before = await hashTree(out);
    // Other seeds, so a build that slipped through before the kill would show.
    const seeds = await seedsWith({ "new.txt": " date 2023-01-01 A new story arrives.\n" });
    const child = spawn(process.execPath, [path.join(root, "bin", "dateline.js"), "build", "--seeds", seeds, "--out", out, "--quiet"], { cwd: root, stdio: "ignore" });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    // Kill it once it has started writing its staging folder.
    for (let i = 0; i < 1000 && (await siblings(out)).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    const staging = await siblings(out);
    child.kill("SIGKILL");
    await exited;
    expect(staging).toHaveLength(1);
    expect(await hashTree(out)).toEqual(before);
    expect((await dateline(["build", "--seeds", goodSeeds, "--out", out, "--quiet"])).code).toBe(0);
    expect(await siblings(out)).toEqual([]);
    // The same site again, which says that nothing changed since the one it replaced.
    expect(await readFile(path.join(out, ".dateline", "changes.txt"), "utf8")).toBe("");
    expect(await siteFiles(out)).toEqual(Object.fromEntries(Object.entries(before).filter(([file]) => file !== ".dateline/changes.txt")));
  });
});

describe("the build cache", () => {
  test("should live in .cache/dateline/ of the current folder, and be left unused by --no-cache", async () => {
    const project = await tempDir("project");
    const first = await datelineHere(["build", "--seeds", goodSeeds, "--out", "site"], project);
    expect(first.code).toBe(0);
    const names = await readdir(path.join(project, ".cache", "dateline"));
    expect(names.map((name) => name.replace(/-[0-9a-f]{16}\./, "-<folder>."))).toEqual(["pages-<folder>.json", "records-<folder>.ndjson"]);
    const warm = await datelineHere(["build", "--seeds", goodSeeds, "--out", "site"], project);
    expect(warm.stderr).toMatch(/^parse +8 seeds, 0 parsed, 8 cached\b/m);
    const cold = await datelineHere(["build", "--seeds", goodSeeds, "--out", "site", "--no-cache"], project);
    expect(cold.stderr).toMatch(/^parse +8 seeds +[\d.]+ s$/m);
    expect(cold.stderr).not.toMatch(/reused/);
  });
});

describe("the compiled command", () => {
  test("should run from a bundle of src/ that holds every worker module src/ starts", async () => {
    const cli = await cliModule();
    expect(cli).toMatch(/\/node_modules\/\.cache\/dateline\/bundle-[0-9a-f]{16}\/cli\.js$/);
    // `moduleWorker(new URL("./<name>.ts", import.meta.url))` starts `<name>.js` of the bundle.
    const sources = await Promise.all((await readdir(path.join(root, "src"), { recursive: true })).filter((file) => file.endsWith(".ts")).map((file) => readFile(path.join(root, "src", file), "utf8")));
    const workers = sources.flatMap((source) => [...source.matchAll(/moduleWorker\(new URL\("\.\/([\w-]+)\.ts"/g)].map((match) => match[1]));
    expect(workers.sort()).toEqual(["seed-worker", "shard-worker", "write-worker"]);
    for (const name of workers) expect(await stat(new URL(`./${name}.js`, cli)).then((found) => found.isFile())).toBe(true);
  });
});

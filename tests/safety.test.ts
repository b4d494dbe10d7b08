// Dateline run on hostile seeds and by a careless user: no code from a seed, no user file lost, every fault one line.
// What the command does runs in this process (`datelineHere`, the same `main`); the real command's process runs what
// is about a process (signals, a killed swap, a full disk) and the first case of each kind of refusal.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { lstat, mkdir, readdir, readFile, readlink, rename, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, describe, expect, test } from "vitest";
import { dateline, datelineHere, goodSeeds, hashTree, removeTempDirs, root, seedsWith, siblings, tempDir } from "./helpers/cli.ts";
import { builtSite } from "./helpers/shared.ts";

afterAll(removeTempDirs);

const bin = path.join(root, "bin", "dateline.js");

/** A process id that no process has now: one that has just exited (and been waited for). */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid as number;
}

/** Pagefind processes still running (their zombies reaped by now or soon). */
async function pagefindProcesses(): Promise<number> {
  for (let i = 0; i < 40; i++) {
    const count = (await readdir("/proc")).filter((entry) => /^\d+$/.test(entry)).filter((pid) => {
      try {
        const stat = execFileSync("cat", [`/proc/${pid}/stat`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
        return /\(pagefind/.test(stat) && !/\) Z /.test(stat);
      } catch {
        return false;
      }
    }).length;
    if (count === 0) return 0;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return -1;
}

describe("a seed never runs code", () => {
  // Each opener picks another gray-matter engine; `javascript` is eval.
  const openers = ["---js", "---javascript", "--- JS ", "---JavaScript", "---json", "---coffee", "---cson", "---constructor", "---__proto__"];
  test.each(openers)("should refuse front matter opened with %j, and run none of it, in check and build", async (opener) => {
    const dir = await tempDir("js");
    const witness = path.join(dir, "pwned");
    const payload = `{ date: (require("fs").writeFileSync(${JSON.stringify(witness)}, "x"), "2022-03-06") }`;
    const seeds = await seedsWith({ "evil.md": `${opener}\n${payload}\n---\n\nA body.\n` });
    // The first opener through the real command's process, in check and build; the others in this one, which the
    // payload would also reach.
    const run = opener === openers[0] ? dateline : datelineHere;
    const check = await run(["check", "--seeds", seeds]);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/evil\.md:1:4: error: Unexpected front matter language `[^`]+`, expected YAML .*\[invalid-front-matter\]/);
    const build = await run(["build", "--seeds", seeds, "--out", path.join(dir, "site")]);
    expect(build.code).toBe(1);
    expect(existsSync(witness)).toBe(false);
  });
});

describe("the user's files", () => {
  test("should put back the site that a build killed between its two renames moved aside, before a failing build removes anything", async () => {
    const out = await builtSite();
    const before = await hashTree(out);
    // As a build killed between "live site moved aside" and "new site moved in" leaves it.
    const aside = path.join(path.dirname(out), `.dateline-old-${path.basename(out)}-${deadPid()}-0123abcd`);
    await rename(out, aside);
    await mkdir(path.join(path.dirname(out), `.dateline-tmp-${path.basename(out)}-${deadPid()}-0123abcd`));
    const seeds = await seedsWith({ "bad.txt": " date 2022-02-30 A bad date.\n" });
    expect((await dateline(["build", "--seeds", seeds, "--out", out, "--quiet"])).code).toBe(1);
    expect(await hashTree(out)).toEqual(before);
    expect(await siblings(out)).toEqual([]);
  });

  test("should refuse a folder that holds a file Dateline did not write, even beside a Dateline-looking api/index.json", async () => {
    const out = path.join(await tempDir("looks"), "site");
    await mkdir(path.join(out, "api"), { recursive: true });
    await writeFile(path.join(out, "api", "index.json"), "{}");
    await writeFile(path.join(out, "thesis.docx"), "four years");
    const run = await dateline(["build", "--seeds", goodSeeds, "--out", out]);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toMatch(/^dateline: --out .* holds a site without the list of files Dateline wrote/);
    expect(await readFile(path.join(out, "thesis.docx"), "utf8")).toBe("four years");
  });

  test("should refuse a built site into which the user put a file, at any depth, and keep it", async () => {
    const out = await builtSite();
    for (const file of ["notes.txt", "2022/03/06/mine.pdf", "empty-folder/"]) {
      const where = path.join(out, file);
      if (file.endsWith("/")) await mkdir(where);
      else await writeFile(where, "mine");
      const run = await datelineHere(["build", "--seeds", goodSeeds, "--out", out]);
      expect(run.code, file).toBe(2);
      expect(run.stderr, file).toContain(`holds files that Dateline did not write (${file.replace(/\/$/, "")})`);
      expect(existsSync(where), file).toBe(true);
      await execFileSync("rm", ["-r", where]);
    }
    expect((await datelineHere(["build", "--seeds", goodSeeds, "--out", out, "--quiet"])).code).toBe(0);
  });

  test("should publish through a link to a site into its target, keep the link, and refuse when the target holds a user's file", async () => {
    const target = await builtSite();
    const link = path.join(await tempDir("link"), "public");
    await symlink(target, link);
    const seeds = await seedsWith({ "new.txt": " date 2023-01-01 A new story arrives.\n" });
    expect((await datelineHere(["build", "--seeds", seeds, "--out", link, "--quiet"])).code).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(target);
    expect(JSON.parse(await readFile(path.join(target, "api", "index.json"), "utf8"))).toMatchObject({ articles: 8 });
    await writeFile(path.join(target, "user.txt"), "mine");
    // Replaced as a whole (without the cache; a rebuild in place would leave the file alone, see publish.test.ts).
    const run = await datelineHere(["build", "--seeds", goodSeeds, "--out", link, "--no-cache"]);
    expect(run.code).toBe(2);
    expect(await readFile(path.join(target, "user.txt"), "utf8")).toBe("mine");
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
  });

  test("should refuse an output folder inside the seeds folder", async () => {
    const seeds = await seedsWith({});
    const run = await dateline(["build", "--seeds", seeds, "--out", path.join(seeds, "site")]);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toMatch(/is inside the seeds folder/);
    expect(existsSync(path.join(seeds, "site"))).toBe(false);
  });

  test("should stop Pagefind and remove its staging folder on SIGINT and SIGTERM, leaving the site as it was", async () => {
    const seeds = path.join(await tempDir("many"), "seeds");
    await mkdir(seeds);
    // Enough articles that the build is still running when the signal comes.
    const lead = "The central bank raised interest rates on Tuesday, its governor said in a statement to reporters.";
    await Promise.all(Array.from({ length: 800 }, (_, i) => writeFile(path.join(seeds, `${String(i).padStart(4, "0")}.txt`), ` date 2022-0${1 + (i % 9)}-1${i % 10} Story ${i}: ${lead}\n\nMore about story ${i}, paragraph two.\n`)));
    // The site the interrupted builds would replace: any site Dateline built.
    const out = await builtSite();
    const before = await hashTree(out);
    for (const [signal, status] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
      const child = spawn(process.execPath, [bin, "build", "--seeds", seeds, "--out", out, "--quiet", "--no-cache"], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      // Once Pagefind runs: its index folder appears in the staging folder.
      for (let i = 0; i < 2000 && !(await siblings(out).then((names) => names.some((name) => existsSync(path.join(path.dirname(out), name, "pagefind"))))); i++) await new Promise((resolve) => setTimeout(resolve, 10));
      child.kill(signal);
      expect(await exited, signal).toBe(status);
      expect(stderr, signal).toContain(`dateline: stopped by ${signal}`);
      expect(await siblings(out), signal).toEqual([]);
      expect(await pagefindProcesses(), signal).toBe(0);
      expect(await hashTree(out), signal).toEqual(before);
    }
  });
});

describe("one bad seed", () => {
  test("should be a diagnostic, not a crash, however deep its Markdown nests; --skip-invalid builds the rest", async () => {
    const seeds = await seedsWith({ "deep.md": `---\ndate: 2022-03-06\n---\n\n${">".repeat(2000)} deep\n`, "list.md": `---\ndate: 2022-03-06\n---\n\n${"- ".repeat(3000)}item\n` });
    const out = path.join(path.dirname(seeds), "site");
    const strict = await datelineHere(["build", "--seeds", seeds, "--out", out]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/deep\.md:\d+:\d+: error: .*\[too-deeply-nested\]/);
    expect(strict.stderr).toMatch(/list\.md:\d+:\d+: error: .*\[too-deeply-nested\]/);
    const skipping = await datelineHere(["build", "--seeds", seeds, "--out", out, "--skip-invalid", "--quiet"]);
    expect(skipping.code).toBe(0);
    expect(skipping.stdout).toMatch(/2 skipped/);
  });

  test("should reach no page, feed or API with a character that is invalid in XML", async () => {
    const seeds = await seedsWith({
      "controls.md": `---\ndate: 2022-03-06\ntitle: "Bell\\a and \\x01 escape\\e and \\0 nul"\nsummary: "Sum\\x02mary"\ntags: ["t\\x03ag"]\n---\n\nBody with \u0001 a control, \u007f a delete and \u0085 a C1 character.\n`,
    });
    const out = path.join(path.dirname(seeds), "site");
    const run = await datelineHere(["build", "--seeds", seeds, "--out", out, "--quiet"]);
    expect(run.code).toBe(0);
    const invalid = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/;
    for (const file of ["feed.xml", "sitemap.xml", "feed.json", "api/2022.json", "index.html"]) {
      const text = await readFile(path.join(out, file), "utf8");
      expect(text, file).not.toMatch(invalid);
      if (file.endsWith(".xml")) expect(XMLValidator.validate(text), file).toBe(true);
    }
  });
});

describe("the machine", () => {
  test("should refuse, at once and as usage, an output below a file or on a kernel file system", async () => {
    const dir = await tempDir("paths");
    await writeFile(path.join(dir, "afile"), "");
    const below = await datelineHere(["build", "--seeds", goodSeeds, "--out", path.join(dir, "afile", "site")]);
    expect(below.code).toBe(2);
    expect(below.stderr.split("\n")[0]).toMatch(/cannot be a folder: .*afile is a file$/);
    for (const special of ["/proc/self/x", "/sys/x"]) {
      const run = await datelineHere(["build", "--seeds", goodSeeds, "--out", special]);
      expect(run.code, special).toBe(2);
      expect(run.stderr.split("\n")[0], special).toMatch(/is on the kernel's \w+ file system/);
    }
    expect((await datelineHere(["check", "--seeds", "/proc/self"])).code).toBe(2);
  });

  test("should build without a cache that cannot be used, with a warning", async () => {
    const project = await tempDir("cachefile");
    await mkdir(path.join(project, ".cache"));
    await writeFile(path.join(project, ".cache", "dateline"), "not a folder");
    const run = await dateline(["build", "--seeds", goodSeeds, "--out", "site"], project);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^note +build cache \.cache\/dateline cannot be used \(a file stands where a folder should be/m);
  });

  // Needs root to mount a small file system; CI runs as root.
  const canMount = process.getuid?.() === 0;
  test.runIf(canMount)("should stop with exit 4 and one line on a full disk or a read-only one, leaving no staging folder", async () => {
    const mount = path.join(await tempDir("mount"), "disk");
    await mkdir(mount);
    // 700k: the finished site takes ~780k, so the disk fills late in the build whatever the timing (at 900k only the
    // files present at once overflowed it, and pages written in their own thread sometimes fit).
    for (const [options, cause] of [["size=300k", "the disk is full \\(ENOSPC\\)"], ["size=700k", "the disk is full \\(ENOSPC\\)"], ["size=2m,ro", "the file system is read-only \\(EROFS\\)"]] as const) {
      execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", mount]);
      try {
        const run = await dateline(["build", "--seeds", goodSeeds, "--out", path.join(mount, "site"), "--quiet"]);
        expect(run.code, options).toBe(4);
        const lines = run.stderr.split("\n").filter((line) => line.startsWith("dateline:") || line.includes("panicked") || line.includes("    at "));
        expect(lines, options).toHaveLength(1);
        expect(lines[0], options).toMatch(new RegExp(`^dateline: --out .*site: ${cause}; `));
        expect(await readdir(mount), options).toEqual([]);
      } finally {
        execFileSync("umount", [mount]);
      }
    }
  });
});

describe("names in diagnostics", () => {
  test("should print file names with their control characters escaped", async () => {
    const seeds = await seedsWith({ "clear\u001b[2J.txt": "no date here\n", "forged\nx.txt:1:1: error: fake [missing-date].txt": "no date either\n" });
    const run = await datelineHere(["check", "--seeds", seeds]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain("\u001b");
    expect(run.stderr).toContain("clear\\x1B[2J.txt:1:1: error:");
    expect(run.stderr).toContain("forged\\nx.txt:1:1: error: fake [missing-date].txt:1:1: error:");
    expect(run.stderr.split("\n").filter((line) => line.startsWith("x.txt"))).toEqual([]);
  });

  test("should read a linked seed inside the folder, and say why a FIFO, a link out of the folder or to a folder is not read", async () => {
    const seeds = await seedsWith({});
    const outside = path.join(path.dirname(seeds), "outside.txt");
    await writeFile(outside, " date 2022-03-06 Secret text from outside the seeds folder.\n");
    await mkdir(path.join(seeds, "real"));
    await writeFile(path.join(seeds, "real", "story.txt"), " date 2022-03-06 A linked story about harbours and ships.\n");
    await symlink(path.join(seeds, "real", "story.txt"), path.join(seeds, "linked.txt"));
    await symlink(outside, path.join(seeds, "escape.txt"));
    await symlink(path.join(seeds, "real"), path.join(seeds, "folder-link"));
    execFileSync("mkfifo", [path.join(seeds, "pipe.txt")]);
    const run = await datelineHere(["check", "--seeds", seeds]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/escape\.txt:1:1: warning: Unexpected link to a file outside the seeds folder, expected a file; not read \[not-a-seed-file\]/);
    expect(run.stderr).toMatch(/folder-link:1:1: warning: Unexpected link to a folder .*\[not-a-seed-file\]/);
    expect(run.stderr).toMatch(/pipe\.txt:1:1: warning: Unexpected FIFO \(named pipe\), expected a file; not read \[not-a-seed-file\]/);
    // The fixture's 8 seeds, the real story and its link (the same body: a duplicate).
    expect(run.stdout).toMatch(/^Checked 10 seeds/);
  });
});

describe("environment errors", () => {
  test("should name the path, the cause in words and what to do, for the system errors a build can meet", async () => {
    const { environmentError } = await import("../src/environment.ts");
    // Errors as Node raises them (root cannot meet EACCES on its own files, so it is made here).
    const denied = Object.assign(new Error("EACCES: permission denied, mkdir '/srv/site'"), { code: "EACCES", path: "/srv/site" });
    expect(environmentError(denied)?.message).toBe("/srv/site: permission denied (EACCES); give yourself write access to it, or choose another folder");
    // Wrapped as Eleventy wraps a failed write, without a path: the fallback names the output.
    const wrapped = new Error("Having trouble writing", { cause: Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" }) });
    expect(environmentError(wrapped, { fallback: "--out _site" })?.message).toMatch(/^--out _site: the disk is full \(ENOSPC\); free some space/);
    // Pagefind's own words for the same.
    expect(environmentError(new Error("Os { code: 30, kind: ReadOnlyFilesystem } (os error 30)"), { fallback: "--out _site" })?.message).toMatch(/^--out _site: the file system is read-only \(EROFS\)/);
    expect(environmentError(new Error("a bug"))).toBeUndefined();
  });
});

describe("a file far larger than a seed", () => {
  test("should be refused as too large without being read whole", async () => {
    const seeds = await seedsWith({});
    // Sparse: 3 GB on disk costs nothing, and read whole it would not fit in a Node buffer (2 GB on Node 20).
    execFileSync("truncate", ["-s", "3G", path.join(seeds, "huge.txt")]);
    const run = await datelineHere(["check", "--seeds", seeds]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/huge\.txt:1:1: error: Unexpected file larger than 4 MiB \(4194304 bytes\), expected one article \[seed-too-large\]/);
  });
});

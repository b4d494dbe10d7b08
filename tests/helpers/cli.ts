import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { promisify } from "node:util";

const run = promisify(execFile);
export const root = path.resolve(import.meta.dirname, "..", "..");
const bin = path.join(root, "bin", "dateline.js");

/** What one run of the real `dateline` command did. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `dateline` as a user would, in its own process, with `env` added to this one's. */
export async function dateline(args: readonly string[], cwd = root, env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1", ...env } });
    return { code: 0, stdout, stderr };
  } catch (cause) {
    const failed = cause as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/** A stream that keeps what is written to it. */
class Collected extends Writable {
  text = "";
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/**
 * Runs `dateline` in this process, as `dateline()` runs it in its own, with `cwd` as the current folder and `env`
 * added to the environment for the run: for tests of what a build makes rather than of the command's process
 * (its signals, its exit), it saves starting Node, loading Dateline and Eleventy for every build. The code version
 * is hashed once per test process, so an edit of src/ during a run cannot make a warm build cold.
 */
export async function datelineHere(args: readonly string[], cwd = root, env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  const { main } = await import("../../src/cli/main.ts");
  const before = process.cwd();
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  const stdout = new Collected();
  const stderr = new Collected();
  process.chdir(cwd);
  Object.assign(process.env, env);
  try {
    const code = await main(args, { stdout, stderr, process: false });
    return { code, stdout: stdout.text, stderr: stderr.text };
  } finally {
    process.chdir(before);
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

const made: string[] = [];

/** A new empty folder under the system's temporary folder, removed by `removeTempDirs`. */
export async function tempDir(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `dateline-${name}-`));
  made.push(dir);
  return dir;
}

/** Removes every folder `tempDir` made in this test file. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** Every file below `dir`, relative and sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** SHA-256 of every file below `dir`, for byte-for-byte comparisons of whole sites. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const file of await listFiles(dir)) hashes[file] = createHash("sha256").update(await readFile(path.join(dir, file))).digest("hex");
  return hashes;
}

/**
 * Every file of a built site by its hash, but the list of what changed since the site it replaced: it depends on
 * that site by design (a cold build into a new folder lists every file as added; see tests/changes.test.ts).
 */
export async function siteFiles(siteDir: string): Promise<Record<string, string>> {
  return Object.fromEntries(Object.entries(await hashTree(siteDir)).filter(([file]) => file !== ".dateline/changes.txt"));
}

/** The fixture site's seeds: seven articles and one duplicate. */
export const goodSeeds = path.join(root, "tests", "fixtures", "site");

/** A seeds folder with the fixture seeds plus the given extra files. */
export async function seedsWith(extra: Record<string, string>): Promise<string> {
  const dir = path.join(await tempDir("seeds"), "seeds");
  await cp(goodSeeds, dir, { recursive: true });
  for (const [name, text] of Object.entries(extra)) await writeFile(path.join(dir, name), text);
  return dir;
}

/** What sits beside `dir` in its folder: staging folders and moved-aside sites, if any were left. */
export async function siblings(dir: string): Promise<string[]> {
  return (await readdir(path.dirname(dir))).filter((name) => name !== path.basename(dir));
}

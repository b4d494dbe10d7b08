import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { inject } from "vitest";
import { datelineHere, goodSeeds, hashTree, root, tempDir, type CliRun } from "./cli.ts";
import { corpus } from "./corpus.ts";

// Fixtures that several test files make from the same inputs (a site built from the same seeds with the same flags,
// the same corpus articles expanded) are made once per run, by whichever file asks first, in the run's shared folder
// (tests/helpers/global-setup.ts). They are read-only: a test that changes one works on a copy (`builtSite`).

/** How long a file waits for another to make a fixture: as long as a hook may take. */
const patience = 290_000;

const made = new Map<string, Promise<unknown>>();

/**
 * What `make(dir)` returned, made once per run for `key` in `dir`: by this process, or by another one (another test
 * file's worker), which holds the folder's lock (creating it is taking it) and writes `done.json` last.
 */
export function shared<T>(key: string, make: (dir: string) => Promise<T>): Promise<{ dir: string; value: T }> {
  let result = made.get(key) as Promise<{ dir: string; value: T }> | undefined;
  if (result === undefined) {
    result = makeOnce(key, make);
    made.set(key, result);
  }
  return result;
}

type Done<T> = { ok: true; value: T } | { ok: false; error: string };

async function makeOnce<T>(key: string, make: (dir: string) => Promise<T>): Promise<{ dir: string; value: T }> {
  const folder = inject("sharedFolder");
  if (folder === undefined) throw new Error("No shared folder: run the tests with vitest.config.ts, whose globalSetup makes it");
  const dir = path.join(folder, key);
  const done = path.join(dir, "done.json");
  const taken = await mkdir(dir).then(
    () => true,
    (cause: NodeJS.ErrnoException) => {
      if (cause.code === "EEXIST") return false;
      throw cause;
    },
  );
  if (taken) {
    let outcome: Done<T>;
    try {
      outcome = { ok: true, value: await make(dir) };
    } catch (cause) {
      outcome = { ok: false, error: cause instanceof Error ? cause.message : String(cause) };
    }
    await writeFile(done, JSON.stringify(outcome));
    if (!outcome.ok) throw new Error(outcome.error);
    return { dir, value: outcome.value };
  }
  for (const started = Date.now(); Date.now() - started < patience; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const text = await readFile(done, "utf8").catch(() => undefined);
    if (text === undefined) continue;
    const outcome = JSON.parse(text) as Done<T>;
    if (!outcome.ok) throw new Error(`Another test file failed to make the shared ${key}: ${outcome.error}`);
    return { dir, value: outcome.value };
  }
  throw new Error(`Waited ${patience / 1000} s for another test file to make the shared ${key} in ${dir}`);
}

// `datelineHere` changes the current folder and the environment for the length of a build: one at a time.
let building: Promise<unknown> = Promise.resolve();

/** A site built from seeds, and what its build printed. */
export interface SharedSite extends CliRun {
  /** The site's folder: read it, never change it. */
  readonly out: string;
}

/**
 * The site `dateline build --seeds <seeds> <flags>` makes (with `env` added to the environment), built once per run
 * in this process for every file that builds the same seeds (by content, wherever they are) with the same flags. It
 * is built in a folder of its own, with no config file, as the current folder; what it printed names the seeds folder
 * of the file that built it.
 */
export async function sharedSite(seeds: string, flags: readonly string[] = [], env: Readonly<Record<string, string>> = {}): Promise<SharedSite> {
  const inputs = JSON.stringify({ seeds: await hashTree(seeds), flags, env });
  const key = `site-${createHash("sha256").update(inputs).digest("hex").slice(0, 16)}`;
  const { dir, value } = await shared(key, (dir) => {
    const run = building.then(() => datelineHere(["build", "--seeds", seeds, "--out", path.join(dir, "site"), ...flags], dir, env));
    building = run.catch(() => undefined);
    return run.then((finished) => {
      if (finished.code !== 0) throw new Error(`The shared site did not build (exit ${finished.code}): ${finished.stderr}`);
      return finished;
    });
  });
  return { ...value, out: path.join(dir, "site") };
}

/**
 * A copy of the site built from the fixture seeds, for a test to change as it likes (removed with the file's temp
 * folders). No build cache knows the copy's folder: the next build into it builds the whole site and replaces it.
 */
export async function builtSite(): Promise<string> {
  const { out } = await sharedSite(goodSeeds);
  const copy = path.join(await tempDir("out"), "site");
  await cp(out, copy, { recursive: true });
  return copy;
}

/** The corpus's first `limit` articles, `multiply` times over, expanded once per run into a seeds folder: read-only. */
export async function corpusSeeds(limit: number, multiply = 1): Promise<string> {
  const { dir } = await shared(`corpus-${limit}x${multiply}`, async (dir) => {
    await promisify(execFile)(process.execPath, [path.join(corpus, "expand"), path.join(dir, "seeds"), "--limit", String(limit), "--multiply", String(multiply)], { cwd: root });
  });
  return path.join(dir, "seeds");
}

import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";

export const root = path.resolve(import.meta.dirname, "..");
/** The real-world corpus beside the repository; DATELINE_CORPUS overrides. */
export const corpusDir = process.env["DATELINE_CORPUS"] ?? path.join(root, "..", "shared", "corpus");

/**
 * The first `limit` corpus articles (times `multiply`) as seeds in the git-ignored
 * bench/corpus/ folder, expanded once and reused.
 */
export async function corpusSeeds(limit: number, multiply = 1, withTitles = false): Promise<string> {
  if (!existsSync(path.join(corpusDir, "expand"))) throw new Error(`No corpus at ${corpusDir}: set DATELINE_CORPUS to the folder holding \`expand\``);
  const dir = path.join(root, "bench", "corpus", `${limit}x${multiply}${withTitles ? "-titles" : ""}`);
  const expected = Math.min(limit, 19_043) * multiply;
  const have = existsSync(dir) ? (await readdir(dir)).filter((name) => name.endsWith(".txt")).length : 0;
  if (have !== expected) {
    const titles = withTitles ? ["--with-titles"] : [];
    await promisify(execFile)(process.execPath, [path.join(corpusDir, "expand"), dir, "--limit", String(limit), "--multiply", String(multiply), ...titles]);
  }
  return dir;
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The records of a gzipped JSON-lines file of the corpus (`file` relative to its folder), one per line. */
export function corpusRecords<T>(file: string): T[] {
  return gunzipSync(readFileSync(path.join(corpusDir, file)))
    .toString("utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as T);
}

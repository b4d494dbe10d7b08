import { hashFiles } from "../files/hash-files.ts";
import { packageRoot } from "../files/package-root.ts";

// Kept for the process: Dateline's files do not change while it runs, and a build asks for this more than once
// (hashing them took 29-44 ms here, 3 runs).
let memo: Promise<string> | undefined;

/**
 * A hash of everything that decides what Dateline makes of a seed: its own source, its package and lock files
 * (the dependencies' versions) and the Node and ICU versions (dates are formatted by Intl). Any change
 * invalidates every cached record and page.
 */
export function codeVersion(): Promise<string> {
  memo ??= codeVersionOf(packageRoot);
  return memo;
}

/** The code version of a copy of Dateline at `root`, not kept: what `codeVersion` hashes, for a test to change. */
export function codeVersionOf(root: string): Promise<string> {
  return hashFiles(root, ["src", "package.json", "package-lock.json", ".eleventy.js"], `${process.version} icu ${process.versions.icu ?? "none"}`);
}

import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { packageRoot } from "../package-root.ts";

let memo: Promise<string> | undefined;

/**
 * A hash of everything that decides what Dateline makes of a seed: its own source, its package and lock files
 * (the dependencies' versions) and the Node and ICU versions (dates are formatted by Intl). Any change
 * invalidates every cached record and page.
 */
export function codeVersion(): Promise<string> {
  memo ??= hashFiles(packageRoot, ["src", "package.json", "package-lock.json", ".eleventy.js"], `${process.version} icu ${process.versions.icu ?? "none"}`);
  return memo;
}

/** SHA-256 over the named files and folders below `root` (each file's path and bytes, in a stable order) and `extra`. */
export async function hashFiles(root: string, names: readonly string[], extra = ""): Promise<string> {
  const hash = createHash("sha256").update(extra);
  for (const file of await listFiles(root, names)) {
    const bytes = await readFile(path.join(root, file));
    hash.update(`\0${file}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest("hex");
}

async function listFiles(root: string, names: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const name of names) {
    const entries = await readdir(path.join(root, name), { recursive: true, withFileTypes: true }).catch((cause: NodeJS.ErrnoException) => {
      if (cause.code === "ENOTDIR") return [name];
      if (cause.code === "ENOENT") return [];
      throw cause;
    });
    for (const entry of entries) {
      if (typeof entry === "string") files.push(entry);
      else if (entry.isFile()) files.push(path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
    }
  }
  return files.sort();
}

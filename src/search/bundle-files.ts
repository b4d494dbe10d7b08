import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";

/** A file of a Pagefind bundle, by its path inside the bundle folder (`/` separators). */
export interface BundleFile {
  readonly path: string;
  readonly size: number;
}

/** The files of one bundle folder, sorted by path: the index data, and the search runtime. */
export interface BundleFiles {
  /** `pagefind-entry.json`, the `.pf_meta`, and the `index/`, `fragment/` and `filter/` chunks. */
  readonly data: readonly BundleFile[];
  /** `pagefind.js`, its worker and the WebAssembly, which only the site's main bundle keeps. */
  readonly runtime: readonly BundleFile[];
}

const dataFolders = ["index", "fragment", "filter"];
const isData = (name: string): boolean => name === "pagefind-entry.json" || name.endsWith(".pf_meta");
const isRuntime = (name: string): boolean => name === "pagefind.js" || name === "pagefind-worker.js" || /^wasm\..+\.pagefind$/.test(name);

/** Lists the bundle's files; any other folder (another shard's bundle) is not part of it. Synchronous: ~1,500 files a shard. */
export function bundleFiles(folder: string): BundleFiles {
  const names: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isFile() && (isData(entry.name) || isRuntime(entry.name))) names.push(entry.name);
    else if (entry.isDirectory() && dataFolders.includes(entry.name)) {
      for (const chunk of readdirSync(path.join(folder, entry.name), { withFileTypes: true })) if (chunk.isFile()) names.push(`${entry.name}/${chunk.name}`);
    }
  }
  const files = names.map((name) => ({ path: name, size: statSync(path.join(folder, ...name.split("/"))).size }));
  const byPath = (a: BundleFile, b: BundleFile): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { data: files.filter((file) => !isRuntime(file.path)).sort(byPath), runtime: files.filter((file) => isRuntime(file.path)).sort(byPath) };
}

/** SHA-256 (hex) of a list of files with their sizes: equal digests, the same files at the same sizes. */
export function listingDigest(files: readonly BundleFile[]): string {
  return createHash("sha256")
    .update(files.map((file) => `${file.path}\t${file.size}\n`).join(""))
    .digest("hex");
}

/** Removes what Pagefind writes that Dateline's search page never loads (its UI bundles), and the runtime unless `keepRuntime`. */
export async function pruneBundle(folder: string, keepRuntime: boolean): Promise<void> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.isDirectory() ? dataFolders.includes(entry.name) : isData(entry.name) || (keepRuntime && isRuntime(entry.name))) continue;
    await rm(path.join(folder, entry.name), { recursive: true, force: true });
  }
}

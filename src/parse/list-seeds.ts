import { readdir } from "node:fs/promises";
import path from "node:path";
import { comparePaths } from "../compare-paths.ts";
import type { SeedFile } from "./parse-seed.ts";

const seedExtension = /\.(txt|md)$/i;

/**
 * Every seed below `dir`, sorted by path so builds are deterministic. Hidden files
 * and folders, and files that are not `.txt` or `.md`, are not seeds.
 */
export async function listSeeds(dir: string, cwd = process.cwd()): Promise<SeedFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const seeds: SeedFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !seedExtension.test(entry.name)) continue;
    const full = path.join(entry.parentPath, entry.name);
    const source = path.relative(dir, full).split(path.sep).join("/");
    if (source.split("/").some((part) => part.startsWith(".") || part === "node_modules")) continue;
    seeds.push({ id: entry.name.replace(seedExtension, ""), source, file: path.relative(cwd, full) || full });
  }
  return seeds.sort((a, b) => comparePaths(a.source, b.source));
}

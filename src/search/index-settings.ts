import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Site } from "../article.ts";
import type { IndexSettings } from "./fingerprint-shard.ts";

// Word positions per index chunk (see `indexShard`): measured at 10,000 articles in 5 shards, a typed
// query fetched 22–65 KB with 2,500 against 57–261 KB with Pagefind's default of 20,000.
const indexChunkSize = 2500;

/** The settings every shard of `site` is indexed with. */
export async function indexSettings(site: Site): Promise<IndexSettings> {
  // One language for the whole archive: Pagefind would otherwise split pages by `<html lang>` region.
  return { pagefindVersion: await pagefindVersion(), forceLanguage: site.lang.split("-")[0] ?? "en", indexChunkSize };
}

async function pagefindVersion(): Promise<string> {
  // The package's exports hide package.json, so it is read beside the resolved entry point.
  const entry = fileURLToPath(import.meta.resolve("pagefind"));
  return (JSON.parse(await readFile(path.join(path.dirname(entry), "..", "package.json"), "utf8")) as { version: string }).version;
}

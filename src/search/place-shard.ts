import { mkdir, readFile, rename } from "node:fs/promises";
import path from "node:path";
import { bundleFiles } from "./bundle-files.ts";
import type { ShardPlan } from "./plan-shards.ts";
import { recordedBundles, reuseShard } from "./reuse-shard.ts";
import { shardsFolder, writeShardRecord } from "./shard-record.ts";
import type { Speculation } from "./speculation.ts";

/** One shard as `pagefind/shards.json` lists it for the search page, newest first. */
export interface ShardEntry {
  /** First 16 hex digits of the shard's fingerprint. */
  readonly id: string;
  /** Its bundle folder inside `pagefind/`: `""` for the newest, the main bundle, else `shards/<id>/`. */
  readonly path: string;
  readonly from: string;
  readonly to: string;
  readonly articles: number;
}

/** A shard to place in the site's search folder, once its fingerprint is known. */
export interface ShardToPlace {
  readonly plan: ShardPlan;
  readonly fingerprint: string;
  /** The newest shard, whose bundle becomes the main one and keeps the search runtime. */
  readonly main: boolean;
  /** The site's `pagefind/` folder, and the published site's, if there is one. */
  readonly bundle: string;
  readonly previous: string | undefined;
  /** Whether the published site is updated in place (see `IndexOptions.inPlace`). */
  readonly inPlace: boolean;
  /** The shard's speculation, if one was begun (see `Speculation`). */
  readonly speculation: Speculation | undefined;
}

/** What placing a shard asks of the index being built. */
export interface ShardIndexing {
  /** The `pageDigest` of every page of the shard, by now. */
  readonly digests: ReadonlyMap<string, string>;
  /** Indexes the shard into `folder`, resolving to how many pages Pagefind read. */
  index(folder: string): Promise<number>;
  /** Says the last build's bundle was copied: what was kept of the shard's pages for Pagefind can go. */
  reused(): void;
  /** Whether the build was given up. */
  abandoned(): boolean;
}

/** What a shard placed adds to the site: its entry, and what the summary counts of it. */
export interface PlacedShard {
  readonly entry: ShardEntry;
  readonly reused: boolean;
  /** Left where it is in the published site, which is updated in place: nothing of it is in the staging folder. */
  readonly kept: boolean;
  /** HTML pages Pagefind read for it: none when reused. */
  readonly read: number;
  /** Files of its bundle. */
  readonly files: number;
  /** Pages in its index. */
  readonly searchable: number;
}

/**
 * Places a shard's bundle in `<bundle>/shards/<id>/`: left in the published site when that is updated in place and
 * its bundle there is where it belongs, built from the same fingerprint (its record is trusted, so nothing of it is
 * read but the record and the entry); else copied from the last build's when its record says so and it is whole,
 * else the one its speculation made if that still holds, else indexed now; then writes its record. Undefined when
 * the build was given up meanwhile.
 */
export async function placeShard(shard: ShardToPlace, indexing: ShardIndexing): Promise<PlacedShard | undefined> {
  const { plan, fingerprint, main, speculation } = shard;
  const id = fingerprint.slice(0, 16);
  const folder = path.join(shard.bundle, shardsFolder, id);
  const recorded = shard.previous === undefined ? [] : await recordedBundles(shard.previous, id, fingerprint, main);
  const entry = { id, path: main ? "" : `${shardsFolder}/${id}/`, from: plan.from, to: plan.to, articles: plan.articles.length };
  const inPlace = shard.inPlace && shard.previous !== undefined ? (main ? shard.previous : path.join(shard.previous, shardsFolder, id)) : undefined;
  // The main bundle must hold the runtime too.
  const kept = recorded.find((bundle) => bundle.folder === inPlace && (!main || bundle.record.runtime !== undefined));
  if (kept !== undefined) {
    indexing.reused();
    if (speculation) await speculation.giveUp();
    const { data, runtime } = kept.record;
    return { entry, reused: true, kept: true, read: 0, files: data.files + (runtime?.files ?? 0), searchable: await pageCount(kept.folder) };
  }
  let files = reuseShard(recorded, folder, main);
  const reused = files !== undefined;
  let read: number | undefined = 0;
  if (files !== undefined) {
    indexing.reused();
    if (speculation) await speculation.giveUp();
  } else {
    read = await (speculation === undefined ? indexing.index(folder) : speculation.result(indexing.digests));
    if (indexing.abandoned()) return undefined;
    if (read === undefined) read = await indexing.index(folder);
    else if (speculation) {
      await mkdir(path.dirname(folder), { recursive: true });
      await rename(speculation.folder, folder);
    }
    files = bundleFiles(folder);
  }
  await writeShardRecord(folder, fingerprint, plan.articles.length, files, main);
  return { entry, reused, kept: false, read, files: files.data.length + files.runtime.length, searchable: await pageCount(folder) };
}

async function pageCount(folder: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(folder, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

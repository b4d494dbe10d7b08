import { mkdir, readdir, rename, rm, rmdir, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import pLimit, { type LimitFunction } from "p-limit";
import type { Site } from "../article.ts";
import { fingerprintShard, indexedPage, type IndexSettings } from "./fingerprint-shard.ts";
import { HandedPages } from "./handed-pages.ts";
import type { IndexOptions, IndexSummary } from "./index-options.ts";
import { indexSettings } from "./index-settings.ts";
import { indexShard } from "./index-shard.ts";
import { placeShard, type ShardEntry } from "./place-shard.ts";
import { defaultShardSize, planShards, type ShardArticle, type ShardPlan } from "./plan-shards.ts";
import { ShardIndexers } from "./shard-indexers.ts";
import { shardsFolder } from "./shard-record.ts";
import { provisionalPages, Speculation } from "./speculation.ts";

// Pagefind processes at once: each holds one shard's index, up to ~330 MiB at 114,258 articles.
const maxIndexers = 4;

/** Indexes shards as their pages are rendered, one Pagefind process at a time, beside the render (see `startIndexing`). */
export class SearchIndexer {
  readonly #dir: string;
  // Where the pages are read from: the staging folder, then the live site when it is updated in place.
  readonly #pageDirs: readonly string[];
  readonly #options: IndexOptions;
  readonly #plans: ShardPlan[];
  // The site's `pagefind/` folder, and the published site's.
  readonly #bundle: string;
  readonly #previous: string | undefined;
  // Each shard's pages not yet written or rendered: it starts once none is left.
  readonly #waiting: Set<string>[];
  readonly #shardOf: Map<string, number>;
  readonly #entries: ShardEntry[];
  // Files: each shard's `shard.json`, and `shards.json`; its bundle's files are added as it is placed.
  readonly #done: { pages: number; reused: number; searchable: number; files: number };
  readonly #digests: Map<string, string>;
  // What Pagefind is given of pages rendered but maybe not yet written, by URL: kept until their files are written,
  // or their shard is indexed (then handed over) or reused, so it holds a run's pages at most.
  readonly #inputs = new Map<string, string>();
  #abandoned = false;
  // The bundles left in place in the published site (see `IndexOptions.inPlace`).
  readonly #kept: string[] = [];
  readonly #parallel: number;
  readonly #indexers: ShardIndexers | undefined;
  readonly #slot: LimitFunction;
  readonly #speculations = new Map<number, Speculation>();
  // Each shard started, once placed (see `#start`).
  readonly #placed: Promise<void>[] = [];
  // The last fingerprint begun (at first the settings, which every fingerprint needs): the next one waits for it.
  #fingerprints: Promise<unknown>;
  readonly #settings: Promise<IndexSettings>;
  // The site's `pagefind/` folder, emptied.
  readonly #prepared: Promise<void>;

  /** Plans the shards of `articles` and starts those whose pages are all in place in `dir` (see `startIndexing`). */
  constructor(dir: string, site: Site, articles: readonly ShardArticle[], options: IndexOptions = {}) {
    this.#dir = dir;
    this.#options = options;
    this.#pageDirs = options.inPlace && options.previous !== undefined ? [dir, options.previous] : [dir];
    const plans = planShards(articles, options.shardSize ?? defaultShardSize);
    // An empty archive still gets an (empty) bundle, so the search page loads and finds nothing.
    if (plans.length === 0) plans.push({ articles: [], from: "", to: "" });
    this.#plans = plans;
    this.#bundle = path.join(dir, "pagefind");
    this.#previous = options.previous === undefined ? undefined : path.join(options.previous, "pagefind");
    this.#waiting = plans.map((plan) => new Set(plan.articles.map((article) => article.url)));
    this.#shardOf = new Map(plans.flatMap((plan, i) => plan.articles.map((article) => [article.url, i] as const)));
    this.#entries = new Array<ShardEntry>(plans.length);
    this.#done = { pages: 0, reused: 0, searchable: 0, files: plans.length + 1 };
    this.#digests = new Map(options.digests);
    // Shards are indexed side by side, each by a Pagefind process in a worker thread of its own: one core
    // fewer than there are while the render runs, which has a core's worth of work itself, then every core.
    this.#parallel = Math.max(1, Math.min(availableParallelism(), maxIndexers, plans.length));
    this.#indexers = this.#parallel > 1 ? new ShardIndexers(this.#parallel) : undefined;
    // A page not known unchanged may change its shard, which is then indexed again.
    if (articles.some((article) => !this.#digests.has(article.url))) this.#indexers?.prestart();
    this.#slot = pLimit(Math.max(1, this.#parallel - 1));
    this.#settings = after(Promise.resolve(), () => indexSettings(site));
    this.#fingerprints = this.#settings;
    this.#prepared = after(Promise.resolve(), async () => {
      await rm(this.#bundle, { recursive: true, force: true });
      await mkdir(this.#bundle);
    });

    // Shards with no page to wait for start now, and those holding a changed article beside the render.
    this.#waiting.forEach((pages, i) => {
      if (pages.size === 0) this.#start(i);
    });
    this.written(options.written ?? []);
    const { changed } = options;
    if (this.#indexers && this.#previous !== undefined && changed !== undefined) {
      plans.forEach((plan, i) => {
        if (this.#waiting[i]!.size > 0 && plan.articles.some((article) => changed.has(article.url))) this.#speculate(i);
      });
    }
  }

  /**
   * Says these pages' files are written: a shard starts indexing once all of its pages are known. `digests` gives the
   * `pageDigest` of those known without reading them (taken over from the last build).
   */
  written(urls: Iterable<string>, digests?: ReadonlyMap<string, string>): void {
    for (const url of urls) {
      const i = this.#shardOf.get(url);
      if (i === undefined) continue;
      const digest = digests?.get(url);
      if (digest !== undefined) this.#digests.set(url, digest);
      this.#inputs.delete(url);
      this.#known(url, i);
    }
  }

  /**
   * Says this page is rendered, as `html`: what the index needs of it is taken from there, so its file need not be
   * written yet (the render calls this before Eleventy writes it, so that a shard starts on its last page).
   */
  rendered(url: string, html: string): void {
    const i = this.#shardOf.get(url);
    if (i === undefined) return;
    const { input, digest } = indexedPage(html);
    this.#digests.set(url, digest);
    // Kept for the shard until it starts, or handed to it if it runs already; kept too if that run may be thrown
    // away (it read pages provisionally), since the shard is then indexed again, maybe before the file is written.
    const speculation = this.#speculations.get(i);
    if (!speculation?.running || speculation.provisional.size > 0) this.#inputs.set(url, input);
    this.#known(url, i, input);
  }

  /** Says the render is done: indexes what is left, then writes `pagefind/shards.json`. */
  async finish(): Promise<IndexSummary> {
    this.#slot.concurrency = this.#parallel;
    for (const [url, i] of this.#shardOf) this.#known(url, i);
    try {
      await Promise.all(this.#placed);
    } finally {
      await this.#settle();
    }
    // The main bundle moves up to `pagefind/`, where `pagefind.js` looks for its index (unless it is there already,
    // left in place in the published site).
    if (!this.#kept.includes("")) {
      const main = path.join(this.#bundle, shardsFolder, this.#entries[0]!.id);
      for (const name of await readdir(main)) await rename(path.join(main, name), path.join(this.#bundle, name));
      await rmdir(main);
    }
    // Left empty when every other shard is the main one or left in place.
    await rmdir(path.join(this.#bundle, shardsFolder)).catch((cause: NodeJS.ErrnoException) => {
      if (cause.code !== "ENOENT" && cause.code !== "ENOTEMPTY" && cause.code !== "EEXIST") throw cause;
    });
    await writeFile(path.join(this.#bundle, "shards.json"), `${JSON.stringify({ shards: this.#entries })}\n`);
    return { ...this.#done, shards: this.#entries.length, digests: this.#digests, kept: [...this.#kept].sort() };
  }

  /** Says the build failed: starts no more shards, and settles once the Pagefind processes at work have ended. */
  async abandon(): Promise<void> {
    this.#abandoned = true;
    this.#inputs.clear();
    this.#speculations.forEach((speculation) => speculation.stop());
    await this.#settle();
  }

  // Counts a page of shard `i` in: the shard starts with its last. `input`, if given, is handed to the shard's
  // speculation, if it runs (else the page's file is read).
  #known(url: string, i: number, input?: string): void {
    if (!this.#waiting[i]!.delete(url)) return;
    this.#speculations.get(i)?.hand(url, input);
    if (this.#waiting[i]!.size === 0) this.#start(i);
  }

  // Fingerprints are made one at a time, in a chain, so that reading and hashing the next shard's pages
  // overlaps Pagefind (or copying) on this one; then each bundle is copied from the last build, or indexed
  // when a slot is free. A failure is thrown by `finish`; meanwhile it must not go unhandled.
  #start(i: number): void {
    const plan = this.#plans[i]!;
    const fingerprint = after(this.#fingerprints, async () => fingerprintShard(this.#pageDirs, plan, await this.#settings, this.#digests));
    this.#fingerprints = fingerprint;
    const placed = this.#place(i, fingerprint);
    placed.catch(() => undefined);
    this.#placed.push(placed);
  }

  // Places shard `i` once its fingerprint is known (see `placeShard`), and counts it in.
  async #place(i: number, fingerprint: Promise<string>): Promise<void> {
    await this.#prepared;
    if (this.#abandoned) return;
    const plan = this.#plans[i]!;
    const shard = { plan, fingerprint: await fingerprint, main: i === 0, bundle: this.#bundle, previous: this.#previous, inPlace: this.#options.inPlace ?? false, speculation: this.#speculations.get(i) };
    const placed = await placeShard(shard, {
      digests: this.#digests,
      index: (folder) => this.#index(i, folder),
      reused: () => this.#take(plan.articles.map((article) => article.url)),
      abandoned: () => this.#abandoned,
    });
    if (placed === undefined) return;
    // Added once placed, not `done.pages += await …`, which would add to a value read before another shard's.
    if (placed.reused) this.#done.reused++;
    if (placed.kept) this.#kept.push(placed.entry.path);
    this.#done.pages += placed.read;
    this.#done.files += placed.files;
    this.#done.searchable += placed.searchable;
    this.#entries[i] = placed.entry;
  }

  // Indexes shard `i` into `target` once a slot is free (only indexing takes one: a shard to index again need not
  // wait for others being copied). The pages rendered but maybe not written go with it, taken then; those still to
  // be rendered are promised to a speculation; the worker reads the others.
  async #index(i: number, target: string, speculation?: Speculation): Promise<number> {
    const settings = await this.#settings;
    return this.#slot(() => {
      if (this.#abandoned || speculation?.cancelled) return 0;
      const urls = this.#plans[i]!.articles.map((article) => article.url);
      const given = this.#take(urls);
      if (this.#indexers === undefined) return indexShard(this.#pageDirs, urls, target, settings, i === 0, new HandedPages(given));
      // Provisional pages are read from the published site, where their files are as they were; the rest wait for the render.
      const provisional = speculation?.provisional ?? new Map<string, string>();
      const promised = [...this.#waiting[i]!].filter((url) => !provisional.has(url));
      const run = this.#indexers.run([provisional.size > 0 ? [this.#options.previous ?? this.#dir] : this.#pageDirs, urls, target, settings, i === 0, given, promised]);
      speculation?.started(run);
      return run.done;
    });
  }

  // Starts indexing shard `i` at once, beside the render, in a folder of its own (see `Speculation`).
  #speculate(i: number): void {
    const provisional = provisionalPages(this.#plans[i]!.articles, this.#waiting[i]!, this.#options.lastDigests, this.#options.changed);
    const speculation = new Speculation(path.join(this.#bundle, `.shard-${i}`), provisional, (speculation) => after(this.#prepared, () => this.#index(i, speculation.folder, speculation)));
    this.#speculations.set(i, speculation);
  }

  // Takes what Pagefind is given of these pages, where it is kept.
  #take(urls: readonly string[]): Map<string, string> {
    const taken = new Map<string, string>();
    for (const url of urls) {
      const input = this.#inputs.get(url);
      if (input === undefined) continue;
      taken.set(url, input);
      this.#inputs.delete(url);
    }
    return taken;
  }

  // Waits for every shard started, then stops the workers.
  async #settle(): Promise<void> {
    await Promise.allSettled([...this.#placed, ...[...this.#speculations.values()].map((speculation) => speculation.done)]);
    await this.#indexers?.close();
  }
}

// Chains `step` after `chain`; a failure is thrown where the result is awaited, and meanwhile is not unhandled.
function after<T>(chain: Promise<unknown>, step: () => Promise<T>): Promise<T> {
  const next = chain.then(step);
  next.catch(() => undefined);
  return next;
}

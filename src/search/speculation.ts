import { rm } from "node:fs/promises";
import type { ShardArticle } from "./plan-shards.ts";
import type { ShardRun } from "./shard-indexers.ts";

/**
 * A shard holding an article changed since the last build, started at once, beside the render (see
 * `IndexOptions.changed`), in a folder of its own until its fingerprint names it; it is given up if the last build's
 * bundle still fits, and indexed again if a page it read provisionally turns out to have changed.
 */
export class Speculation {
  readonly folder: string;
  /** Pages read from the published site before the page plan said whether they change, with the last build's digest of each. */
  readonly provisional: ReadonlyMap<string, string>;
  /** How many pages Pagefind read; rejects if indexing failed or was cancelled. */
  readonly done: Promise<number>;
  #run: ShardRun | undefined;
  #cancelled = false;

  /** `index` indexes the shard into `folder` once it may, telling the speculation of its run (see `started`). */
  constructor(folder: string, provisional: ReadonlyMap<string, string>, index: (speculation: Speculation) => Promise<number>) {
    this.folder = folder;
    this.provisional = provisional;
    this.done = index(this);
  }

  /** Whether it was stopped: a run not yet begun is then never begun. */
  get cancelled(): boolean {
    return this.#cancelled;
  }

  /** Whether its shard is being indexed in a worker, which takes the pages handed to it. */
  get running(): boolean {
    return this.#run !== undefined;
  }

  /** Says the shard is being indexed by `run`. */
  started(run: ShardRun): void {
    this.#run = run;
  }

  /** Hands a page to the run, if it is under way: its input, or none when its file can be read. */
  hand(url: string, input?: string): void {
    this.#run?.hand(url, input);
  }

  /** Cancels the run, or the run to come. */
  stop(): void {
    this.#cancelled = true;
    this.#run?.cancel();
  }

  /**
   * What the speculation read; undefined, its bundle thrown away, when a page it read before the render turned out to give
   * the index another part now (or was gone from the published site), so the shard must be indexed again.
   * @param digests The `pageDigest` of every page of the shard, by now.
   */
  async result(digests: ReadonlyMap<string, string>): Promise<number | undefined> {
    const read = await (this.provisional.size > 0 ? this.done.catch(() => undefined) : this.done);
    if (read !== undefined && [...this.provisional].every(([url, digest]) => digests.get(url) === digest)) return read;
    await rm(this.folder, { recursive: true, force: true });
    return undefined;
  }

  /** Stops it and throws its bundle away: the last build's still fits. */
  async giveUp(): Promise<void> {
    this.stop();
    await this.done.catch(() => undefined);
    await rm(this.folder, { recursive: true, force: true });
  }
}

/**
 * The pages a speculation reads from the published site rather than waiting for the render: those of `articles` still
 * `waiting` for it and not `changed`, with the digest the last build recorded of each (`lastDigests`).
 */
export function provisionalPages(articles: readonly ShardArticle[], waiting: ReadonlySet<string>, lastDigests: ReadonlyMap<string, string> = new Map(), changed?: ReadonlySet<string>): Map<string, string> {
  return new Map(
    articles.flatMap(({ url }) => {
      const digest = lastDigests.get(url);
      return digest !== undefined && waiting.has(url) && !(changed?.has(url) ?? false) ? [[url, digest] as const] : [];
    }),
  );
}

import type { Worker } from "node:worker_threads";
import { moduleWorker } from "../files/module-worker.ts";
import type { IndexSettings } from "./fingerprint-shard.ts";

/**
 * A shard to index, as sent to a worker: `indexShard`'s arguments, with its pages as those rendered before it starts
 * (what Pagefind is given of them, by URL) and the URLs of those promised, handed over later by `ShardRun.hand`.
 */
export type ShardJob = readonly [dirs: readonly string[], urls: readonly string[], target: string, settings: IndexSettings, keepRuntime: boolean, given: ReadonlyMap<string, string>, promised: readonly string[]];

/** A shard being indexed in a worker. */
export interface ShardRun {
  /** How many pages Pagefind read; rejects if indexing failed or was cancelled. */
  readonly done: Promise<number>;
  /** Hands over a promised page, as `HandedPages.hand`. */
  hand(url: string, input?: string): void;
  /** Gives up on the shard, as `HandedPages.cancel`: its promised pages will not come. */
  cancel(): void;
}

/**
 * Worker threads that index shards side by side. Pagefind's Node API runs one backend process per module
 * instance and that process indexes one thing at a time (two indexes at once in it took as long as in turn,
 * measured), so each worker, with its own instance, gives another process and another core.
 */
export class ShardIndexers {
  readonly #count: number;
  readonly #all: Worker[] = [];
  readonly #idle: Worker[] = [];
  readonly #pending = new Map<number, { resolve: (read: number) => void; reject: (cause: Error) => void }>();
  #next = 0;

  /** Up to `count` workers, each started when first needed: a build that reuses every shard starts none. */
  constructor(count: number) {
    this.#count = count;
  }

  /** Starts a worker before it is needed, so that a rebuild of one shard does not wait for one to load. */
  prestart(): void {
    if (this.#all.length === 0) this.#idle.push(this.#start());
  }

  /** Indexes a shard in an idle worker; call it at most `count` times at once. */
  run(job: ShardJob): ShardRun {
    const worker = this.#idle.pop() ?? (this.#all.length < this.#count ? this.#start() : undefined);
    if (worker === undefined) return { done: Promise.reject(new Error("Internal error: no idle search index worker")), hand() {}, cancel() {} };
    const id = this.#next++;
    const done = new Promise<number>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ id, job });
    });
    return {
      done,
      hand: (url, input) => worker.postMessage({ id, hand: [url, input] }),
      cancel: () => worker.postMessage({ id, cancel: true }),
    };
  }

  /** Stops the workers, once no shard is being indexed. */
  async close(): Promise<void> {
    await Promise.all(this.#all.map((worker) => worker.terminate()));
  }

  #start(): Worker {
    const worker = moduleWorker(new URL("./shard-worker.ts", import.meta.url));
    worker.on("message", (message: { id: number; read?: number; error?: string }) => {
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      this.#idle.push(worker);
      if (message.error !== undefined) pending?.reject(new Error(message.error));
      else pending?.resolve(message.read ?? 0);
    });
    const fail = (cause: Error): void => {
      // A worker that is gone is never given a shard again (one started ahead may fail before it has any).
      for (const list of [this.#all, this.#idle]) if (list.includes(worker)) list.splice(list.indexOf(worker), 1);
      for (const { reject } of this.#pending.values()) reject(cause);
      this.#pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`Internal error: a search index worker exited with code ${code}`)));
    this.#all.push(worker);
    return worker;
  }
}

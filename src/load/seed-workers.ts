import type { Worker } from "node:worker_threads";
import type { EnrichOptions } from "../enrich/index.ts";
import type { SeedFile } from "../parse/index.ts";
import { moduleWorker } from "../files/module-worker.ts";
import type { SeedTimings } from "./seed-record.ts";
import type { SeedBatch } from "./seed-worker.ts";

interface Pending {
  readonly resolve: (records: readonly string[]) => void;
  readonly reject: (cause: unknown) => void;
}

/** Worker threads that parse and enrich batches of seeds, so both cores work while the main thread reads. */
export class SeedWorkers {
  readonly #workers: { readonly worker: Worker; readonly pending: Map<number, Pending> }[];
  readonly timings: SeedTimings = { parse: 0, enrich: 0 };
  #next = 0;

  constructor(count: number) {
    this.#workers = Array.from({ length: count }, () => {
      const worker = moduleWorker(new URL("./seed-worker.ts", import.meta.url));
      const pending = new Map<number, Pending>();
      worker.on("message", (message: { id: number; records: string[]; timings: SeedTimings }) => {
        this.timings.parse += message.timings.parse;
        this.timings.enrich += message.timings.enrich;
        pending.get(message.id)?.resolve(message.records);
        pending.delete(message.id);
      });
      const fail = (cause: unknown): void => {
        for (const { reject } of pending.values()) reject(cause);
        pending.clear();
      };
      worker.on("error", fail);
      worker.on("exit", (code) => fail(new Error(`Internal error: a seed worker exited with code ${code}`)));
      return { worker, pending };
    });
  }

  /** Parses and enriches a batch of seeds in the least busy worker, giving each SeedRecord as JSON. */
  run(seeds: readonly SeedFile[], bytes: readonly Uint8Array[], enrich: EnrichOptions): Promise<readonly string[]> {
    const target = this.#workers.reduce((least, current) => (current.pending.size < least.pending.size ? current : least));
    const id = this.#next++;
    const batch: SeedBatch = { id, seeds, bytes, enrich };
    return new Promise((resolve, reject) => {
      target.pending.set(id, { resolve, reject });
      target.worker.postMessage(batch);
    });
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map(({ worker }) => worker.terminate()));
  }
}

// A worker thread of SeedWorkers: parses and enriches the batches of seeds it is sent.
import { parentPort } from "node:worker_threads";
import type { EnrichOptions } from "../enrich/index.ts";
import type { SeedFile } from "../parse/index.ts";
import { seedRecord, type SeedTimings } from "./seed-record.ts";

/** A batch of seeds with their bytes. */
export interface SeedBatch {
  readonly id: number;
  readonly seeds: readonly SeedFile[];
  readonly bytes: readonly Uint8Array[];
  readonly enrich: EnrichOptions;
}

parentPort?.on("message", (batch: SeedBatch) => {
  const timings: SeedTimings = { parse: 0, enrich: 0 };
  // JSON, not structured clones: the main thread parses it once and stores the same text in the record cache.
  const records = batch.seeds.map((seed, i) => JSON.stringify(seedRecord(batch.bytes[i] as Uint8Array, seed, timings, batch.enrich)));
  parentPort?.postMessage({ id: batch.id, records, timings });
});

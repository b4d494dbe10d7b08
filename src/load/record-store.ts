import { createHash } from "node:crypto";
import type { EnrichOptions } from "../enrich/index.ts";
import type { SeedFile } from "../parse/index.ts";
import type { SeedRecord } from "./seed-record.ts";

/**
 * Where loading keeps what seeds give, between builds: it is handed one (the build cache's RecordCache), reads the
 * record of every seed it has seen, adds those it makes, and saves them while the build goes on.
 */
export interface RecordStore {
  /** The record of a seed's key, if stored. */
  get(key: string): SeedRecord | undefined;
  /** Keeps a record made in this build, as JSON. */
  set(key: string, json: string): void;
  /** Writes what was asked for or made in this build. */
  save(): Promise<void>;
  /** Records stored by earlier builds. */
  readonly size: number;
  /** Why the stored records were not used, if they were not. */
  readonly discarded: string | undefined;
}

/** The key of a seed: a hash of its names (problems quote its path), the options that change its enrichment, and its bytes. */
export function seedKey(seed: SeedFile, bytes: Uint8Array, enrich: EnrichOptions = {}): string {
  // The default options add nothing, so records cached before an option existed keep their keys.
  const options = enrich.usWire === true ? "usWire\0" : "";
  return createHash("sha256").update(`${seed.source}\0${seed.file}\0${options}`).update(bytes).digest("hex");
}

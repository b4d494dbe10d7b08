export { hasErrors, loadArchive, type LoadOptions, type LoadResult } from "./load-archive.ts";
export { type RecordStore, seedKey } from "./record-store.ts";
export type { SeedRecord } from "./seed-record.ts";

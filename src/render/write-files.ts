import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Files to write: their paths and contents. */
export type WriteBatch = readonly (readonly [file: string, content: string | Buffer])[];

/**
 * Writes the files in order, synchronously, each folder made once with its parents (`folders` holds those made so
 * far). Synchronous calls, since libuv's asynchronous ones cost twice the CPU (a round trip through its thread pool
 * for each of mkdir, open, write and close). Throws the first failure, with its `code` and `path`.
 */
export function writeFiles(batch: WriteBatch, folders: Set<string>): void {
  for (const [file, content] of batch) {
    const dir = path.dirname(file);
    if (!folders.has(dir)) {
      mkdirSync(dir, { recursive: true });
      folders.add(dir);
    }
    writeFileSync(file, content);
  }
}

// The thread of a PageWriter (page-writer.ts): writes the batches of files it is sent, in order, and says so after each.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parentPort } from "node:worker_threads";
import type { WriteBatch, WriteReply } from "./page-writer.ts";

// Folders made so far: a page's folder is made once, with its parents.
const folders = new Set<string>();

parentPort?.on("message", (batch: WriteBatch) => {
  let reply: WriteReply = { written: batch.length };
  try {
    for (const [file, content] of batch) {
      const dir = path.dirname(file);
      if (!folders.has(dir)) {
        mkdirSync(dir, { recursive: true });
        folders.add(dir);
      }
      writeFileSync(file, content);
    }
  } catch (cause) {
    // An Error crosses threads without its `code` and `path`, which say what the machine refused.
    const failure = cause as NodeJS.ErrnoException;
    reply = { failed: { message: failure.message, ...(failure.code !== undefined ? { code: failure.code } : {}), ...(failure.path !== undefined ? { path: failure.path } : {}) } };
  }
  parentPort?.postMessage(reply);
});

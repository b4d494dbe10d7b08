// The thread of a PageWriter (page-writer.ts): writes the batches of files it is sent, in order, and says so after each.
import { parentPort } from "node:worker_threads";
import type { WriteReply } from "./page-writer.ts";
import { writeFiles, type WriteBatch } from "./write-files.ts";

const folders = new Set<string>();

parentPort?.on("message", (batch: WriteBatch) => {
  let reply: WriteReply = { written: batch.length };
  try {
    writeFiles(batch, folders);
  } catch (cause) {
    // An Error crosses threads without its `code` and `path`, which say what the machine refused.
    const failure = cause as NodeJS.ErrnoException;
    reply = { failed: { message: failure.message, ...(failure.code !== undefined ? { code: failure.code } : {}), ...(failure.path !== undefined ? { path: failure.path } : {}) } };
  }
  parentPort?.postMessage(reply);
});

import type { Worker } from "node:worker_threads";
import { moduleWorker } from "../files/module-worker.ts";
import { writeFiles, type WriteBatch } from "./write-files.ts";

/** The write thread's answer to a batch. */
export type WriteReply = { readonly written: number } | { readonly failed: { readonly message: string; readonly code?: string; readonly path?: string } };

// Files a message carries: one message per page would cost more than the page's write.
const batchSize = 64;

/**
 * Writes a render's files in a thread of its own, while the render goes on. Eleventy writes each page on the render's
 * thread (a `stat`, `mkdirSync` and `writeFileSync`, which waited there for a busy disk): at 10,000 articles a
 * render-only run spent 6-7 of its ~17 CPU seconds in those calls, and 15 % less CPU in all with this thread. The
 * thread writes synchronously, in batches, each folder made once (`writeFiles`). Without a next slice to render
 * beside the writes (`thread: false`), the thread would only cost its start: the files are written here.
 */
export class PageWriter {
  readonly #thread: boolean;
  // The folders made here when there is no thread.
  readonly #folders = new Set<string>();
  #worker: Worker | undefined;
  // One resolver per batch sent and not yet answered, in the order sent (the thread answers in that order).
  readonly #waiting: ((reply: WriteReply) => void)[] = [];

  constructor(options: { readonly thread: boolean }) {
    this.#thread = options.thread;
  }

  /**
   * Writes the files; resolves once they are written, rejects with the first failure. They are sent (copied) at once
   * and not held here while the thread writes them.
   */
  write(files: WriteBatch): Promise<void> {
    if (!this.#thread) {
      try {
        writeFiles(files, this.#folders);
        return Promise.resolve();
      } catch (cause) {
        return Promise.reject(cause as Error);
      }
    }
    const replies: Promise<WriteReply>[] = [];
    for (let start = 0; start < files.length; start += batchSize) {
      const worker = (this.#worker ??= this.#start());
      replies.push(new Promise<WriteReply>((resolve) => this.#waiting.push(resolve)));
      worker.postMessage(files.slice(start, start + batchSize));
    }
    return PageWriter.#settle(replies);
  }

  static async #settle(replies: readonly Promise<WriteReply>[]): Promise<void> {
    for (const reply of await Promise.all(replies)) {
      if ("failed" in reply) {
        const { message, code, path } = reply.failed;
        throw Object.assign(new Error(message), code !== undefined ? { code } : {}, path !== undefined ? { path } : {});
      }
    }
  }

  /** Ends the thread, once nothing is being written. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #start(): Worker {
    const worker = moduleWorker(new URL("./write-worker.ts", import.meta.url));
    worker.on("message", (reply: WriteReply) => this.#waiting.shift()?.(reply));
    // A thread that dies answers none of its batches: each gets the failure, and the next batch a new thread.
    const fail = (cause: unknown): void => {
      if (this.#worker === worker) this.#worker = undefined;
      const message = cause instanceof Error ? cause.message : `the write thread ended (exit code ${String(cause)})`;
      for (const resolve of this.#waiting.splice(0)) resolve({ failed: { message } });
    };
    worker.on("error", fail);
    worker.on("exit", fail);
    return worker;
  }
}

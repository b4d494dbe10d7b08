// A worker thread of ShardIndexers: indexes the shards it is sent, each with the Pagefind process of its own thread.
import { parentPort } from "node:worker_threads";
import { HandedPages } from "./handed-pages.ts";
import { indexShard } from "./index-shard.ts";
import type { ShardJob } from "./shard-indexers.ts";

type Message = { id: number; job: ShardJob } | { id: number; hand: [url: string, input?: string] } | { id: number; cancel: true };

const running = new Map<number, HandedPages>();

parentPort?.on("message", (message: Message) => {
  const { id } = message;
  if ("hand" in message) running.get(id)?.hand(...message.hand);
  else if ("cancel" in message) running.get(id)?.cancel(new Error("Search indexing of the shard was cancelled"));
  else {
    const [dirs, urls, target, settings, keepRuntime, given, promised] = message.job;
    const pages = new HandedPages(given, promised);
    running.set(id, pages);
    indexShard(dirs, urls, target, settings, keepRuntime, pages)
      .then(
        (read) => parentPort?.postMessage({ id, read }),
        (cause: unknown) => parentPort?.postMessage({ id, error: cause instanceof Error ? cause.message : String(cause) }),
      )
      .finally(() => running.delete(id));
  }
});

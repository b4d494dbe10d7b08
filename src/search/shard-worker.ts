// A worker thread of ShardIndexers: indexes the shards it is sent, each with the Pagefind process of its own thread.
import { parentPort } from "node:worker_threads";
import { indexShard } from "./index-shard.ts";
import type { ShardJob } from "./shard-indexers.ts";

parentPort?.on("message", ({ id, args }: { id: number; args: ShardJob }) => {
  indexShard(...args).then(
    (read) => parentPort?.postMessage({ id, read }),
    (cause: unknown) => parentPort?.postMessage({ id, error: cause instanceof Error ? cause.message : String(cause) }),
  );
});

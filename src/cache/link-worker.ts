// The worker thread of linkLastBuild: links the last build's pages while the main thread loads the archive.
import { parentPort } from "node:worker_threads";
import { type LinkOptions, linkPages } from "./link-last-build.ts";

parentPort?.once("message", (options: LinkOptions) => {
  linkPages(options).then(
    (last) => parentPort?.postMessage({ last }),
    (cause: unknown) => parentPort?.postMessage({ error: cause instanceof Error ? cause.message : String(cause) }),
  );
});

import path from "node:path";
import { Worker } from "node:worker_threads";

/**
 * A worker thread that runs one of Dateline's worker modules, given by its TypeScript source. Compiled (see
 * bin/compiled.js), each worker module is a file of the bundle named after its source, beside this module's.
 * From src/ on Node 20, a worker inherits no loader hooks, and tsx's `--import tsx/esm` registers them only in the
 * main thread, so the worker registers tsx's API itself before it loads the module, as bin/compiled.js does.
 */
export function moduleWorker(source: URL): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL(`./${path.posix.basename(source.pathname, ".ts")}.js`, import.meta.url));
  const bootstrap = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); })`;
  return new Worker(bootstrap, { eval: true });
}

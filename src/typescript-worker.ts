import { Worker } from "node:worker_threads";

/**
 * A worker thread that runs one of Dateline's TypeScript modules. On Node 20 a worker inherits no loader
 * hooks, and tsx's `--import tsx/esm` registers them only in the main thread, so the worker registers
 * tsx's API itself before it loads the module, as bin/dateline.js does.
 */
export function typeScriptWorker(module: URL): Worker {
  const bootstrap = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(bootstrap, { eval: true });
}

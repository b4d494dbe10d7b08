// @ts-check
// Dateline is written in TypeScript. It runs from a bundle that esbuild makes of src/ the first time it is run after
// a change, kept under a hash of everything that goes into it, so there is no compiled copy to drift. Loading it takes
// half a second less than running src/ through tsx, whose loader hooks see every module Eleventy imports.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const cache = path.join(root, "node_modules", ".cache", "dateline");

// Each module a thread starts from, named as `moduleWorker` (src/files/module-worker.ts) finds it beside the others.
const entryPoints = {
  cli: "src/cli/index.ts",
  "seed-worker": "src/load/seed-worker.ts",
  "shard-worker": "src/search/shard-worker.ts",
  "write-worker": "src/render/write-worker.ts",
};

/**
 * The URL of the module exporting `main`: the bundle's, made first if src/ changed since it was, or, where no
 * bundle can be made (a read-only install), the TypeScript source run through tsx.
 */
export async function cliModule() {
  try {
    return pathToFileURL(await bundle()).href;
  } catch {
    const { register } = await import("tsx/esm/api");
    register();
    return new URL("../src/cli/index.ts", import.meta.url).href;
  }
}

/** @returns {Promise<string>} the bundle's entry module, made if need be */
async function bundle() {
  // Found as Node finds it, wherever the package manager put it.
  const esbuildVersion = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("esbuild/package.json"), "utf8")).version;
  const hash = createHash("sha256").update(`esbuild ${esbuildVersion}\0`);
  for (const file of ["bin/compiled.js", "tsconfig.json", ...sourceFiles()]) hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update("\0");
  const dir = path.join(cache, `bundle-${hash.digest("hex").slice(0, 16)}`);
  const entry = path.join(dir, "cli.js");
  if (existsSync(entry)) return entry;

  // Made aside and renamed into place, so a process never loads a half-written bundle; another one may win the race.
  const { build } = await import("esbuild");
  const making = `${dir}.tmp-${process.pid}`;
  await build({
    absWorkingDir: root,
    entryPoints,
    outdir: making,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    // Eleventy tells one plugin from another by its function's name.
    keepNames: true,
    sourcemap: "linked",
    // `packageRoot` (src/files/package-root.ts), from a module of the bundle.
    define: { DATELINE_ROOT_FROM_BUNDLE: JSON.stringify("../../../../") },
    logLevel: "silent",
  });
  try {
    renameSync(making, dir);
  } catch (cause) {
    rmSync(making, { recursive: true, force: true });
    if (!existsSync(entry)) throw cause;
  }
  removeOldBundles(dir);
  return entry;
}

/** @returns {string[]} every file of src/, `/`-separated and sorted */
function sourceFiles() {
  return readdirSync(path.join(root, "src"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/**
 * Bundles of older sources, kept for a day: a build started before src/ changed may still start threads from its own.
 * @param {string} current
 */
function removeOldBundles(current) {
  const dayAgo = Date.now() - 86_400_000;
  for (const name of readdirSync(cache)) {
    const dir = path.join(cache, name);
    if (dir !== current && name.startsWith("bundle-") && statSync(dir).mtimeMs < dayAgo) rmSync(dir, { recursive: true, force: true });
  }
}

import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import slugify from "@sindresorhus/slugify";
import { UsageError } from "../errors.ts";
import { packageRoot } from "../files/package-root.ts";
import { projectFiles } from "./project-files.ts";

/**
 * Makes a new site project in `dir` (made if missing; refused unless empty): package.json depending on this
 * Dateline, the config file, one example seed, a README, .gitignore and the GitHub Pages workflow. Returns the
 * files written, relative to `dir`.
 */
export async function initProject(dir: string): Promise<string[]> {
  const found = await readdir(dir).catch((cause: NodeJS.ErrnoException) => {
    if (cause.code === "ENOENT") return [];
    if (cause.code === "ENOTDIR") throw new UsageError(`${dir} is a file, not a folder`);
    throw cause;
  });
  if (found.length > 0) throw new UsageError(`${dir} is not empty; init makes a new project in a new or empty folder`);
  const name = slugify(path.basename(path.resolve(dir))) || "news-archive";
  const files = projectFiles(name, await dependencySpec());
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text, { flag: "wx" });
  }
  return Object.keys(files);
}

/**
 * How the new project depends on this Dateline: installed from npm (it runs from a `node_modules` folder), the same
 * major version or a later compatible one; run from a clone of its repository, that clone, so `npm install` works
 * before Dateline is published.
 */
async function dependencySpec(): Promise<string> {
  if (packageRoot.split(path.sep).includes("node_modules")) {
    const { version } = JSON.parse(await readFile(path.join(packageRoot, "package.json"), "utf8")) as { version: string };
    return `^${version}`;
  }
  return `file:${path.resolve(packageRoot)}`;
}

import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { outputFile } from "../render/page-model.ts";

/**
 * The HTML of the page at `url`, from the first of `dirs` that holds it: the staging folder, then, when the live site
 * is updated in place, the live site, which keeps the pages this build did not render again.
 */
export async function readPage(dirs: readonly string[], url: string): Promise<string> {
  for (const [i, dir] of dirs.entries()) {
    try {
      return await readFile(path.join(dir, outputFile(url)), "utf8");
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== "ENOENT" || i === dirs.length - 1) throw cause;
    }
  }
  throw new Error("Internal error: no folder to read a page from");
}

/** `readPage`, synchronous: see `indexShard`. */
export function readPageSync(dirs: readonly string[], url: string): string {
  for (const [i, dir] of dirs.entries()) {
    try {
      return readFileSync(path.join(dir, outputFile(url)), "utf8");
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== "ENOENT" || i === dirs.length - 1) throw cause;
    }
  }
  throw new Error("Internal error: no folder to read a page from");
}

import { existsSync } from "node:fs";
import path from "node:path";
import { outputFile } from "../render/page-model.ts";

/**
 * The file of the page at `url` in the first of `dirs` that holds it: the staging folder, then, when the live site is
 * updated in place, the live site, which keeps the pages this build did not render again. The last folder's when none
 * holds it, so that reading it fails naming that file.
 */
export function pageFile(dirs: readonly string[], url: string): string {
  const files = dirs.map((dir) => path.join(dir, outputFile(url)));
  return files.find((file, i) => i === files.length - 1 || existsSync(file)) as string;
}

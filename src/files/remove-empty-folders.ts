import { rmdirSync } from "node:fs";
import path from "node:path";

/** Removes `dir` (relative to `root`) and then its parents while they are empty, up to `root`. */
export function removeEmptyFolders(root: string, dir: string): void {
  for (let at = dir; at !== "." && at !== "" && at !== "/"; at = path.dirname(at)) {
    try {
      rmdirSync(path.join(root, at));
    } catch {
      return;
    }
  }
}


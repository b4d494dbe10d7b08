import { readdir } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";

/**
 * Everything below `dir` that is not a folder (relative paths, `/`-separated), but for its top-level folders
 * named in `except`. Folders are read side by side: Node's recursive `readdir` reads one at a time, which took
 * 0.85–1.1 s for a 10,000-article site's 15,900 folders against 0.35–0.4 s so.
 */
export async function listFiles(dir: string, except: readonly string[] = []): Promise<string[]> {
  const inParallel = pLimit(16);
  const files: string[] = [];
  const read = async (folder: string): Promise<void> => {
    const entries = await inParallel(() => readdir(path.join(dir, folder), { withFileTypes: true }));
    const below = folder === "" ? "" : `${folder}/`;
    await Promise.all(
      entries.map((entry) => {
        if (!entry.isDirectory()) files.push(below + entry.name);
        else if (folder !== "" || !except.includes(entry.name)) return read(below + entry.name);
        return undefined;
      }),
    );
  };
  await read("");
  return files;
}

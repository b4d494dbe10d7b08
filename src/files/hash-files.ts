import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { listFiles } from "./list-files.ts";

/** SHA-256 over the named files and folders below `root` (each file's path and bytes, in a stable order) and `extra`. */
export async function hashFiles(root: string, names: readonly string[], extra = ""): Promise<string> {
  const hash = createHash("sha256").update(extra);
  const files: string[] = [];
  for (const name of names) {
    const found = await stat(path.join(root, name)).catch(() => undefined);
    if (found?.isDirectory()) files.push(...listFiles(path.join(root, name)).map((file) => path.posix.join(name, file)));
    else if (found?.isFile()) files.push(name);
  }
  for (const file of files.sort()) {
    const bytes = await readFile(path.join(root, file));
    hash.update(`\0${file}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest("hex");
}

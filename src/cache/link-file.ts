import { copyFile, link } from "node:fs/promises";

/**
 * Puts `from`'s bytes at `to`: a hard link, or a copy where the file system refuses links. Says which,
 * since a copy has a new modification time.
 */
export async function linkFile(from: string, to: string): Promise<"linked" | "copied"> {
  try {
    await link(from, to);
    return "linked";
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code !== "EXDEV" && code !== "EPERM" && code !== "EMLINK" && code !== "ENOTSUP" && code !== "EACCES") throw cause;
    await copyFile(from, to);
    return "copied";
  }
}

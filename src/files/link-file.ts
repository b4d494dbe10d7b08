import { copyFileSync, linkSync } from "node:fs";

/**
 * Puts `from`'s bytes at `to`: a hard link, or a copy where the file system refuses links. Says which,
 * since a copy has a new modification time. Synchronous, as its callers make thousands of these calls in a row
 * (see `linkPages`).
 */
export function linkFile(from: string, to: string): "linked" | "copied" {
  try {
    linkSync(from, to);
    return "linked";
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code !== "EXDEV" && code !== "EPERM" && code !== "EMLINK" && code !== "ENOTSUP" && code !== "EACCES") throw cause;
    copyFileSync(from, to);
    return "copied";
  }
}

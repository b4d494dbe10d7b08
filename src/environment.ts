import path from "node:path";
import { EnvironmentError } from "./errors.ts";

// What the machine says when it will not let a build finish, in words, with what to do about it.
const causes: Readonly<Record<string, readonly [cause: string, todo: string]>> = {
  ENOSPC: ["the disk is full", "free some space (or build to another disk with --out) and build again"],
  EDQUOT: ["your disk quota is used up", "free some space (or build to another disk with --out) and build again"],
  EACCES: ["permission denied", "give yourself write access to it, or choose another folder"],
  EPERM: ["the operation is not permitted", "give yourself write access to it, or choose another folder"],
  EROFS: ["the file system is read-only", "choose a folder on a writable disk"],
  EIO: ["the disk reported an input/output error", "check the disk, then build again"],
  EMFILE: ["too many files are open", "raise the limit of open files (ulimit -n) and build again"],
  ENFILE: ["the system has too many files open", "close other programs and build again"],
  ENOTDIR: ["a part of the path is a file, not a folder", "choose a path whose folders are folders"],
  ENAMETOOLONG: ["the path is too long", "choose a shorter output path"],
  EBUSY: ["the file or folder is busy", "close what is using it and build again"],
  EEXIST: ["a file stands where a folder should be", "move the file away"],
};

// Pagefind (Rust) reports the system's error by its number: `No space left on device (os error 28)`.
const osErrors: Readonly<Record<number, string>> = { 1: "EPERM", 5: "EIO", 13: "EACCES", 20: "ENOTDIR", 24: "EMFILE", 28: "ENOSPC", 30: "EROFS", 36: "ENAMETOOLONG", 122: "EDQUOT" };

/**
 * The environment error behind `cause`, if the machine is what stopped the build: the first error in its chain of
 * causes (Error.cause, Eleventy's originalError) with a system error code Dateline cannot fix, as one line naming
 * the path (`at`, else the failure's, else `fallback`), the cause and what to do. Undefined for anything else, which is then a problem of the seeds or a bug.
 */
export function environmentError(cause: unknown, place: { at?: string; fallback?: string } = {}): EnvironmentError | undefined {
  for (let current = cause, depth = 0; current instanceof Error && depth < 10; depth++) {
    if (current instanceof EnvironmentError) return current;
    const failure = current as NodeJS.ErrnoException & { originalError?: unknown };
    const code = failure.code ?? osErrorCode(failure.message);
    const known = code === undefined ? undefined : causes[code];
    if (known !== undefined) {
      const at = place.at ?? (failure.path !== undefined ? shown(failure.path) : place.fallback);
      return new EnvironmentError(`${at !== undefined ? `${at}: ` : ""}${known[0]} (${code}); ${known[1]}`);
    }
    current = failure.cause ?? failure.originalError;
  }
  return undefined;
}

/** The words for a system error code, for a warning that goes on without what failed (e.g. the cache). */
export function describeFailure(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const known = code === undefined ? undefined : causes[code];
  return known !== undefined ? `${known[0]} (${code})` : cause instanceof Error ? cause.message : String(cause);
}

/** A path as the user would type it: relative inside the current folder, else absolute. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? path.resolve(file) : relative;
}

function osErrorCode(message: string): string | undefined {
  const number = /\(os error (\d+)\)/.exec(message)?.[1];
  return number === undefined ? undefined : osErrors[Number(number)];
}

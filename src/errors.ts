// The catalogue of problems a seed can have. Ids are permanent, so users can search for them.

export type ProblemId =
  | "unreadable-file"
  | "empty-file"
  | "binary-file"
  | "not-utf8"
  | "missing-date"
  | "invalid-date"
  | "missing-body"
  | "invalid-front-matter"
  | "unsafe-permalink"
  | "url-conflict"
  | "duplicate-article";

export type Severity = "error" | "warning";

/** One problem with one seed, placed compiler-style. */
export interface Problem {
  readonly id: ProblemId;
  readonly severity: Severity;
  /** Path of the seed as the user typed it (relative to the current folder). */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

const hints: Readonly<Record<ProblemId, string>> = {
  "unreadable-file": "Check that the file exists and that you may read it.",
  "empty-file": "Write the article after a first line such as ` date 2022-03-06 First paragraph…`, or delete the file.",
  "binary-file": "Only text seeds (.txt, .md) belong in the seeds folder; move this file elsewhere.",
  "not-utf8": "Save the file as UTF-8 so every character is read as you meant it.",
  "missing-date": "Start a .txt seed with ` date YYYY-MM-DD` followed by the first paragraph; give a .md seed `date: YYYY-MM-DD` in its front matter.",
  "invalid-date": "Write the date as YYYY-MM-DD, a day that exists in the calendar (e.g. 2022-03-06).",
  "missing-body": "Add the article text after the date: the first paragraph goes on the same line.",
  "invalid-front-matter": "Front matter is YAML between two `---` lines; check the quoting and indentation on that line.",
  "unsafe-permalink": "Use a path inside the site made of lower-case letters, digits and hyphens, ending with `/`, e.g. /2022/special-report/.",
  "url-conflict": "Give one of the articles another `permalink` or `slug`.",
  "duplicate-article": "Delete one of the two files, or change one of the bodies if they are different stories.",
};

/** The one-sentence fix for a problem id. */
export function hintFor(id: ProblemId): string {
  return hints[id];
}

/** Makes an error-severity problem. */
export function error(id: ProblemId, file: string, line: number, column: number, message: string): Problem {
  return { id, severity: "error", file, line, column, message };
}

/** Makes a warning-severity problem. */
export function warning(id: ProblemId, file: string, line: number, column: number, message: string): Problem {
  return { id, severity: "warning", file, line, column, message };
}

/** `path:line:col: error: message [id]`, then the hint on its own line. */
export function formatProblem(problem: Problem): string {
  const { file, line, column, severity, message, id } = problem;
  return `${file}:${line}:${column}: ${severity}: ${message} [${id}]\n  hint: ${hintFor(id)}`;
}

/** Thrown for bad usage of the CLI (exit status 2). */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Thrown when the seeds have errors and the build must stop (exit status 1). */
export class SeedsError extends Error {
  override name = "SeedsError";
  constructor(readonly problems: readonly Problem[]) {
    super(`${problems.filter((p) => p.severity === "error").length} seed problem(s)`);
  }
}

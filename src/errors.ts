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
  | "invalid-url-registry"
  | "duplicate-article"
  | "seed-too-large"
  | "too-deeply-nested"
  | "too-much-markup"
  | "seed-failed"
  | "not-a-seed-file"
  | "unknown-front-matter-key"
  | "invalid-image"
  | "missing-image"
  | "config-invalid-yaml"
  | "config-unknown-key"
  | "config-invalid-value"
  | "config-missing-base-url"
  | "entity-fixes-invalid-yaml"
  | "entity-fixes-unknown-key"
  | "entity-fixes-invalid-value"
  | "entity-fixes-unused";

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
  /** A hint for this problem alone (a config key's "did you mean"), instead of the catalogue's. */
  readonly hint?: string;
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
  "invalid-url-registry": "Each line of dateline.urls.tsv is `seed<TAB>/url/` (and optionally `<TAB>/former/ /urls/`); mend the line, or delete it to let the build register the seed again.",
  "duplicate-article": "Delete one of the two files, or change one of the bodies if they are different stories.",
  "seed-too-large": "Split the file into one article per seed; a seed is one article, at most 4 MiB.",
  "too-deeply-nested": "Nest quotes and lists less deeply (at most 32 levels); an article never needs more.",
  "too-much-markup": "Write fewer emphasis, link and code markers: at most 1,000 in a paragraph and 20,000 in a seed.",
  "seed-failed": "Dateline could not process this seed; please report it with the file attached. --skip-invalid builds the rest.",
  "not-a-seed-file": "Seeds are regular files inside the seeds folder; copy the file there instead of linking to it.",
  "unknown-front-matter-key": "See the keys in README (Writing a seed); a key Dateline does not know is ignored.",
  "invalid-image": "Give `image` the path of a .jpg, .jpeg, .png, .gif, .webp or .avif file, relative to the seed, inside the seeds folder.",
  "missing-image": "Put the image file at that path, relative to the seed, or correct the `image` key.",
  "config-invalid-yaml": "dateline.config.yaml is YAML: `key: value` lines; check the quoting and indentation on that line.",
  "config-unknown-key": "See the keys in README (One config file) or schema/dateline.config.schema.json.",
  "config-invalid-value": "See the keys in README (One config file) or schema/dateline.config.schema.json.",
  "config-missing-base-url": "Set `baseUrl: https://example.org` in dateline.config.yaml, or build with --base-url.",
  "entity-fixes-invalid-yaml": "dateline.entities.yaml is YAML: `people:`, `places:`, `organisations:` and `ignore:` sections; check the quoting and indentation on that line.",
  "entity-fixes-unknown-key": "See the entity fixes file in README (Fixing names).",
  "entity-fixes-invalid-value": "See the entity fixes file in README (Fixing names).",
  "entity-fixes-unused": "Check the name's spelling against the entity's page or the article; the fix applies once a seed names it.",
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

/**
 * `path:line:col: error: message [id]`, then the hint on its own line. File names and messages (which quote seed
 * text) are printed with control characters escaped: a name holding an escape sequence or a line break must not
 * clear a terminal or forge a diagnostic line that editors and CI parse.
 */
export function formatProblem(problem: Problem): string {
  const { file, line, column, severity, message, id } = problem;
  return `${printable(file)}:${line}:${column}: ${severity}: ${printable(message)} [${id}]\n  hint: ${printable(problem.hint ?? hintFor(id))}`;
}

// C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional overrides and isolates that can
// make text read in another order than it is stored ("Trojan Source").
const unprintable = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character written as an escape (`\n`, `\x1B`, `\u202E`), for one line of a terminal. */
export function printable(text: string): string {
  return text.replace(unprintable, (char) => {
    const named = escapes[char];
    if (named !== undefined) return named;
    const code = char.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${code.toString(16).toUpperCase()}`;
  });
}

const escapes: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** Thrown for bad usage of the CLI (exit status 2). */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Thrown when the machine would not let Dateline finish (exit status 4): a full disk, a folder it may not write, a
 * read-only file system. The message names the path, says the cause in words and what to do, on one line.
 */
export class EnvironmentError extends Error {
  override name = "EnvironmentError";
}

/** Thrown when dateline.config.yaml has errors (exit status 2, like any bad usage): nothing is built. */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(readonly problems: readonly Problem[]) {
    super(`${problems.length} problem(s) in the config file`);
  }
}

/** Thrown when the seeds have errors and the build must stop (exit status 1). */
export class SeedsError extends Error {
  override name = "SeedsError";
  constructor(readonly problems: readonly Problem[]) {
    super(`${problems.filter((p) => p.severity === "error").length} seed problem(s)`);
  }
}

import { configFileName } from "../config/read-config.ts";
import { environmentError } from "../environment.ts";
import { ConfigError, printable, SeedsError, UsageError, type Problem } from "../errors.ts";
import { plural } from "../text/plural.ts";
import { printProblems } from "./progress.ts";
import { usage } from "./usage.ts";

/** Prints why the command failed, on one line where it can be, and returns the exit status that says so. */
export function failed(stderr: NodeJS.WritableStream, cause: unknown, fallback?: string): number {
  if (cause instanceof ConfigError) {
    printProblems(cause.problems, stderr);
    const file = cause.problems[0]?.file ?? configFileName;
    stderr.write(`dateline: ${plural(cause.problems.length, "problem")} in ${printable(file)}; nothing was done\n`);
    return 2;
  }
  if (cause instanceof UsageError) {
    stderr.write(`dateline: ${printable(cause.message)}\n\n${usage}\n`);
    return 2;
  }
  const environment = environmentError(cause, fallback === undefined ? {} : { fallback });
  if (environment !== undefined) {
    stderr.write(`dateline: ${printable(environment.message)}\n`);
    return 4;
  }
  if (cause instanceof SeedsError) {
    const { errors, warnings } = count(cause.problems);
    stderr.write(`dateline: ${plural(errors, "error")} and ${plural(warnings, "warning")} in the seeds; nothing was written (--skip-invalid builds the rest)\n`);
    return 1;
  }
  stderr.write(`dateline: Internal error: ${describe(cause)}\n`);
  return 3;
}

export function count(problems: readonly Problem[]): { errors: number; warnings: number } {
  const errors = problems.filter((problem) => problem.severity === "error").length;
  return { errors, warnings: problems.length - errors };
}

/** The error and its chain of causes, one per line. */
function describe(cause: unknown): string {
  const lines: string[] = [];
  for (let current = cause; current !== undefined && lines.length < 5; current = current instanceof Error ? current.cause : undefined) {
    lines.push(current instanceof Error ? (current.stack ?? current.message) : String(current));
  }
  return lines.join("\ncaused by: ");
}

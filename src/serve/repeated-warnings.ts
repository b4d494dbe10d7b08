import { formatProblem, type Problem } from "../errors.ts";

/**
 * The warnings of a preview's builds, told once: the first build prints them all, a later one only those the build
 * before it did not have, and a count of the others, so that a duplicate seed is not printed again on every save.
 */
export class RepeatedWarnings {
  #last: ReadonlySet<string> | undefined;

  /** The problems of this build to print (every error, the new warnings), and how many warnings were as before. */
  sort(problems: readonly Problem[]): { shown: Problem[]; repeated: number } {
    const warnings = new Set(problems.filter((problem) => problem.severity === "warning").map(formatProblem));
    const last = this.#last;
    this.#last = warnings;
    const shown = problems.filter((problem) => problem.severity === "error" || last === undefined || !last.has(formatProblem(problem)));
    return { shown, repeated: problems.length - shown.length };
  }
}

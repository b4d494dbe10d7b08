import path from "node:path";
import type { BuildSummary, Reporter } from "../build/index.ts";
import { formatProblem, printable, type Problem } from "../errors.ts";
import { plural } from "../text/plural.ts";
import { terminalVariable } from "./supervise.ts";

/** Prints each problem compiler-style, with its hint. */
export function printProblems(problems: readonly Problem[], stream: NodeJS.WritableStream = process.stderr): void {
  for (const problem of problems) stream.write(`${formatProblem(problem)}\n`);
}

/**
 * Prints each stage as it ends; on a terminal, also a live count of rendered pages.
 * When output is not a terminal (CI logs) it prints plain lines, no control characters.
 */
export function progress(stream: NodeJS.WritableStream & { isTTY?: boolean }): Reporter {
  // A build run by `supervise` writes to a pipe that ends in the terminal, if `terminalVariable` is set.
  const live = stream.isTTY === true || process.env[terminalVariable] === "1";
  let pages = 0;
  let last = 0;
  return {
    problems: (problems) => printProblems(problems, stream),
    stage(name, detail, seconds) {
      if (live) stream.write("\r\u001b[K");
      stream.write(`${name.padEnd(8)} ${detail.padEnd(40)} ${seconds.toFixed(2).padStart(7)} s\n`);
    },
    note(message) {
      if (live) stream.write("\r\u001b[K");
      stream.write(`${"note".padEnd(8)} ${printable(message)}\n`);
    },
    ...(live
      ? {
          page() {
            pages++;
            const now = performance.now();
            if (now - last < 100) return;
            last = now;
            stream.write(`\r\u001b[Krender   ${pages.toLocaleString("en-US")} pages…`);
          },
        }
      : {}),
  };
}

/** The line that ends a build: what it read and wrote, where, and how long it took. */
export function builtLine(summary: BuildSummary, out: string): string {
  const shown = path.relative(process.cwd(), path.resolve(out)) || ".";
  return (
    `Built ${plural(summary.articles, "article")} from ${plural(summary.seeds, "seed")} ` +
    `(${plural(summary.duplicates, "duplicate")}, ${summary.skipped} skipped${summary.drafts > 0 ? `, ${plural(summary.drafts, "draft")} left out` : ""}): ${plural(summary.pages, "page")} (${plural(summary.files, "file")}) in ${shown}/ in ${summary.seconds.toFixed(1)} s\n`
  );
}

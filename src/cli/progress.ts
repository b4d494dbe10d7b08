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
 * Prints each stage as it ends; on a terminal, also a live line of the seeds parsed and the pages rendered, with the
 * time left once it can be told. When output is not a terminal (CI logs) it prints plain lines, no control characters.
 */
export function progress(stream: NodeJS.WritableStream & { isTTY?: boolean }): Reporter {
  // A build run by `supervise` writes to a pipe that ends in the terminal, if `terminalVariable` is set.
  const live = stream.isTTY === true || process.env[terminalVariable] === "1";
  let last = 0;
  const began = new Map<string, number>();
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
          progress(stage, done, total) {
            const now = performance.now();
            const first = !began.has(stage);
            if (first) began.set(stage, now);
            else if (now - last < 100) return;
            last = now;
            const what = stage === "parse" ? "seeds" : "pages";
            const left = timeLeft(done, total, (now - (began.get(stage) ?? now)) / 1000);
            stream.write(`\r\u001b[K${stage.padEnd(8)} ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} ${what}${left === undefined ? "…" : `, ${left} left`}`);
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

/**
 * The time left at the rate so far, in words (`40 s`, `12 min`, `2 h 5 min`): once a stage has run 5 seconds and
 * done a hundredth of its work, when the rate says something; before then, nothing.
 */
export function timeLeft(done: number, total: number, seconds: number): string | undefined {
  if (seconds < 5 || done < total / 100 || done === 0) return undefined;
  const left = Math.max(0, ((total - done) * seconds) / done);
  if (left < 60) return `${Math.ceil(left)} s`;
  const minutes = Math.ceil(left / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

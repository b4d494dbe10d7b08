import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Reporter } from "../build-site.ts";
import { cacheDir } from "../cache/cache-file.ts";
import { SeedsError, UsageError, type Problem } from "../errors.ts";
import { hasErrors, loadArchive } from "../load-archive.ts";
import { packageRoot } from "../package-root.ts";
import { plural } from "../plural.ts";
import { parseCommand } from "./options.ts";
import { printProblems, progress } from "./progress.ts";
import { usage } from "./usage.ts";

/** Runs the `dateline` command line and returns its exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const command = await parseCommand(argv);
    switch (command.name) {
      case "help":
        process.stdout.write(`${usage}\n`);
        return 0;
      case "version": {
        const pkg = JSON.parse(await readFile(path.join(packageRoot, "package.json"), "utf8")) as { version: string };
        process.stdout.write(`${pkg.version}\n`);
        return 0;
      }
      case "check": {
        const loaded = await loadArchive(command.seeds, command.site);
        printProblems(loaded.problems);
        const { errors, warnings } = count(loaded.problems);
        process.stdout.write(`Checked ${plural(loaded.seeds, "seed")}: ${plural(loaded.archive.articles.length, "article")}, ${plural(errors, "error")}, ${plural(warnings, "warning")}\n`);
        return hasErrors(loaded.problems) ? 1 : 0;
      }
      case "build": {
        const reporter = command.quiet ? quietReporter : progress(process.stderr);
        // Loaded only for a build: Eleventy and Pagefind take most of a second to import.
        const { buildSite } = await import("../build-site.ts");
        const summary = await buildSite({ ...command, report: reporter, cacheDir: cacheDir(process.cwd()) });
        const out = path.relative(process.cwd(), path.resolve(command.out)) || ".";
        process.stdout.write(
          `Built ${plural(summary.articles, "article")} from ${plural(summary.seeds, "seed")} ` +
            `(${plural(summary.duplicates, "duplicate")}, ${summary.skipped} skipped): ${plural(summary.pages, "page")} (${plural(summary.files, "file")}) in ${out}/ in ${summary.seconds.toFixed(1)} s\n`,
        );
        return 0;
      }
    }
  } catch (cause) {
    if (cause instanceof UsageError) {
      process.stderr.write(`dateline: ${cause.message}\n\n${usage}\n`);
      return 2;
    }
    if (cause instanceof SeedsError) {
      const { errors, warnings } = count(cause.problems);
      process.stderr.write(`dateline: ${plural(errors, "error")} and ${plural(warnings, "warning")} in the seeds; nothing was written (--skip-invalid builds the rest)\n`);
      return 1;
    }
    process.stderr.write(`dateline: Internal error: ${describe(cause)}\n`);
    return 3;
  }
}

const quietReporter: Reporter = { problems: (problems) => printProblems(problems), stage: () => undefined, note: () => undefined };

function count(problems: readonly Problem[]): { errors: number; warnings: number } {
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

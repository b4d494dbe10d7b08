import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Reporter } from "../build/index.ts";
import { cacheDir } from "../cache/cache-file.ts";
import { environmentError } from "../environment.ts";
import { printable, SeedsError, UsageError, type Problem } from "../errors.ts";
import { hasErrors, loadArchive } from "../load/index.ts";
import { packageRoot } from "../files/package-root.ts";
import { plural } from "../text/plural.ts";
import { parseCommand } from "./options.ts";
import { printProblems, progress } from "./progress.ts";
import { supervise, supervisedVariable } from "./supervise.ts";
import { usage } from "./usage.ts";

/** Where a command writes, and whether it is the process (then a build is supervised, and a stray failure ends it). */
export interface CommandIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** False when the command runs inside another program (the tests): it then builds in this process and touches no process-wide state. */
  readonly process: boolean;
}

const processIo: CommandIo = { stdout: process.stdout, stderr: process.stderr, process: true };

/** Runs the `dateline` command line and returns its exit status. */
export async function main(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  let build: { out: string } | undefined;
  try {
    const command = await parseCommand(argv);
    if (command.name === "build") build = command;
    switch (command.name) {
      case "help":
        io.stdout.write(`${usage}\n`);
        return 0;
      case "version": {
        const pkg = JSON.parse(await readFile(path.join(packageRoot, "package.json"), "utf8")) as { version: string };
        io.stdout.write(`${pkg.version}\n`);
        return 0;
      }
      case "check": {
        const loaded = await loadArchive(command.seeds, command.site);
        printProblems(loaded.problems, io.stderr);
        const { errors, warnings } = count(loaded.problems);
        io.stdout.write(`Checked ${plural(loaded.seeds, "seed")}: ${plural(loaded.archive.articles.length, "article")}, ${plural(errors, "error")}, ${plural(warnings, "warning")}\n`);
        return hasErrors(loaded.problems) ? 1 : 0;
      }
      case "build": {
        // Windows has no process groups to stop at once: there the build runs in this process.
        if (io.process && process.env[supervisedVariable] !== "1" && process.platform !== "win32") return await supervise(argv, command.out);
        if (io.process) {
          exitOnStrayFailure(command.out);
          stopWithSupervisor();
        }
        const reporter = command.quiet ? quietReporter(io.stderr) : progress(io.stderr);
        // Loaded only for a build: Eleventy and Pagefind take most of a second to import.
        const { buildSite } = await import("../build/index.ts");
        const summary = await buildSite({ ...command, report: reporter, cacheDir: cacheDir(process.cwd()) });
        const out = path.relative(process.cwd(), path.resolve(command.out)) || ".";
        print(
          io,
          `Built ${plural(summary.articles, "article")} from ${plural(summary.seeds, "seed")} ` +
            `(${plural(summary.duplicates, "duplicate")}, ${summary.skipped} skipped): ${plural(summary.pages, "page")} (${plural(summary.files, "file")}) in ${out}/ in ${summary.seconds.toFixed(1)} s\n`,
        );
        return 0;
      }
    }
  } catch (cause) {
    return failed(io.stderr, cause, build?.out === undefined ? undefined : `--out ${build.out}`);
  }
}

/** Prints why the command failed, on one line where it can be, and returns the exit status that says so. */
function failed(stderr: NodeJS.WritableStream, cause: unknown, fallback?: string): number {
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

/**
 * A failure thrown where no caller catches it (Eleventy writes some files from promises nobody awaits): said as
 * any other failure, then the process exits; the process that supervises the build removes its staging folder.
 */
function exitOnStrayFailure(out: string): void {
  const exit = (cause: unknown): never => process.exit(failed(process.stderr, cause, `--out ${out}`));
  process.on("uncaughtException", exit);
  process.on("unhandledRejection", exit);
}

/**
 * In a build that `supervise` runs: stops the build, its threads and Pagefind, at once should the supervising process
 * die (killed with SIGKILL, which it cannot catch), rather than let it go on unseen; the next build cleans up.
 */
function stopWithSupervisor(): void {
  if (process.channel === undefined) return;
  process.once("disconnect", () => process.kill(-process.pid, "SIGKILL"));
  // Listening keeps the channel, and so the process, alive: it must still end when the build does.
  process.channel.unref();
}

/** Writes to standard output; in a build that `supervise` runs, through it, so that it comes after the build's messages. */
function print(io: CommandIo, text: string): void {
  if (io.process && process.send !== undefined) process.send({ stdout: text });
  else io.stdout.write(text);
}

function quietReporter(stderr: NodeJS.WritableStream): Reporter {
  return { problems: (problems) => printProblems(problems, stderr), stage: () => undefined, note: () => undefined };
}

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

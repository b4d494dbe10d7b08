import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Reporter } from "../build/index.ts";
import { cacheDir } from "../cache/cache-file.ts";
import { warning } from "../errors.ts";
import { hasErrors, loadArchive } from "../load/index.ts";
import { packageRoot } from "../files/package-root.ts";
import { configFileName } from "../config/read-config.ts";
import { initProject } from "../scaffold/init-project.ts";
import { newSeed } from "../scaffold/new-seed.ts";
import { plural } from "../text/plural.ts";
import { count, failed } from "./failed.ts";
import { parseCommand } from "./options.ts";
import { builtLine, printProblems, progress } from "./progress.ts";
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
    if (command.name === "build" || command.name === "serve") build = command;
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
        // Read to check it and to give the URLs a build would; never written.
        const loaded = await loadArchive(command.seeds, command.site, { drafts: command.drafts, enrich: { usWire: command.usWire }, ...(command.entityFixes !== undefined ? { entityFixes: command.entityFixes } : {}), ...(command.urlRegistry !== undefined ? { urlRegistry: { file: command.urlRegistry } } : {}) });
        printProblems(loaded.problems, io.stderr);
        const { errors, warnings } = count(loaded.problems);
        io.stdout.write(`Checked ${plural(loaded.seeds, "seed")}: ${plural(loaded.archive.articles.length, "article")}, ${plural(errors, "error")}, ${plural(warnings, "warning")}\n`);
        return hasErrors(loaded.problems) ? 1 : 0;
      }
      case "init": {
        const files = await initProject(command.dir);
        io.stdout.write(`Made ${command.dir}/: ${files.join(", ")}\nNext: cd ${command.dir} && npm install && npm run build\n`);
        return 0;
      }
      case "new":
        io.stdout.write(`${await newSeed(command.seeds, command.headline, command.date)}\n`);
        return 0;
      case "build":
      case "serve": {
        // Windows has no process groups to stop at once: there the build runs in this process. A preview is
        // supervised as a build is: stopping it stops its builds, their threads and Pagefind with it.
        if (io.process && process.env[supervisedVariable] !== "1" && process.platform !== "win32") return await supervise(argv, command.out);
        if (io.process) {
          exitOnStrayFailure(command.out);
          stopWithSupervisor();
        }
        if (command.name === "serve") {
          const { serve } = await import("./serve.ts");
          return await serve(argv, command, io);
        }
        const reporter = command.quiet ? quietReporter(io.stderr) : progress(io.stderr);
        // Loaded only for a build: Eleventy and Pagefind take most of a second to import.
        const { buildSite } = await import("../build/index.ts");
        const summary = await buildSite({ ...command, report: reporter, cacheDir: cacheDir(process.cwd()) });
        // Once per build, after it: a build that fails says why without this.
        if (command.site.baseUrl === undefined) {
          printProblems([warning("config-missing-base-url", command.configFile ?? configFileName, 1, 1, "no baseUrl: the sitemap, the feeds, canonical links and link previews need absolute URLs, so they hold paths only")], io.stderr);
        }
        print(io, builtLine(summary, command.out));
        return 0;
      }
    }
  } catch (cause) {
    return failed(io.stderr, cause, build?.out === undefined ? undefined : `--out ${build.out}`);
  }
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

import path from "node:path";
import type { Reporter } from "../build/index.ts";
import { cacheDir } from "../cache/cache-file.ts";
import { configFileName } from "../config/read-config.ts";
import { entityFixesFileName } from "../config/read-entity-fixes.ts";
import { ConfigError, printable, SeedsError, UsageError, type Problem } from "../errors.ts";
import { startPreviewServer, type PreviewServer } from "../serve/preview-server.ts";
import { RepeatedWarnings } from "../serve/repeated-warnings.ts";
import { watchProject, type WatchTargets } from "../serve/watch-project.ts";
import { plural } from "../text/plural.ts";
import { count, failed } from "./failed.ts";
import { parseCommand, type ServeCommand } from "./options.ts";
import { builtLine, printProblems, progress } from "./progress.ts";

/**
 * Where `serve` writes: its address to standard output, everything after to standard error, the stream the builds
 * write to, so that a build's lines come in order (in a supervised build, its standard error reaches the terminal
 * through the supervising process, standard output directly).
 */
interface ServeIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/**
 * `dateline serve`: builds the project as `dateline build` does, into the preview folder, serves it, and builds it
 * again whenever a seed, the config file or the project's templates/ or assets/ change, then reloads the open
 * pages. A build that fails leaves the last site served. It runs until stopped (see `supervise`).
 */
export async function serve(argv: readonly string[], first: ServeCommand, io: ServeIo): Promise<number> {
  // Loaded before the server starts, so that the first build does not wait for it.
  const { buildSite } = await import("../build/index.ts");
  const server = await listen(first);
  let command = first;
  io.stdout.write(`Serving ${server.url} (built into ${shown(command.out)}/; rebuilt when the seeds, templates/, assets/ or the config change; Ctrl-C stops)\n`);

  const warnings = new RepeatedWarnings();
  let builds = 0;
  let configChanged = false;

  /** One build, its problems told and the pages reloaded; it never throws: its failure is told. */
  const build = async (): Promise<void> => {
    if (configChanged) {
      configChanged = false;
      command = await reread(argv, command, io);
      watcher.close();
      watcher = watch(command);
    }
    const problems: Problem[] = [];
    const terminal = progress(io.stderr);
    // The first build says each stage as `dateline build` does; later ones only their summary line.
    const verbose = builds === 0 && !command.quiet;
    const reporter: Reporter = {
      problems: (found) => void problems.push(...found),
      stage: (name, detail, seconds) => {
        if (verbose) terminal.stage(name, detail, seconds);
      },
      note: (message) => {
        if (!command.quiet) terminal.note?.(message);
      },
      ...(verbose && terminal.progress !== undefined ? { progress: terminal.progress } : {}),
    };
    try {
      const summary = await buildSite({ ...command, report: reporter, cacheDir: cacheDir(process.cwd()) });
      tell(problems);
      io.stderr.write(builtLine(summary, command.out));
      server.reload();
    } catch (cause) {
      tell(problems);
      if (cause instanceof SeedsError) {
        const { errors, warnings: warned } = count(cause.problems);
        io.stderr.write(`dateline: ${plural(errors, "error")} and ${plural(warned, "warning")} in the seeds; still serving the last site built (save a fix to build again)\n`);
      } else if (cause instanceof UsageError) io.stderr.write(`dateline: ${printable(cause.message)}\n`);
      else failed(io.stderr, cause, `--out ${command.out}`);
    }
    builds++;
  };

  /** Prints every error, and the warnings this build did not share with the last (all of them after the first); --quiet hides warnings. */
  const tell = (problems: readonly Problem[]): void => {
    const { shown: fresh, repeated } = warnings.sort(problems);
    printProblems(command.quiet ? fresh.filter((problem) => problem.severity === "error") : fresh, io.stderr);
    if (repeated > 0 && !command.quiet) io.stderr.write(`${plural(repeated, "warning")} as before\n`);
  };

  // One build at a time: a change during a build asks for one more after it.
  let running: Promise<void> | undefined;
  let again = false;
  const schedule = (): void => {
    if (running !== undefined) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await build();
      } while (again);
      running = undefined;
    })();
  };

  const watch = (watched: ServeCommand): { close(): void } =>
    watchProject(
      targets(watched),
      (paths) => {
        const read = [configPath(watched), fixesPath(watched)];
        // The entity fixes file is read with the config, into the command: either one changed, the command is read again.
        if (paths.some((file) => read.includes(path.resolve(file)))) configChanged = true;
        const [one] = paths;
        io.stderr.write(`Changed ${printable(shown(one ?? "."))}${paths.length > 1 ? ` and ${paths.length - 1} more` : ""}: building again\n`);
        schedule();
      },
      (message) => io.stderr.write(`dateline: ${printable(message)}\n`),
    );
  let watcher = watch(command);
  schedule();
  // Never resolves: the server and the watches keep the process until it is stopped.
  return new Promise<number>(() => undefined);
}

/** Starts the server; a port already taken is a usage error. */
async function listen(command: ServeCommand): Promise<PreviewServer> {
  try {
    return await startPreviewServer({ root: command.out, pathPrefix: command.site.pathPrefix, host: command.host, port: command.port });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new UsageError(`--port ${command.port}: port ${command.port} of ${command.host} is taken by another program; give another, or --port 0 for any free one`);
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") throw new UsageError(`--host ${command.host} is not an address of this machine`);
    throw cause;
  }
}

/** The command read again after its config file changed; a config with problems keeps the last one, said why. */
async function reread(argv: readonly string[], last: ServeCommand, io: ServeIo): Promise<ServeCommand> {
  try {
    const next = await parseCommand(argv);
    if (next.name !== "serve") throw new Error("Internal error: parseCommand did not read a serve");
    // The server keeps its address: a new path prefix or output folder needs a new server.
    if (next.site.pathPrefix !== last.site.pathPrefix || path.resolve(next.out) !== path.resolve(last.out)) {
      io.stderr.write(`dateline: the path prefix or output folder changed; stop and start dateline serve again to serve the new one\n`);
      return last;
    }
    return next;
  } catch (cause) {
    if (cause instanceof ConfigError) {
      printProblems(cause.problems, io.stderr);
      io.stderr.write(`dateline: ${plural(cause.problems.length, "problem")} in the config; building with its last good version\n`);
    } else io.stderr.write(`dateline: ${printable(cause instanceof Error ? cause.message : String(cause))}; building with the last good config\n`);
    return last;
  }
}

/** What a change of makes a new build: the seeds, the config file, the entity fixes file, and the project's templates/ and assets/. */
function targets(command: ServeCommand): WatchTargets {
  const project = projectDir(command);
  return { folders: [command.seeds, path.join(project, "templates"), path.join(project, "assets")], files: [configPath(command), fixesPath(command)] };
}

/** The entity fixes file read, else where the project's would be: made during the preview, it is read. */
function fixesPath(command: ServeCommand): string {
  return path.resolve(command.entityFixes?.file ?? path.join(projectDir(command), entityFixesFileName));
}

/** The folder of the config file, else the current one. */
function projectDir(command: ServeCommand): string {
  return command.configFile !== undefined ? path.dirname(path.resolve(command.configFile)) : process.cwd();
}

function configPath(command: ServeCommand): string {
  return path.resolve(command.configFile ?? configFileName);
}

function shown(file: string): string {
  return path.relative(process.cwd(), path.resolve(file)) || ".";
}

import { spawn } from "node:child_process";
import { constants } from "node:os";
import path from "node:path";
import { environmentError } from "../environment.ts";
import { printable } from "../errors.ts";
import { outputTarget, recoverSite } from "../publish/index.ts";

/** Set in the build process that `supervise` starts, so that it builds rather than supervises again. */
export const supervisedVariable = "DATELINE_SUPERVISED";
/** Set in that process when its standard error, a pipe to this process, ends in a terminal. */
export const terminalVariable = "DATELINE_STDERR_TTY";

/**
 * Runs this same command in a child process of its own process group and waits for it. On SIGINT or SIGTERM the
 * whole group is stopped at once (the build, its worker threads and the Pagefind processes), and then the staging
 * folder it left is removed and, should it have been stopped in the middle of its swap, the last complete site
 * put back: a build cannot clean up after itself at every instant of its own, a process that waits for it can.
 * Returns the exit status: the build's, or 128 + the signal's number.
 */
export async function supervise(argv: readonly string[], out: string): Promise<number> {
  const script = process.argv[1] ?? "";
  const child = spawn(process.execPath, [...process.execArgv, script, ...argv], {
    // Its own process group: a terminal's Ctrl-C reaches this process alone, which then stops the whole group.
    detached: true,
    // Its standard error through this process: a helper's crash report (a Rust panic of Pagefind's on a full disk)
    // becomes one line that says what to do. The build is told whether that stream is a terminal.
    // Its summary line comes by message and is printed after what it wrote to standard error, in that order.
    stdio: ["inherit", "inherit", "pipe", "ipc"],
    env: {
      ...process.env,
      [supervisedVariable]: "1",
      ...(process.stderr.isTTY ? { [terminalVariable]: "1" } : {}),
      // The module this process runs from (the bundle's, or the source's under tsx), for the child to load as it is.
      ...(import.meta.url.endsWith(".js") ? { DATELINE_CLI_MODULE: new URL("./cli.js", import.meta.url).href } : {}),
    },
  });
  const errors = new HelperCrashes(process.stderr);
  child.stderr?.on("data", (chunk: Buffer) => errors.write(chunk.toString("utf8")));
  const output: string[] = [];
  child.on("message", (message: { stdout?: string }) => void (message.stdout !== undefined && output.push(message.stdout)));
  let stopped: NodeJS.Signals | undefined;
  const stop = (signal: NodeJS.Signals): void => {
    stopped ??= signal;
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {
      // Gone already.
    }
  };
  const onInterrupt = (): void => stop("SIGINT");
  const onTerminate = (): void => stop("SIGTERM");
  process.on("SIGINT", onInterrupt);
  process.on("SIGTERM", onTerminate);
  try {
    // `close`, not `exit`: once the process has ended and its standard error is read to the end.
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
    });
    errors.end();
    for (const text of output) process.stdout.write(text);
    if (code === 0 && stopped === undefined) return code;
    // The staging folder of a build that failed or was stopped goes; a site it left moved aside comes back.
    await recoverSite(await outputTarget(out)).catch(() => undefined);
    if (stopped === undefined && errors.crash !== undefined) {
      const environment = environmentError(new Error(errors.crash), { fallback: `--out ${out}` });
      process.stderr.write(environment !== undefined ? `dateline: ${environment.message}\n` : `dateline: Internal error: Pagefind failed: ${printable(errors.crash)}\n`);
      return environment !== undefined ? 4 : 3;
    }
    if (code !== null && stopped === undefined) return code;
    const name = stopped ?? signal ?? "SIGKILL";
    const shown = path.relative(process.cwd(), path.resolve(out)) || ".";
    process.stderr.write(
      stopped !== undefined
        ? `\ndateline: stopped by ${name}; ${shown}/ holds the last complete site, or nothing if there was none\n`
        : `\ndateline: the build was killed by ${name} (out of memory?); ${shown}/ holds the last complete site\n`,
    );
    return 128 + (constants.signals[name] ?? 9);
  } finally {
    process.off("SIGINT", onInterrupt);
    process.off("SIGTERM", onTerminate);
  }
}

// The first line of a Rust panic: `thread 'main' (6313) panicked at pagefind/src/output/mod.rs:464:36:`.
const panicStart = /^thread '[^']*'(?: \(\d+\))? panicked at /;

/**
 * Passes a build's standard error through as it comes (progress lines included), but for the crash report of a
 * Rust helper, which is held back from its first line on and kept as `crash`: its message, e.g. `called
 * Result::unwrap() on an Err value: Os { code: 28, ... }`, with the system error written `(os error 28)`.
 */
class HelperCrashes {
  #raw: string | undefined;
  #line = "";

  constructor(readonly stream: NodeJS.WritableStream) {}

  /** The crash's message, if a helper crashed. */
  get crash(): string | undefined {
    if (this.#raw === undefined) return undefined;
    const message = /^called `Result::unwrap\(\)` on an `Err` value: (.*)$/m.exec(this.#raw)?.[1] ?? this.#raw.trim().split("\n")[0] ?? "";
    const code = /Os \{ code: (\d+)/.exec(message)?.[1];
    return `${message.slice(0, 300)}${code !== undefined ? ` (os error ${code})` : ""}`;
  }

  write(text: string): void {
    if (this.#raw !== undefined) {
      this.#raw += text;
      return;
    }
    const lines = (this.#line + text).split("\n");
    this.#line = lines.pop() ?? "";
    for (const [i, line] of lines.entries()) {
      if (panicStart.test(line)) {
        this.#raw = `${lines.slice(i + 1).join("\n")}\n${this.#line}`;
        return;
      }
      this.stream.write(`${line}\n`);
    }
    // A line still being written is passed on unless it may be a panic's first (progress updates never are): it is
    // held while it is `thread '` or the start of it.
    if (this.#line !== "" && !"thread '".startsWith(this.#line.slice(0, 8))) {
      this.stream.write(this.#line);
      this.#line = "";
    }
  }

  end(): void {
    if (this.#raw === undefined && this.#line !== "") this.stream.write(this.#line);
  }
}

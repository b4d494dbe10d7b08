import type { Site } from "../article.ts";
import { ConfigError, formatProblem } from "../errors.ts";
import { parseCommand } from "./options.ts";

/**
 * The seeds folder and site options `npm start` previews: those of `dateline check` in the current folder, so the
 * dev server reads dateline.config.yaml as the build does. A config problem is printed compiler-style and thrown.
 */
export async function devServerOptions(): Promise<{ seeds: string; site: Site }> {
  try {
    const command = await parseCommand(["check"]);
    if (command.name !== "check") throw new Error("Internal error: parseCommand did not read a check");
    return { seeds: command.seeds, site: command.site };
  } catch (cause) {
    if (cause instanceof ConfigError) for (const problem of cause.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    throw cause;
  }
}

import type { Archive, Site } from "../article.ts";
import { formatProblem } from "../errors.ts";
import { loadArchive } from "./load-archive.ts";

/** The archive for the dev server: problems are printed and bad seeds left out, so the server keeps running. */
export async function devServerArchive(seeds: string, site: Site = { title: "Dateline", lang: "en", pathPrefix: "/" }): Promise<Archive> {
  const loaded = await loadArchive(seeds, site);
  for (const problem of loaded.problems) process.stderr.write(`${formatProblem(problem)}\n`);
  return loaded.archive;
}

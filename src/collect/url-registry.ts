import { error, type Problem } from "../errors.ts";
import { comparePaths } from "../files/compare-paths.ts";

/**
 * Where a site project keeps its URL registry: in the project folder, beside `dateline.config.yaml` (not in the seeds,
 * not in the output). The site's owner commits it: it is what keeps every published URL, and every feed id, as it was.
 */
export const urlRegistryFile = "dateline.urls.tsv";

/** An article's URL, and the URLs it had before its owner changed its `slug` or `permalink` (each redirects to it). */
export interface RegisteredUrl {
  readonly url: string;
  readonly former: readonly string[];
}

/** Seed path (as in `Article.source`) → its URL. */
export type UrlRegistry = ReadonlyMap<string, RegisteredUrl>;

/** A URL that is no longer an article's and sends readers to the one that is. */
export interface Redirect {
  readonly from: string;
  readonly to: string;
}

const header = [
  "# Dateline's URL registry: seed<TAB>URL<TAB>former URLs, one line per article, sorted by seed.",
  "# Commit this file: a published URL stays as it is whatever seeds are added or edited and whatever a newer",
  "# Dateline derives; it changes only with a seed's `slug:`, `permalink:` or date, and the former URL then redirects.",
  "# A deleted seed's line stays, so its URL is never another story's; moving a seed, change its path here too.",
];
// A site path as Dateline writes them: from `/` to `/`, no white space or control characters, no hidden folder.
const sitePath = /^\/(?:[^\s/.\p{Cc}][^\s/\p{Cc}]*\/)*$/u;

/** Reads a registry file; a line that does not read is a problem naming it, and is left out. */
export function parseUrlRegistry(text: string, file: string): { registry: UrlRegistry; problems: Problem[] } {
  const registry = new Map<string, RegisteredUrl>();
  const problems: Problem[] = [];
  for (const [index, line] of text.split(/\r?\n/u).entries()) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    const [source = "", url = "", former = "", ...extra] = line.split("\t");
    const formerUrls = former === "" ? [] : former.split(" ");
    const bad = [url, ...formerUrls].find((path) => !sitePath.test(path) || path.split("/").includes(".."));
    const malformed = source === "" || url === "" || extra.length > 0;
    const problem = malformed
      ? "Unexpected line: expected `seed<TAB>URL`, optionally `<TAB>former URLs`"
      : bad !== undefined
        ? `Unexpected URL \`${bad}\`, expected a site path from \`/\` to \`/\``
        : registry.has(source)
          ? `Unexpected second line for \`${source}\``
          : undefined;
    if (problem !== undefined) {
      const column = malformed ? 1 : bad !== undefined ? line.indexOf(bad) + 1 : 1;
      problems.push(error("invalid-url-registry", file, index + 1, column, problem));
      continue;
    }
    registry.set(source, { url, former: formerUrls });
  }
  return { registry, problems };
}

/** The registry as its file holds it: a header, then one line per seed in path order, so that edits merge cleanly. */
export function formatUrlRegistry(registry: UrlRegistry): string {
  const lines = [...registry]
    .sort(([a], [b]) => comparePaths(a, b))
    .map(([source, { url, former }]) => (former.length === 0 ? `${source}\t${url}` : `${source}\t${url}\t${former.join(" ")}`));
  return `${[...header, ...lines].join("\n")}\n`;
}

import { shardsFolder } from "./shard-record.ts";

/**
 * The files of the bundles left in place in the published site (`IndexSummary.kept`), taken from the list of the
 * site's files (`previous`, relative to the site, `/`-separated) rather than read from the disk: the main bundle's are
 * those of `pagefind/` outside `shards/` (but `shards.json`, written anew), a shard's those below its folder.
 */
export function keptBundleFiles(previous: Iterable<string>, kept: readonly string[]): string[] {
  const main = kept.includes("");
  const folders = new Set(kept);
  const shards = `pagefind/${shardsFolder}/`;
  const files: string[] = [];
  for (const file of previous) {
    if (!file.startsWith("pagefind/")) continue;
    if (file.startsWith(shards)) {
      // `shards/<id>/`, the folder as `kept` names it.
      const end = file.indexOf("/", shards.length);
      if (end > 0 && folders.has(file.slice("pagefind/".length, end + 1))) files.push(file);
    } else if (main && file !== "pagefind/shards.json") files.push(file);
  }
  return files;
}

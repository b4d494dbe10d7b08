import type { ShardArticle } from "./plan-shards.ts";

/** Where Pagefind finds a shard's pages: globs over the site folder, and pages to hand over one by one. */
export interface ShardSources {
  /** Each starts with a literal folder (`1987/03/`), so Pagefind walks only that folder. */
  readonly globs: readonly string[];
  /** Site paths of articles outside the dated folders, or with a slug a glob cannot name. */
  readonly urls: readonly string[];
}

/** Counts of articles in each dated folder of the whole site, by `YYYY`, `YYYY/MM` and `YYYY/MM/DD`. */
export type FolderCounts = ReadonlyMap<string, number>;

// `/YYYY/MM/DD/<slug>/`: the articles at their date URLs, which the dated folders hold.
const datedUrl = /^\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)\/$/;
// Slugs that a glob names as they are (no glob syntax to escape).
const plainSlug = /^[A-Za-z0-9._-]+$/;

/** The year, month and day folders of a dated URL, outermost first; none for other URLs. */
function foldersOf(url: string): { folders: readonly string[]; slug: string } | undefined {
  const match = datedUrl.exec(url);
  if (!match) return undefined;
  const [, year, month, day, slug] = match;
  return { folders: [year!, `${year}/${month}`, `${year}/${month}/${day}`], slug: slug! };
}

/** Counts the articles of each dated folder (year, month, day), to tell which ones a shard holds whole. */
export function folderCounts(articles: readonly ShardArticle[]): FolderCounts {
  const counts = new Map<string, number>();
  for (const { url } of articles) for (const folder of foldersOf(url)?.folders ?? []) counts.set(folder, (counts.get(folder) ?? 0) + 1);
  return counts;
}

/**
 * The fewest globs for a shard's pages, given the counts of the whole site: a glob for each year,
 * month or day folder the shard holds whole, else for the day's slugs. Pagefind walks from a glob's
 * literal folder, so no shard walks or reads the rest of the site.
 */
export function shardSources(articles: readonly ShardArticle[], site: FolderCounts): ShardSources {
  const mine = folderCounts(articles);
  const whole = (folder: string): boolean => mine.get(folder) === site.get(folder);
  const globs: string[] = [];
  const urls: string[] = [];
  const slugs = new Map<string, string[]>();
  for (const { url } of articles) {
    const dated = foldersOf(url);
    if (dated?.folders.some(whole)) continue;
    if (dated === undefined || !plainSlug.test(dated.slug)) {
      urls.push(url);
      continue;
    }
    const day = dated.folders[2]!;
    const names = slugs.get(day) ?? [];
    names.push(dated.slug);
    slugs.set(day, names);
  }
  for (const folder of [...mine.keys()].sort()) {
    const parts = folder.split("/");
    const outer = parts.slice(1).map((_, i) => parts.slice(0, i + 1).join("/"));
    if (!whole(folder) || outer.some(whole)) continue;
    globs.push(`${folder}/${"[0-9][0-9]/".repeat(3 - parts.length)}*/index.html`);
  }
  for (const [day, names] of [...slugs].sort(([a], [b]) => (a < b ? -1 : 1))) globs.push(`${day}/${names.length === 1 ? names[0] : `{${names.join(",")}}`}/index.html`);
  return { globs, urls };
}

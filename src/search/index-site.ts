import { readFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import type { Site } from "../article.ts";

/** What indexing the built site did. */
export interface IndexSummary {
  /** HTML pages Pagefind read: the article pages. */
  readonly pages: number;
  /** Pages in the index: only those with `data-pagefind-body`, the articles. */
  readonly searchable: number;
}

// Articles at their date URLs, `/YYYY/MM/DD/<slug>/`, are found by one glob, so Pagefind reads no
// archive page; the few with a permalink of their own are handed over one by one.
const datedPages = "[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html";
const datedUrl = /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/;

/**
 * Builds the Pagefind search index of the rendered article pages (`articleUrls`) into `<dir>/pagefind/`.
 * Pagefind reports problems in `errors` arrays rather than throwing: any of them fails the build.
 */
export async function indexSite(dir: string, site: Site, articleUrls: readonly string[]): Promise<IndexSummary> {
  try {
    // One language for the whole archive: Pagefind would otherwise split pages by `<html lang>` region.
    const created = await pagefind.createIndex({ forceLanguage: site.lang.split("-")[0] ?? "en" });
    const { index } = created;
    check("createIndex", created.errors);
    if (index === undefined) throw new Error("Pagefind did not create an index");
    const added = await index.addDirectory({ path: dir, glob: datedPages });
    check("addDirectory", added.errors);
    const extraUrls = articleUrls.filter((url) => !datedUrl.test(url));
    for (const url of extraUrls) {
      const content = await readFile(path.join(dir, ...url.split("/"), "index.html"), "utf8");
      check("addHTMLFile", (await index.addHTMLFile({ url, content })).errors);
    }
    const outputPath = path.join(dir, "pagefind");
    const written = await index.writeFiles({ outputPath });
    check("writeFiles", written.errors);
    const entry = JSON.parse(await readFile(path.join(outputPath, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    const searchable = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    return { pages: added.page_count + extraUrls.length, searchable };
  } finally {
    await pagefind.close();
  }
}

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Search indexing failed in Pagefind's ${step}: ${errors.join("; ")}`);
}

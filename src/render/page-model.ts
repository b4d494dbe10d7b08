import type { Archive } from "../article.ts";

// The page model: which records an Archive array holds, the URL each is rendered at, and the file of a URL. The render
// owns it; the cache fingerprints pages by it, and the search index reads pages by it.

/** The records of an Archive array, by name: the records its pages are rendered from. */
export function pageRecords(archive: Archive, name: string): readonly unknown[] {
  const value = (archive as unknown as Record<string, unknown>)[name];
  return Array.isArray(value) ? value : [];
}

/** The URL a page record is rendered at: its `url`, or for an ArticlePage its article's. */
export function pageUrl(record: unknown): string | undefined {
  const { url, article } = record as { url?: unknown; article?: { url?: unknown } };
  const found = url ?? article?.url;
  return typeof found === "string" ? found : undefined;
}

/** The file a page URL is written to, relative to the output folder, as Eleventy names it. */
export function outputFile(url: string): string {
  return (url.endsWith("/") ? `${url}index.html` : url).replace(/^\/+/, "");
}

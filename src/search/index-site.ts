import type { Site } from "../article.ts";
import type { ShardArticle } from "./plan-shards.ts";
import type { IndexOptions, IndexSummary } from "./index-options.ts";
import { startIndexing } from "./start-indexing.ts";

/**
 * Builds the search index of the rendered article pages into `<dir>/pagefind/`, in shards
 * (see `startIndexing`, which can also index while the pages are being rendered).
 * Pagefind reports problems in `errors` arrays rather than throwing: any of them fails the build.
 */
export async function indexSite(dir: string, site: Site, articles: readonly ShardArticle[], options: IndexOptions = {}): Promise<IndexSummary> {
  return startIndexing(dir, site, articles, options).finish();
}

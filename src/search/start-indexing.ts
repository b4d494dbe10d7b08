import type { Site } from "../article.ts";
import type { IndexOptions } from "./index-options.ts";
import type { ShardArticle } from "./plan-shards.ts";
import { SearchIndexer } from "./search-indexer.ts";

/**
 * Starts the search index of the site being rendered into `dir`: one Pagefind bundle in
 * `<dir>/pagefind/` per shard of consecutive articles (see `planShards`), each indexed by a
 * Pagefind process of its own so memory stays bounded, or copied from `options.previous` when its
 * pages have not changed. The newest shard is the main bundle at `pagefind/` (with `pagefind.js`);
 * the others sit in `pagefind/shards/<id>/` (files that never change under that name, so hosts may
 * cache them for good), and `pagefind/shards.json` lists them all for the search page.
 * Shards are indexed as `written` and `rendered` complete them, so indexing can overlap the render.
 */
export function startIndexing(dir: string, site: Site, articles: readonly ShardArticle[], options: IndexOptions = {}): SearchIndexer {
  return new SearchIndexer(dir, site, articles, options);
}

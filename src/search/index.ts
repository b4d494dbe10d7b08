export { indexSite } from "./index-site.ts";
export { startIndexing } from "./start-indexing.ts";
export type { IndexOptions, IndexSummary } from "./index-options.ts";
export type { SearchIndexer } from "./search-indexer.ts";
export type { ShardEntry } from "./place-shard.ts";
export { planShards, type ShardArticle, type ShardPlan } from "./plan-shards.ts";
export { shardSizeOption } from "./shard-size-option.ts";
export { keptBundleFiles } from "./kept-bundles.ts";

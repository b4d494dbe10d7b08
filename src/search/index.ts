export { indexSite } from "./index-site.ts";
export { type IndexOptions, type IndexSummary, type SearchIndexer, type ShardEntry, startIndexing } from "./start-indexing.ts";
export { planShards, type ShardArticle, type ShardPlan } from "./plan-shards.ts";

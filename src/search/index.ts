export { indexSite, type IndexSummary } from "./index-site.ts";

export { enrichArticle, type EnrichOptions } from "./enrich-article.ts";

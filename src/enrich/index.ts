export { enrichArticle } from "./enrich-article.ts";

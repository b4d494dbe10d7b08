// Dateline's pipeline, in order: seeds → parse → enrich → collect → render → index → publish.
export type { Archive, Article, ParsedArticle, Site } from "./article.ts";
export { listSeeds, parseSeed } from "./parse/index.ts";
export { enrichArticle } from "./enrich/index.ts";
export { collectArchive } from "./collect/index.ts";
export { datelinePlugin, renderSite } from "./render/index.ts";
export { indexSite } from "./search/index.ts";
export { publishSite, stageSite } from "./publish/index.ts";
export { loadArchive } from "./load/index.ts";
export { buildSite } from "./build/index.ts";
export { formatProblem, type Problem, type ProblemId } from "./errors.ts";

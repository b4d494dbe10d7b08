export { buildSite, type BuildOptions, type BuildSummary, type Reporter } from "./build-site.ts";

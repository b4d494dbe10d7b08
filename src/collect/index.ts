export { collectArchive, feedSize, homePageSize } from "./collect-archive.ts";
export { siteUrl } from "./site-url.ts";

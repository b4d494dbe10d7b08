export { collectArchive, feedSize } from "./collect-archive.ts";
export { defaultPageSizes } from "./page-sizes.ts";
export { siteUrl } from "./site-url.ts";

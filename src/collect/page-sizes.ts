import type { PageSizes, Site } from "../article.ts";

/** The page sizes Dateline uses unless the site says otherwise. */
export const defaultPageSizes: PageSizes = { home: 30, archive: 100, entity: 50, entityIndex: 100, quotes: 50 };

/** The site's page sizes, each its own or the default. */
export function pageSizes(site: Site): PageSizes {
  return { ...defaultPageSizes, ...site.pageSizes };
}

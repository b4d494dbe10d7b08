import type { Site } from "../article.ts";

/** A site path as served: under the path prefix, and absolute when the base URL is known. */
export function siteUrl(site: Site, url: string): string {
  const served = `${site.pathPrefix}${url.replace(/^\//, "")}`;
  return site.baseUrl !== undefined ? `${site.baseUrl}${served}` : served;
}

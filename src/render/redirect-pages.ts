import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../article.ts";
import { redirectPage, redirectsFile } from "../collect/redirects.ts";
import { siteUrl } from "../collect/site-url.ts";

/**
 * Writes what sends readers from each former URL to the article's URL: a redirect page at the former URL, for every
 * host, and `_redirects` (only when there is one), for hosts that read it. Plain files, not Eleventy pages: a few,
 * written again by every build, so the page cache never holds one.
 */
export async function writeRedirectPages(archive: Archive, dir: string): Promise<number> {
  const { redirects, site } = archive;
  for (const { from, to } of redirects) {
    const file = path.join(dir, ...from.split("/").filter(Boolean), "index.html");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, redirectPage(siteUrl(site, to), site.lang));
  }
  if (redirects.length > 0) await writeFile(path.join(dir, "_redirects"), redirectsFile(redirects, site.pathPrefix));
  return redirects.length;
}

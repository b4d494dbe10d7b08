import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { Archive } from "../article.ts";
import { packageRoot } from "../package-root.ts";
import { datelinePlugin } from "./plugin.ts";


/** Options for one render. */
export interface RenderOptions {
  /** Called after each page is rendered, with the page's output path. */
  readonly onPage?: (outputPath: string) => void;
}

/**
 * Renders the archive into `outDir` with Eleventy and says how many pages it wrote, using the package's templates and
 * `.eleventy.js`. Pages come from in-memory records through pagination, not collections,
 * so the cost stays linear in the number of articles.
 */
export async function renderSite(archive: Archive, outDir: string, options: RenderOptions = {}): Promise<{ pages: number }> {
  const eleventy = new Eleventy(path.join(packageRoot, "templates"), outDir, {
    quietMode: true,
    configPath: path.join(packageRoot, ".eleventy.js"),
    pathPrefix: archive.site.pathPrefix,
    config: (eleventyConfig: Parameters<typeof datelinePlugin>[0]) => {
      eleventyConfig.addPlugin(datelinePlugin, { archive, ...(options.onPage ? { onPage: options.onPage } : {}) });
    },
  });
  // Eleventy's own log would interleave with ours; its errors are thrown and reported with their causes.
  eleventy.disableLogger();
  try {
    // For a build to disk Eleventy returns [passthrough copies, written templates].
    const [, written] = (await eleventy.write()) as [unknown, unknown[]];
    return { pages: written.length };
  } catch (cause) {
    throw new Error(`Rendering failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

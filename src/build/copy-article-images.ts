import { copyFile, constants, mkdir } from "node:fs/promises";
import path from "node:path";
import type { Article } from "../article.ts";
import { articleImageUrl } from "../collect/article-image-url.ts";
import { outputFile } from "../render/page-model.ts";

/**
 * Copies each article's front-matter image from the seeds folder to beside its page. Copied,
 * not linked: a seed's file edited in place must not change a published site.
 */
export async function copyArticleImages(articles: readonly Article[], seedsDir: string, outDir: string): Promise<void> {
  for (const article of articles) {
    if (article.image === undefined) continue;
    const target = path.join(outDir, outputFile(articleImageUrl(article.url, article.image)));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(seedsDir, article.image.source), target, constants.COPYFILE_EXCL);
  }
}

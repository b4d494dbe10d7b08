import { createHash } from "node:crypto";
import { readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { Article } from "../article.ts";
import { error, type Problem } from "../errors.ts";

/** The largest image published: every build reads it whole to hash it, and a page's image is far smaller. */
const maxImageBytes = 20 * 1024 * 1024;

/**
 * Checks that each article's front-matter image is a file inside the seeds folder (after links are followed), and
 * gives it the digest of its bytes; an article whose image is missing gets a `missing-image` error and is left out.
 * The digest is added here rather than at parse, as the record cache knows the seed's bytes, not the image's.
 */
export function checkImages(articles: readonly Article[], seedsDir: string, fileOf: (source: string) => string): { articles: Article[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const kept: Article[] = [];
  let root: string | undefined;
  for (const article of articles) {
    const { image } = article;
    if (image === undefined) {
      kept.push(article);
      continue;
    }
    root ??= realpathSync(seedsDir);
    const fail = (id: "missing-image" | "invalid-image", message: string): void => {
      problems.push(error(id, fileOf(article.source), image.line, 1, message));
    };
    let real: string;
    try {
      real = realpathSync(path.join(seedsDir, image.source));
    } catch {
      fail("missing-image", `Unexpected image \`${image.source}\` that does not exist, expected an image file at that path of the seeds folder`);
      continue;
    }
    // A link out of the seeds folder would publish a file nobody put there (as for seeds: list-seeds.ts).
    const relative = path.relative(root, real);
    // `..` or `../…`, not a file named `..photo.jpg`.
    if (relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
      fail("invalid-image", `Unexpected image \`${image.source}\` that links outside the seeds folder, expected a file inside it`);
      continue;
    }
    const stats = statSync(real);
    if (!stats.isFile()) {
      fail("missing-image", `Unexpected image \`${image.source}\` that is not a file, expected an image file`);
      continue;
    }
    if (stats.size > maxImageBytes) {
      fail("invalid-image", `Unexpected image \`${image.source}\` larger than 20 MiB, expected an image for the web`);
      continue;
    }
    const digest = createHash("sha256").update(readFileSync(real)).digest("base64url");
    kept.push({ ...article, image: { ...image, digest } });
  }
  return { articles: kept, problems };
}

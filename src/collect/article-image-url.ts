import type { SeedImage } from "../article.ts";

/** Where a seed's image is published: beside its article page, under the file's own name (`/2022/03/07/talks/photo.jpg`). */
export function articleImageUrl(articleUrl: string, image: SeedImage): string {
  return `${articleUrl}${image.source.slice(image.source.lastIndexOf("/") + 1)}`;
}

import slugify from "@sindresorhus/slugify";
import { danglers } from "./shorten.ts";

/** Longest slug, in characters. */
export const maxSlug = 80;

/**
 * An ASCII, lower-case, hyphenated slug of the headline, transliterated where the
 * script allows; the article id when nothing of the headline survives.
 */
export function deriveSlug(headline: string, id: string): string {
  const slug = cut(slugify(headline.replace(/…$/u, ""), { decamelize: false }));
  return slug !== "" ? slug : cut(slugify(id, { decamelize: false })) || "article";
}

function cut(slug: string): string {
  if (slug.length <= maxSlug) return slug;
  const room = slug.slice(0, maxSlug + 1);
  const hyphen = room.lastIndexOf("-");
  if (hyphen <= 0) return slug.slice(0, maxSlug);
  const parts = room.slice(0, hyphen).split("-");
  while (parts.length > 3 && danglers.has(parts.at(-1) ?? "")) parts.pop();
  return parts.join("-");
}

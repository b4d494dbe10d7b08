import slugify from "@sindresorhus/slugify";

/**
 * The folder of a name's page (a person's, a tag's): its slug, cut to 80 characters, or `fallback` when the name
 * has none (no letter that transliterates) or it would read as a page number of the index (`page`).
 */
export function nameSlug(name: string, fallback: string): string {
  const base = slugify(name, { decamelize: false }).slice(0, 80).replace(/-+$/, "");
  return base === "" || base === "page" ? fallback : base;
}

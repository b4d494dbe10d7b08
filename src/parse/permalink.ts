/** A slug a seed may choose: lower-case ASCII letters and digits joined by single hyphens. */
export function isSafeSlug(slug: string): boolean {
  return slug.length <= 80 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
}

/**
 * A site path a seed may choose, normalised to `/a/b/`, or undefined when it could
 * leave the output folder or name anything but a folder: no scheme, no `..` or `.`
 * segments, no backslashes, no percent-escapes, only safe slug segments.
 */
export function safePermalink(value: string): string | undefined {
  const trimmed = value.trim();
  if (!/^\/?[a-z0-9/-]+\/?$/.test(trimmed)) return undefined;
  const segments = trimmed.split("/").filter((segment) => segment !== "");
  if (segments.length === 0 || !segments.every(isSafeSlug)) return undefined;
  if (/^\/\//.test(trimmed) || trimmed.includes("//")) return undefined;
  return `/${segments.join("/")}/`;
}

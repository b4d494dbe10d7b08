/** A seed's format, by its file name: `.md` (any case) is Markdown with front matter, everything else plain text. */
export function seedFormat(source: string): "txt" | "md" {
  return source.toLowerCase().endsWith(".md") ? "md" : "txt";
}

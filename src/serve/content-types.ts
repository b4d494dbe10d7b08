import path from "node:path";

// What a Dateline site holds (pages, feeds, the API, Pagefind's index and WebAssembly) and what a project's assets/
// usually do (images, fonts); anything else is served as bytes.
const types: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".pdf": "application/pdf",
  ".mp3": "audio/mpeg",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
};

/** The Content-Type of a file of the site, from its extension (Pagefind's `.pf_*` files are bytes, as `_headers` says). */
export function contentType(file: string): string {
  if (path.basename(file) === "feed.json") return "application/feed+json; charset=utf-8";
  return types[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

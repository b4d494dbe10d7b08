import path from "node:path";

/** The rendered file of the page at site path `url` (`/a/b/` → `<dir>/a/b/index.html`). */
export function pageFile(dir: string, url: string): string {
  return path.join(dir, ...url.split("/"), "index.html");
}

import { escapeHtml as escape } from "../text/escape-html.ts";
import type { Redirect } from "./url-registry.ts";


/** The `_redirects` file that Netlify and Cloudflare Pages read: `from to 301`, one line per redirect, in order of `from`. */
export function redirectsFile(redirects: readonly Redirect[], pathPrefix = "/"): string {
  const at = (url: string): string => pathPrefix.replace(/\/$/u, "") + url;
  return [...redirects]
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
    .map(({ from, to }) => `${at(from)} ${at(to)} 301\n`)
    .join("");
}

/**
 * The page left at a former URL for hosts that read no `_redirects`: a canonical link (search engines move the page's
 * standing to the new URL) and an immediate meta refresh (browsers follow it), with a plain link for everyone else.
 * @param to the new URL as the site links it (with its path prefix, or absolute)
 */
export function redirectPage(to: string, lang = "en"): string {
  const url = escape(to);
  return `<!doctype html>
<html lang="${escape(lang)}">
<head>
<meta charset="utf-8">
<title>Moved</title>
<link rel="canonical" href="${url}">
<meta http-equiv="refresh" content="0; url=${url}">
<meta name="robots" content="noindex">
</head>
<body>
<p>This article has moved to <a href="${url}">${url}</a>.</p>
</body>
</html>
`;
}

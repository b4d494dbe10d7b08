/** Reserved paths of the preview server: no Dateline site has a top-level folder named `__dateline`. */
export const reloadScriptPath = "/__dateline/reload.js";
export const reloadEventsPath = "/__dateline/events";

/**
 * The script each previewed page loads: it reloads the page when a build is done. A file of its own on the same
 * origin, so that the pages' Content-Security-Policy (`script-src 'self'`, `connect-src 'self'`) allows it.
 */
export const reloadScript = `// Served by \`dateline serve\` only, never part of a site: reloads the page when a build is done.
new EventSource(${JSON.stringify(reloadEventsPath)}).addEventListener("reload", () => location.reload());
`;

const tag = `<script src="${reloadScriptPath}" defer></script>`;

/** The page with the reload script added at the end of its head (or at the end, for a fragment without one). */
export function withReloadScript(html: string): string {
  // The first `</head>` is the head's own: a seed's text is escaped wherever it is written, JSON-LD included.
  const head = html.search(/<\/head>/i);
  return head === -1 ? `${html}${tag}` : `${html.slice(0, head)}${tag}${html.slice(head)}`;
}

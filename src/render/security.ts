// The site's security headers. Everything it loads is its own: no inline scripts, no third parties.
// Pagefind compiles its WebAssembly search and runs it in a worker ('wasm-unsafe-eval', worker-src).

const policy: readonly (readonly [string, string])[] = [
  ["default-src", "'self'"],
  ["script-src", "'self' 'wasm-unsafe-eval'"],
  ["style-src", "'self'"],
  ["img-src", "'self' data:"],
  ["font-src", "'self'"],
  ["connect-src", "'self'"],
  ["worker-src", "'self'"],
  ["object-src", "'none'"],
  ["base-uri", "'self'"],
  ["form-action", "'self'"],
];

/** The Content-Security-Policy for a `<meta http-equiv>`, where `frame-ancestors` is not allowed. */
export const metaContentSecurityPolicy = policy.map(([name, value]) => `${name} ${value}`).join("; ");
// The layout writes it into a double-quoted attribute unescaped (single quotes stay single, not &#39;).
if (/["<>&]/.test(metaContentSecurityPolicy)) throw new Error("Internal error: the Content-Security-Policy needs escaping in an attribute");

/** Response headers for every page, for hosts that read a `_headers` file (Netlify, Cloudflare Pages). */
export const securityHeaders: Readonly<Record<string, string>> = {
  "Content-Security-Policy": `${metaContentSecurityPolicy}; frame-ancestors 'none'`,
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Content-Type-Options": "nosniff",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
};

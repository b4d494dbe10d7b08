// What makes a site option valid, said once for its command-line flag and its config key. Each function returns
// why the value is wrong, as words that follow the value (`--lang xx_YY is not a language tag…`), or undefined.

/** Why `value` cannot be the base URL. */
export function baseUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "is not a URL; write it like https://example.org";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must start with https:// or http://";
  if (url.search || url.hash) return "takes no query or fragment";
  return undefined;
}

/** Why `value` cannot be a path prefix. */
export function pathPrefixProblem(value: string): string | undefined {
  return pathSegments(value).every((segment) => /^[A-Za-z0-9._~-]+$/.test(segment) && segment !== "." && segment !== "..") ? undefined : "must be a path such as /archive/";
}

/** `archive`, `/archive`, `/archive/` → `/archive/` (check it with `pathPrefixProblem` first). */
export function normalisePrefix(value: string): string {
  const segments = pathSegments(value);
  return segments.length === 0 ? "/" : `/${segments.join("/")}/`;
}

function pathSegments(value: string): string[] {
  return value.split("/").filter((segment) => segment !== "");
}

/** Why `value` is not a BCP 47 language tag. */
export function languageProblem(value: string): string | undefined {
  try {
    Intl.getCanonicalLocales(value);
    return undefined;
  } catch {
    return "is not a language tag; write it like en or pt-BR";
  }
}

/** Why `value` cannot be shown as a name or a folder: nothing but white space. */
export function emptyProblem(value: string): string | undefined {
  return value.trim() === "" ? "needs some text" : undefined;
}

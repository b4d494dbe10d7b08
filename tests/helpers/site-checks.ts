import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { HtmlValidate } from "html-validate";

const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    // News headlines run to 110 characters by design; this rule is SEO advice, not validity.
    "long-title": "off",
    // A raw `>` in text is valid HTML: unified escapes only what must be (`<`, `&`), and the
    // escaping tests check those. This stylistic rule would flag every `>` in an article.
    "no-raw-characters": "off",
  },
});

/** html-validate's messages for each page that has any, as `file:line:col rule message`. */
export async function invalidPages(dir: string, files: readonly string[]): Promise<string[]> {
  const messages: string[] = [];
  for (const file of files.filter((name) => name.endsWith(".html"))) {
    const report = await validator.validateString(await readFile(path.join(dir, file), "utf8"), file);
    for (const result of report.results) {
      for (const message of result.messages) messages.push(`${file}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
    }
  }
  return messages;
}

/**
 * Internal links (href and src) of every page that do not resolve to a file of the site
 * served at `prefix`: `/x/` must have `x/index.html`, `/x.xml` must exist.
 */
export async function brokenLinks(dir: string, files: readonly string[], prefix = "/"): Promise<string[]> {
  const broken: string[] = [];
  const seen = new Map<string, boolean>();
  for (const file of files.filter((name) => name.endsWith(".html"))) {
    const html = await readFile(path.join(dir, file), "utf8");
    for (const [, url = ""] of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      if (/^[a-z]+:/i.test(url) || url.startsWith("//") || url.startsWith("#")) continue;
      const pathname = decodeURI(url.split(/[?#]/)[0] ?? "");
      if (!pathname.startsWith(prefix)) {
        broken.push(`${file}: ${url} is outside ${prefix}`);
        continue;
      }
      const target = path.join(dir, pathname.slice(prefix.length), pathname.endsWith("/") ? "index.html" : "");
      if (!seen.has(target)) seen.set(target, await stat(target).then((s) => s.isFile(), () => false));
      if (!seen.get(target)) broken.push(`${file}: ${url}`);
    }
  }
  return broken;
}

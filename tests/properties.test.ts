import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { collapseWhitespace } from "../src/text/collapse-whitespace.ts";
import { enrichArticle } from "../src/enrich/index.ts";
import { hintFor, type Problem } from "../src/errors.ts";
import { parseSeed, type ParseResult } from "../src/parse/index.ts";
import { deepContainers } from "../src/parse/deep-nesting.ts";
import remarkParse from "remark-parse";
import { unified } from "unified";

const seedBytes = new Uint8Array(readFileSync("seeds/000_7aa871e253b4211d.txt"));
const txt = { id: "p", source: "p.txt", file: "seeds/p.txt" };
const md = { id: "p", source: "p.md", file: "seeds/p.md" };
const encoder = new TextEncoder();

/** Every problem is well formed: placed, known, and about the file it was given. */
function expectReported(result: ParseResult, file: string): void {
  for (const problem of result.problems as Problem[]) {
    expect(problem.file).toBe(file);
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    expect(hintFor(problem.id)).toBeTypeOf("string");
  }
  expect(result.article !== undefined || result.problems.some((problem) => problem.severity === "error")).toBe(true);
}

/** The body's HTML holds no markup but what unified made: paragraphs (and, for Markdown, sanitised elements). */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<(script|style|iframe|object|embed|svg|math|form|input|link|meta|base)\b/i);
  // Only inside real tags: text such as `href="javascript:` in a code span is escaped and harmless.
  expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
  expect(html).not.toMatch(/<[^>]*\s(href|src)\s*=\s*"\s*(javascript|data|vbscript):/i);
}

const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom("insert", "delete", "replace"),
  bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
});

function mutate(bytes: Uint8Array, mutations: { at: number; kind: string; bytes: Uint8Array }[]): Uint8Array {
  let out = Array.from(bytes);
  for (const { at, kind, bytes: extra } of mutations) {
    const i = out.length === 0 ? 0 : at % out.length;
    if (kind === "insert") out.splice(i, 0, ...extra);
    else if (kind === "delete") out.splice(i, extra.length);
    else out.splice(i, extra.length, ...extra);
  }
  return Uint8Array.from(out);
}

describe("hostile input", () => {
  test("should report, never throw, on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.boolean(), (bytes, isMd) => {
        const seed = isMd ? md : txt;
        expectReported(parseSeed(bytes, seed), seed.file);
      }),
      { numRuns: 500 },
    );
  });

  test("should report, never throw, on mutations of a real seed", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), (mutations) => {
        const result = parseSeed(mutate(seedBytes, mutations), txt);
        expectReported(result, txt.file);
        if (result.article) expectInert(result.article.html);
      }),
      { numRuns: 500 },
    );
  });

  test("should keep any text after a valid header inert", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 500 }), (text) => {
        const result = parseSeed(encoder.encode(` date 2022-03-06 ${text}`), txt);
        expectReported(result, txt.file);
        if (result.article) {
          expect(result.article.html.replace(/<\/?p>/g, "")).not.toContain("<");
          const article = enrichArticle(result.article);
          expect(article.url).toMatch(/^\/2022\/03\/06\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/);
          expect(article.title.length).toBeLessThanOrEqual(110);
          expect(article.slug.length).toBeLessThanOrEqual(80);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test("should keep Markdown bodies sanitised and permalinks inside the site", () => {
    const hostile = fc.constantFrom(
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "[x](javascript:alert(1))",
      "[x](JaVaScRiPt:alert(1))",
      "![x](data:text/html;base64,PHNjcmlwdD4=)",
      '<a href="javascript:alert(1)">x</a>',
      "<svg onload=alert(1)>",
      "<iframe src=//evil>",
      "<style>*{}</style>",
      "*emphasis* and `code`",
    );
    const permalink = fc.constantFrom("../x/", "/../../etc/", "https://evil/", "//evil/", "/ok/", "..\\\\x", "/a/./b/", "%2e%2e/", "/safe-path/");
    fc.assert(
      fc.property(fc.array(fc.oneof(hostile, fc.string({ maxLength: 40 })), { maxLength: 8 }), permalink, (parts, link) => {
        const text = `---\ndate: 2022-03-07\npermalink: ${JSON.stringify(link)}\n---\n\nLead. ${parts.join(" ")}\n`;
        const result = parseSeed(encoder.encode(text), md);
        expectReported(result, md.file);
        if (result.article) {
          expectInert(result.article.html);
          expect(["/ok/", "/safe-path/"]).toContain(result.article.permalink);
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** True when `text` holds a character XML 1.0 forbids or HTML calls an error: written out, not the parser's regex. */
function hasInvalidCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      const point = text.codePointAt(i) ?? 0;
      if ((point & 0xfffe) === 0xfffe) return true;
      i++;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) return true; // a lone surrogate
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
    if (code >= 0x7f && code <= 0x9f) return true;
    if ((code >= 0xfdd0 && code <= 0xfdef) || code === 0xfffe || code === 0xffff) return true;
  }
  return false;
}

/** Every string of a parsed article, its lists included. */
function stringsOf(article: object): string[] {
  return Object.values(article).flatMap((value: unknown) => (typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((item) => typeof item === "string") : []));
}

describe("front-matter languages", () => {
  test("should refuse any word but yaml or yml after the opening ---, and run none of them", () => {
    const named = fc.constantFrom("js", "javascript", "JavaScript", "JSON", "json", "coffee", "cson", "toml", "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "eval", "yaml", "yml", "YAML", "Yml", "yaml5", "yamlx", "-js", "---");
    const unicode = fc.string({ unit: "binary", maxLength: 12 });
    const word = fc.oneof(named, unicode, fc.tuple(named, unicode).map(([a, b]) => a + b));
    const space = fc.constantFrom("", " ", "  ", "\t", "\u00a0", "\u3000");
    const line = fc.oneof(
      fc.constantFrom(
        "date: 2022-03-07",
        "title: Talks",
        "module.exports = { date: '2022-03-07' }",
        "globalThis.pwned = true",
        "process.exit(3)",
        "throw new Error('boom')",
        '{"date": "2022-03-07"}',
        "date = '2022-03-07'",
        "__proto__: { polluted: true }",
        "constructor: { prototype: { polluted: true } }",
        "!!js/function 'function () { globalThis.pwned = true }'",
        "---",
        "...",
        "`",
        "}",
      ),
      fc.string({ unit: "binary", maxLength: 30 }),
    );
    fc.assert(
      fc.property(space, word, space, fc.array(line, { maxLength: 6 }), (before, chosen, after, lines) => {
        // No NUL: a NUL byte makes the file binary, which is another property.
        const opener = `---${before}${chosen}${after}`.replace(/[\n\r\0]/g, " ");
        const result = parseSeed(encoder.encode(`${opener}\n${lines.join("\n").replaceAll("\0", " ")}\n---\n\nBody.\n`), md);
        expectReported(result, md.file);
        expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
        expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
        // The word as the parser sees it: cleaned of control characters, trimmed; `----` opens no front matter at all.
        const language = opener.slice(3).replace(/(?![\t\n\r])[\p{Cc}\p{Noncharacter_Code_Point}\p{Cs}]/gu, " ").trim();
        if (!opener.startsWith("----") && language !== "" && !/^ya?ml$/i.test(language.normalize("NFC"))) {
          expect(result.article).toBeUndefined();
          expect(result.problems[0]?.id).toBe("invalid-front-matter");
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("nesting", () => {
  const marker = fc.constantFrom("> ", "- ", "* ", "1. ", "+ ", "2) ");

  test("should report, never throw, on random runs of quote and list markers, indentation and text", () => {
    const single = fc.constantFrom(">", "> ", "- ", "* ", "1. ", "+ ", " ", "  ", "    ", "\t", "\n", "\n\n", "x", "*", "_", "[", "](u)", "```\n");
    // A marker repeated up to a few thousand times: one line as deep as those that overflowed the stack.
    const run = fc.tuple(fc.constantFrom(">", "> ", "- ", "* ", "1. ", "*", "_", "["), fc.integer({ min: 1, max: 3000 })).map(([mark, times]) => mark.repeat(times));
    const piece = fc.oneof({ weight: 30, arbitrary: single }, { weight: 1, arbitrary: run });
    fc.assert(
      // size "max": fast-check otherwise keeps arrays to a few dozen items, never deep enough to matter.
      fc.property(fc.array(piece, { maxLength: 500, size: "max" }), (pieces) => {
        const result = parseSeed(encoder.encode(`---\ndate: 2022-03-07\n---\n\nLead.\n\n${pieces.join("")}\n`), md);
        expectReported(result, md.file);
      }),
      { numRuns: 25 },
    );
  });

  test("should see at least as many levels as remark does, in any mix of markers, indents, fences and lazy lines", () => {
    // Not empty items, items numbered other than 1 or raw HTML: where those may be text, the scan can see one level fewer.
    const fromMarkdown = unified().use(remarkParse);
    const indent = fc.constantFrom("", "", " ", "  ", "   ", "    ", "\t", " \t", "      ", "        ");
    const mark = fc.constantFrom(">", "> ", ">\t", "- ", "* ", "+ ", "1. ", "1) ", "*\t", "-     ", " ", "  ");
    const content = fc.constantFrom("x", "x\t", "a *b*", "```", "~~~", "# h", "---", "***", "===", "- - -", "* * *", "    code");
    const line = fc.oneof(fc.constant(""), fc.tuple(indent, fc.array(mark, { maxLength: 8 }), content).map(([a, b, c]) => a + b.join("") + c));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 16 }), (lines) => {
        const markdown = lines.join("\n");
        // The deepest block quote or list item in remark's tree, walked without recursion.
        let deepest = 0;
        const stack: [{ type: string; children?: unknown[] }, number][] = [[fromMarkdown.parse(markdown), 0]];
        for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
          const [node, depth] = entry;
          deepest = Math.max(deepest, depth);
          for (const child of (node.children ?? []) as { type: string }[]) stack.push([child, depth + (child.type === "blockquote" || child.type === "listItem" ? 1 : 0)]);
        }
        if (deepest > 0) expect(deepContainers(markdown, deepest - 1), JSON.stringify(markdown)).toBeDefined();
      }),
      { numRuns: 500 },
    );
  });

  test("should report exactly the nesting deeper than 32 levels, written on one line or line by line", () => {
    const extra = fc.constantFrom("", " ", "  ");
    // Around the limit often, up to 3,000 levels sometimes.
    const depth = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 28, max: 36 }), fc.integer({ min: 1, max: 3000 }));
    fc.assert(
      fc.property(depth.chain((length) => fc.array(fc.tuple(marker, extra), { minLength: length, maxLength: length })), fc.boolean(), (markers, oneLine) => {
        let body: string;
        if (oneLine || markers.length > 80) {
          body = `${markers.map(([mark, space]) => mark + space).join("")}deep`;
        } else {
          // Each container on its own line, inside those before: quotes repeat their `>`, list items indent their width.
          // After a paragraph an ordered list must start at 1 (CommonMark 5.2), so `2)` becomes `1)` here.
          let prefix = "";
          const lines: string[] = [];
          for (const [chosen] of markers) {
            const mark = chosen === "2) " ? "1) " : chosen;
            lines.push(`${prefix}${mark}deep`);
            prefix += mark === "> " ? "> " : " ".repeat(mark.length);
          }
          body = lines.join("\n");
        }
        const result = parseSeed(encoder.encode(`---\ndate: 2022-03-07\n---\n\nLead.\n\n${body}\n`), md);
        expectReported(result, md.file);
        if (markers.length > 32) {
          expect(result.problems.map((problem) => problem.id)).toEqual(["too-deeply-nested"]);
        } else {
          expect(result.problems).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("clean text", () => {
  // Code points a seed may write in a YAML escape or raw in its body, weighted to those a page must not hold.
  const invalidPoint = fc.oneof(
    fc.integer({ min: 0, max: 0x1f }),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.integer({ min: 0xd800, max: 0xdfff }),
    fc.integer({ min: 0xfdd0, max: 0xfdef }),
    fc.constantFrom(0xfffe, 0xffff, 0x1fffe, 0x10fffe, 0x10ffff, 0x2028, 0x2029, 0xfeff),
  );
  const point = fc.oneof(invalidPoint, fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0, max: 0x10ffff }));
  // A YAML double-quoted escape for a code point: \xXX, \uXXXX, \UXXXXXXXX, or a named one.
  const yamlEscape = fc.oneof(
    point.map((code) => (code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : code <= 0xffff ? `\\u${code.toString(16).padStart(4, "0")}` : `\\U${code.toString(16).padStart(8, "0")}`)),
    fc.constantFrom("\\0", "\\a", "\\b", "\\e", "\\v", "\\f", "\\N", "\\_", "\\L", "\\P", "\\t", "x", "y z"),
  );
  const yamlText = fc.array(yamlEscape, { minLength: 1, maxLength: 12 }).map((parts) => `"${parts.join("")}"`);
  // Raw characters for the body: a lone surrogate cannot be written in UTF-8, so those arrive as U+FFFD.
  const bodyText = fc.array(fc.oneof(point.map((code) => String.fromCodePoint(code)), fc.constantFrom("word ", "*em* ", "`code` ", "&#12;", "&#x85;", "\n\n", "> ", "- ")), { maxLength: 40 });

  test("should leave no control character, noncharacter or lone surrogate in any field of the article", () => {
    // Counted, so that a parser refusing every seed cannot pass the property without checking a field.
    let checked = 0;
    fc.assert(
      fc.property(yamlText, yamlText, fc.array(yamlText, { maxLength: 4 }), bodyText, (title, summary, tags, body) => {
        const text = `---\ndate: 2022-03-07\ntitle: ${title}\nsummary: ${summary}\ntags: [${tags.join(", ")}]\n---\n\nLead paragraph. ${body.join("")}\n`;
        const result = parseSeed(encoder.encode(text), md);
        expectReported(result, md.file);
        if (result.article === undefined) return;
        checked++;
        for (const value of stringsOf(result.article)) expect(hasInvalidCharacter(value), JSON.stringify(value)).toBe(false);
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(100);
  });

  test("should leave none in a .txt article either, whatever bytes follow the header", () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.array(invalidPoint.map((code) => String.fromCodePoint(code)), { maxLength: 8 }), fc.string({ unit: "binary", maxLength: 200 }), (controls, text) => {
        const result = parseSeed(encoder.encode(` date 2022-03-06 Lead ${controls.join("")} ${text}`), txt);
        expectReported(result, txt.file);
        if (result.article === undefined) return;
        checked++;
        for (const value of stringsOf(result.article)) expect(hasInvalidCharacter(value), JSON.stringify(value)).toBe(false);
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(100);
  });
});

describe("collapseWhitespace", () => {
  test("should fold white space exactly as /\\s+/ and trim do, on any mix of JavaScript's white-space characters", () => {
    // Every character \s matches, single and doubled, among letters: a run that is one non-space character must go too.
    const white = [..." \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"];
    const piece = fc.oneof(fc.constantFrom(...white), fc.constantFrom("a", "B", "é", "“", "-", "  "), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join("");
        expect(collapseWhitespace(text)).toBe(text.replace(/\s+/g, " ").trim());
      }),
      { numRuns: 2000 },
    );
  });
});

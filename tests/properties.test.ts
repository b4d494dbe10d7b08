import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { collapseWhitespace } from "../src/collapse-whitespace.ts";
import { enrichArticle } from "../src/enrich/index.ts";
import { hintFor, type Problem } from "../src/errors.ts";
import { parseSeed, type ParseResult } from "../src/parse/index.ts";

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

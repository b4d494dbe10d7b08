import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { formatProblem } from "../src/errors.ts";
import { parseSeed } from "../src/parse/index.ts";
import { isCalendarDate } from "../src/parse/date.ts";
import { safePermalink } from "../src/parse/permalink.ts";

const fixtures = path.join(import.meta.dirname, "fixtures", "parse");

function parseFixture(name: string) {
  const file = `tests/fixtures/parse/${name}`;
  return parseSeed(readFileSync(path.join(fixtures, name)), { id: name.replace(/\.\w+$/, ""), source: name, file });
}

describe("golden fixtures", () => {
  for (const name of readdirSync(fixtures).sort()) {
    test(`should parse ${name} as recorded`, async () => {
      const result = parseFixture(name);
      const recorded = { article: result.article ?? null, problems: result.problems.map(formatProblem) };
      await expect(`${JSON.stringify(recorded, null, 2)}\n`).toMatchFileSnapshot(`__snapshots__/parse/${name}.json`);
    });
  }
});

describe("txt seeds", () => {
  test("should read the date and keep the lead paragraph from the header line", () => {
    const { article, problems } = parseFixture("seed-example.txt");
    expect(problems).toEqual([]);
    expect(article?.date).toBe("2022-03-06");
    expect(article?.paragraphs).toHaveLength(10);
    expect(article?.paragraphs[0]).toMatch(/^China on Saturday called for “direct” negotiations/);
  });

  test("should give the same article for LF, CRLF, CR, BOM and UTF-16 files", () => {
    const paragraphs = ["First paragraph.", "Second paragraph."];
    for (const name of ["crlf.txt", "cr.txt", "bom.txt", "utf16le-bom.txt", "utf16be-bom.txt"]) {
      const { article, problems } = parseFixture(name);
      expect(problems, name).toEqual([]);
      expect(article?.paragraphs, name).toEqual(paragraphs);
      expect(article?.date, name).toBe("2022-03-06");
    }
  });

  test("should fold tabs, runs of spaces and wrapped lines, and skip blank lines anywhere", () => {
    const { article } = parseFixture("whitespace.txt");
    expect(article?.paragraphs).toEqual(["Lead with tabs and spaces. wrapped line continues.", "Next paragraph."]);
  });

  test("should show Markdown and HTML characters of a .txt body literally", () => {
    const { article } = parseFixture("markdown-literal.txt");
    expect(article?.html).toContain("# Not a heading *not emphasis* _nor_ `code`.");
    expect(article?.html).toContain("&#x3C;script>alert(1)&#x3C;/script>");
    expect(article?.html).toContain("AT&#x26;T &#x3C;America First Fund>");
    expect(article?.html).toContain("<p>1. not a list</p>");
    expect(article?.html).not.toMatch(/<(script|b|h1|em|ol|blockquote|a|img)\b/);
  });

  test("should decode Windows-1252 with a warning that names the first bad byte", () => {
    const { article, problems } = parseFixture("windows-1252.txt");
    expect(article?.paragraphs[0]).toBe("Café prices rose “sharply” – by 5 €.");
    expect(problems.map(formatProblem)[0]).toMatch(/^tests\/fixtures\/parse\/windows-1252\.txt:1:21: warning: .* \[not-utf8\]/);
  });

  test("should report each kind of problem with its place and id", () => {
    const cases: [string, string][] = [
      ["missing-date.txt", "1:2: error: Unexpected `China on Saturday ca`, expected the word `date` and a date (YYYY-MM-DD) to start the seed [missing-date]"],
      ["invalid-date-calendar.txt", "1:7: error: Unexpected date `2021-02-30`, expected a real calendar date (YYYY-MM-DD) [invalid-date]"],
      ["invalid-date-format.txt", "1:7: error: Unexpected date `06/03/2022`, expected a date written YYYY-MM-DD [invalid-date]"],
      ["empty.txt", "1:1: error: Unexpected empty file, expected ` date YYYY-MM-DD` and an article [empty-file]"],
      ["header-without-body.txt", "1:20: error: Unexpected end of file after the date, expected the article's text [missing-body]"],
      ["binary-nul.txt", "1:21: error: Unexpected NUL byte: this looks like a binary file, not a text seed [binary-file]"],
      ["front-matter-invalid-date.md", "3:7: error: Unexpected date `2021-02-30`, expected a real calendar date (YYYY-MM-DD) [invalid-date]"],
      ["front-matter-traversal.md", "3:12: error: Unexpected permalink `../../etc/passwd`, expected a folder path inside the site [unsafe-permalink]"],
    ];
    for (const [name, expected] of cases) {
      const { article, problems } = parseFixture(name);
      expect(article, name).toBeUndefined();
      expect(formatProblem(problems[0]!).split("\n")[0], name).toBe(`tests/fixtures/parse/${name}:${expected}`);
    }
  });

  test("should follow each problem with a hint saying what to do", () => {
    const { problems } = parseFixture("invalid-date-calendar.txt");
    expect(formatProblem(problems[0]!).split("\n")[1]).toBe("  hint: Write the date as YYYY-MM-DD, a day that exists in the calendar (e.g. 2022-03-06).");
  });
});

describe("md seeds", () => {
  test("should read front matter and render the Markdown body", () => {
    const { article, problems } = parseFixture("front-matter.md");
    expect(problems).toEqual([]);
    expect(article).toMatchObject({ date: "2022-03-07", title: "Talks in Geneva", summary: "A short summary.", tags: ["diplomacy", "europe"], slug: "talks-in-geneva" });
    expect(article?.html).toContain('<em>first</em> paragraph with <a href="https://example.org/">a link</a>');
  });

  test("should sanitise raw HTML and javascript: URLs", () => {
    const { article } = parseFixture("front-matter-sanitised.md");
    expect(article?.html).not.toMatch(/<script|onerror|onclick|javascript:|<img/i);
  });

  test("should refuse YAML tags that run code", () => {
    const { article, problems } = parseFixture("front-matter-custom-tag.md");
    expect(article).toBeUndefined();
    expect(problems[0]?.id).toBe("invalid-front-matter");
  });
});

describe("helpers", () => {
  test("should accept only real calendar dates", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2023-02-29")).toBe(false);
    expect(isCalendarDate("2021-04-31")).toBe(false);
    expect(isCalendarDate("2021-00-10")).toBe(false);
    expect(isCalendarDate("0099-01-01")).toBe(false);
    expect(isCalendarDate("2021-1-01")).toBe(false);
  });

  test("should keep permalinks inside the site", () => {
    expect(safePermalink("/special/report/")).toBe("/special/report/");
    expect(safePermalink("special/report")).toBe("/special/report/");
    for (const bad of ["../x/", "/a/../../b/", "https://evil.example/", "//evil.example/", "/a\\b/", "/%2e%2e/", "/", "/A/", "/a b/", "C:/x/"]) {
      expect(safePermalink(bad), bad).toBeUndefined();
    }
  });
});

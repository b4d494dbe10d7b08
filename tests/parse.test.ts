import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { seedRecord } from "../src/load/seed-record.ts";
import { formatProblem } from "../src/errors.ts";
import { parseSeed } from "../src/parse/index.ts";
import { isCalendarDate } from "../src/parse/date.ts";
import { safePermalink } from "../src/parse/permalink.ts";

const fixtures = path.join(import.meta.dirname, "fixtures", "parse");

const encoder = new TextEncoder();
const md = { id: "p", source: "p.md", file: "seeds/p.md" };
const txt = { id: "p", source: "p.txt", file: "seeds/p.txt" };

/** A `.md` seed with a date, a lead paragraph on line 5 and `body` from line 7. */
function mdSeed(body: string): Uint8Array {
  return encoder.encode(`---\ndate: 2022-03-07\n---\n\nLead paragraph.\n\n${body}\n`);
}

/** The first line of each problem, as printed. */
function printed(problems: readonly Parameters<typeof formatProblem>[0][]): string[] {
  return problems.map((problem) => formatProblem(problem).split("\n")[0] ?? "");
}

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

  test("should read a lead line holding U+2028 and U+2029 as text, not as a missing date", () => {
    const { article, problems } = parseFixture("line-separator-lead.txt");
    expect(problems).toEqual([]);
    expect(article?.paragraphs[0]).toBe("Lead with a line separator and a paragraph separator.");
    expect(parseSeed(encoder.encode(" date\u20282022-03-06\u2029Lead.\n"), txt).article?.paragraphs).toEqual(["Lead."]);
  });

  test("should read UTF-16LE and UTF-16BE without a byte-order mark, with a warning", () => {
    for (const [name, encoding] of [["utf16le-no-bom.txt", "UTF-16LE"], ["utf16be-no-bom.txt", "UTF-16BE"]]) {
      const { article, problems } = parseFixture(name ?? "");
      expect(article?.paragraphs, name).toEqual(["First paragraph.", "Second paragraph."]);
      expect(printed(problems), name).toEqual([
        `tests/fixtures/parse/${name}:1:1: warning: Unexpected ${encoding} text without a byte-order mark, expected UTF-8; read the file as ${encoding} [not-utf8]`,
      ]);
    }
  });

  test("should still call bytes with NULs at both offsets, or beside unprintable bytes, binary", () => {
    const utf16 = Buffer.from(" date 2022-03-06 Lead paragraph.\n", "utf16le");
    const cases = [
      Uint8Array.from({ length: 512 }, (_, i) => (i % 3 === 0 ? 0 : (i * 37) % 251)),
      Uint8Array.from({ length: 512 }, (_, i) => (i % 2 === 1 ? 0 : 1 + (i % 7))),
      utf16.subarray(0, utf16.length - 1),
    ];
    for (const bytes of cases) expect(parseSeed(bytes, txt).problems.map((problem) => problem.id)).toEqual(["binary-file"]);
  });

  test("should read the UTF-8 parts of a file that mixes UTF-8 and Windows-1252 as UTF-8", () => {
    const { article, problems } = parseFixture("mixed-utf8-windows-1252.txt");
    expect(article?.paragraphs[0]).toBe("The “café” owner’s prices rose – by 5 €.");
    expect(printed(problems)).toEqual([
      "tests/fixtures/parse/mixed-utf8-windows-1252.txt:1:34: warning: Unexpected byte 0x92 that is not UTF-8; read the UTF-8 parts as UTF-8 and the other bytes as Windows-1252 [not-utf8]",
    ]);
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

describe("bounded work", () => {
  test("should report 2,000 nested block quotes as too deeply nested instead of overflowing the stack", () => {
    const { article, problems } = parseSeed(mdSeed(">".repeat(2000) + " deep"), md);
    expect(article).toBeUndefined();
    expect(printed(problems)).toEqual([
      "seeds/p.md:7:33: error: Unexpected block quote nested 33 levels deep, expected at most 32 block quotes and list items inside one another [too-deeply-nested]",
    ]);
  });

  test("should report 3,000 nested list items, on one line or indented line by line, as too deeply nested", () => {
    const oneLine = parseSeed(mdSeed("- ".repeat(3000) + "deep"), md);
    expect(printed(oneLine.problems)).toEqual([
      "seeds/p.md:7:65: error: Unexpected list item nested 33 levels deep, expected at most 32 block quotes and list items inside one another [too-deeply-nested]",
    ]);
    // 1,000 lines indented 2 columns more each: 1 MB (3,000 would be 9 MB, over the size limit).
    const indented = parseSeed(mdSeed(Array.from({ length: 1000 }, (_, i) => `${" ".repeat(i * 2)}- item`).join("\n")), md);
    expect(indented.article).toBeUndefined();
    expect(indented.problems.map((problem) => [problem.id, problem.line, problem.column])).toEqual([["too-deeply-nested", 39, 65]]);
    const mixed = parseSeed(mdSeed("> 1. * ".repeat(1000) + "deep"), md);
    expect(mixed.problems.map((problem) => problem.id)).toEqual(["too-deeply-nested"]);
  });

  test("should accept block quotes and list items nested 32 levels deep", () => {
    const { article, problems } = parseSeed(mdSeed("> - ".repeat(16) + "deep"), md);
    expect(problems).toEqual([]);
    expect(article?.html.match(/<blockquote>/g)).toHaveLength(16);
    expect(article?.html.match(/<li>/g)).toHaveLength(16);
  });

  test("should report emphasis nested deeper than 32 levels instead of overflowing the stack", () => {
    // 4,000 `*` a side nested 2,000 strong spans, and mdast-util-to-hast overflowed from about 3,500; that many markers
    // are now refused as too much markup, so 200 a side (100 spans) show the nesting check.
    const { article, problems } = parseSeed(mdSeed(`${"*".repeat(200)}deep${"*".repeat(200)}`), md);
    expect(article).toBeUndefined();
    expect(problems.map((problem) => [problem.id, problem.line])).toEqual([["too-deeply-nested", 7]]);
  });

  test("should refuse a seed larger than 4 MiB before reading it", () => {
    for (const seed of [txt, md]) {
      const bytes = new Uint8Array(4 * 1024 * 1024 + 1).fill(0x61);
      const { article, problems } = parseSeed(bytes, seed);
      expect(article).toBeUndefined();
      expect(printed(problems)).toEqual([
        `${seed.file}:1:1: error: Unexpected file larger than 4 MiB (4194304 bytes), expected one article [seed-too-large]`,
      ]);
    }
    const atLimit = new Uint8Array(4 * 1024 * 1024).fill(0x61);
    atLimit.set(encoder.encode(" date 2022-03-06 "));
    expect(parseSeed(atLimit, txt).problems).toEqual([]);
  });
});

describe("seedRecord", () => {
  const timings = () => ({ parse: 0, enrich: 0 });

  test("should turn an exception thrown while parsing into a seed-failed error for that seed", () => {
    const seed = {
      id: "p",
      file: "seeds/p.md",
      get source(): string {
        throw new RangeError("Maximum call stack size exceeded");
      },
    };
    const record = seedRecord(mdSeed("Body."), seed, timings());
    expect(record.article).toBeUndefined();
    expect(printed(record.problems)).toEqual([
      "seeds/p.md:1:1: error: Unexpected failure while reading this seed (RangeError: Maximum call stack size exceeded), expected an article or a report of what is wrong with it [seed-failed]",
    ]);
  });

  test("should report, not throw, for the nesting that used to overflow the stack", () => {
    for (const body of [">".repeat(2000), "- ".repeat(3000) + "x"]) {
      const record = seedRecord(mdSeed(body), md, timings());
      expect(record.problems.map((problem) => problem.id)).toEqual(["too-deeply-nested"]);
    }
  });

  test("should still enrich a good seed", () => {
    const record = seedRecord(mdSeed("Body of the story."), md, timings());
    expect(record.problems).toEqual([]);
    expect(record.article?.date).toBe("2022-03-07");
  });
});

describe("clean text", () => {
  // What XML 1.0 forbids (and HTML calls errors): C0 controls but tab, LF and CR; DEL and C1; noncharacters; lone surrogates.
  const invalid = /(?![\t\n\r])[\p{Cc}\p{Noncharacter_Code_Point}\p{Cs}]/u;

  test("should replace control characters in a Markdown body and in YAML-escaped fields", () => {
    const { article, problems } = parseFixture("front-matter-control-characters.md");
    expect(problems).toEqual([]);
    expect(article).toMatchObject({ title: "Talks in Geneva end", summary: "A short summary .", tags: ["diplo macy", "europe"] });
    expect(article?.paragraphs).toEqual(["The first paragraph with controls [31m and a form feed."]);
    for (const value of [article?.title, article?.summary, article?.html, ...(article?.paragraphs ?? []), ...(article?.tags ?? [])]) {
      expect(value).toBeTypeOf("string");
      expect(value, JSON.stringify(value)).not.toMatch(invalid);
    }
  });

  test("should replace control characters and noncharacters in a .txt seed", () => {
    const { article } = parseSeed(encoder.encode(" date 2022-03-06 A\u0001b \u0085c\uFFFEd\u007Fe\uFDD0f\u{10FFFF}g\n"), txt);
    expect(article?.paragraphs).toEqual(["A b c d e f g"]);
  });

  test("should keep the form feed micromark lets through a character reference out of the HTML", () => {
    const { article } = parseSeed(mdSeed("Form &#12; feed and `&#12;` code."), md);
    expect(article?.html).not.toMatch(invalid);
    expect(article?.html).toContain("<p>Form   feed and <code>&#x26;#12;</code> code.</p>");
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

describe("front matter that expands", () => {
  test("should refuse, at once, a slug that YAML aliases make a list of ten trillion items", () => {
    // Regression: `String()` of the slug spelled the list out and threw `Invalid string length` (or ran for minutes).
    const lines = ["---", "date: 2022-03-06", "l0: &l0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i <= 12; i++) lines.push(`l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(", ")}]`);
    lines.push("slug: *l12", "permalink: *l12", "---", "", "The body.");
    const { article, problems } = parseSeed(Buffer.from(lines.join("\n")), { id: "bomb", source: "bomb.md", file: "bomb.md" });
    expect(article).toBeUndefined();
    // The anchors' keys (l0…l12) are unknown front-matter keys, warnings only.
    expect(problems.flatMap((problem) => (problem.severity === "error" ? [problem.message] : []))).toEqual([
      "Unexpected slug that is a list or a map, expected lower-case letters, digits and hyphens",
      "Unexpected permalink that is a list or a map, expected a folder path inside the site",
    ]);
  });
});

describe("markup that costs the square of its length", () => {
  const md = (body: string) => parseSeed(Buffer.from(`---\ndate: 2022-03-06\n---\n\n${body}\n`), { id: "m", source: "m.md", file: "m.md" });

  test("should refuse a paragraph of thousands of link or emphasis markers before remark reads it", () => {
    // Regression: remark took 2.7 s for 20,000 `[x]` in one paragraph, and a 4 MiB seed of them hours.
    for (const body of ["[x]".repeat(20_000), `${"*".repeat(4000)}word${"*".repeat(4000)}`]) {
      const { article, problems } = md(body);
      expect(article).toBeUndefined();
      expect(problems.map((problem) => [problem.id, problem.line])).toEqual([["too-much-markup", 5]]);
    }
  });

  test("should refuse a seed of many paragraphs each within the limit, past 20,000 markers in all", () => {
    const { problems } = md(Array.from({ length: 40 }, () => "[x]".repeat(300)).join("\n\n"));
    expect(problems.map((problem) => problem.id)).toEqual(["too-much-markup"]);
  });

  test("should read an article with markup in every paragraph", () => {
    const { article, problems } = md(Array.from({ length: 200 }, (_, i) => `Paragraph ${i} with *emphasis*, a [link](https://example.org/) and \`code\`.`).join("\n\n"));
    expect(problems).toEqual([]);
    expect(article?.paragraphs).toHaveLength(200);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { ParsedArticle } from "../src/article.ts";
import { enrichArticle } from "../src/enrich/index.ts";
import { deriveHeadline } from "../src/enrich/headline.ts";
import { sentences } from "../src/enrich/sentences.ts";
import { deriveSlug } from "../src/enrich/slug.ts";
import { deriveSummary } from "../src/enrich/summary.ts";
import { parseSeed } from "../src/parse/index.ts";

function parsed(paragraphs: string[], extra: Partial<ParsedArticle> = {}): ParsedArticle {
  return { id: "a1", source: "a1.txt", format: "txt", date: "2022-03-06", paragraphs, html: "", tags: [], ...extra };
}

describe("sentences", () => {
  test("should not split at abbreviations, initials or decimals", () => {
    expect(sentences("Mr. J. Smith of the U.S. Treasury said on Jan. 5 that Gen. Motors shares rose 5.93 pct. Analysts disagreed.")).toEqual([
      "Mr. J. Smith of the U.S. Treasury said on Jan. 5 that Gen. Motors shares rose 5.93 pct.",
      "Analysts disagreed.",
    ]);
  });

  test("should join a stray full stop followed by a lower-case word back into its sentence", () => {
    expect(sentences("It was the 10th day. of the conflict. Then talks began.")).toEqual(["It was the 10th day. of the conflict.", "Then talks began."]);
  });
});

describe("headline", () => {
  test("should use the lead sentence without its full stop", () => {
    expect(deriveHeadline(["Oil prices rose on Monday. Traders were surprised."])).toBe("Oil prices rose on Monday");
  });

  test("should keep the full stop of a closing abbreviation", () => {
    expect(deriveHeadline(["Talks resumed in the U.S."])).toBe("Talks resumed in the U.S.");
  });

  test("should cut a long lead at a word boundary, drop dangling words and end with an ellipsis", () => {
    const seed = readFileSync("seeds/000_7aa871e253b4211d.txt");
    const article = parseSeed(seed, { id: "x", source: "x.txt", file: "x.txt" }).article!;
    const headline = deriveHeadline(article.paragraphs);
    expect(headline).toBe("China on Saturday called for “direct” negotiations between Ukraine and Russia in a telephone conversation…");
    expect(headline.length).toBeLessThanOrEqual(110);
  });

  test("should prefer a clause boundary in the second half", () => {
    const lead = `${"The central bank, which met for two days in the capital and heard from many economists".padEnd(80, " x")}, raised its main rate by half a point to fight inflation that has reached a record.`;
    const headline = deriveHeadline([lead]);
    expect(headline.endsWith("…")).toBe(true);
    expect(headline.length).toBeLessThanOrEqual(110);
    expect(headline).not.toContain(",…");
  });

  test("should let a front-matter title win", () => {
    expect(enrichArticle(parsed(["Lead."], { title: "Chosen title" })).title).toBe("Chosen title");
  });
});

describe("summary", () => {
  test("should keep a short lead whole", () => {
    expect(deriveSummary(["Short lead.", "Second."])).toBe("Short lead.");
  });

  test("should keep whole sentences that fit", () => {
    const lead = `${"First sentence is here and it is fairly long. ".repeat(3)}${"X ".repeat(200)}`;
    expect(deriveSummary([lead])).toBe("First sentence is here and it is fairly long. ".repeat(3).trim());
  });

  test("should cut one very long sentence at a word boundary", () => {
    const summary = deriveSummary([`${"word ".repeat(100)}end.`]);
    expect(summary.length).toBeLessThanOrEqual(240);
    expect(summary).toMatch(/word…$/);
  });
});

describe("slug", () => {
  test("should be ASCII, lower case and hyphenated", () => {
    expect(deriveSlug("Crème brûlée: Größe & “Qualität” in São Paulo", "id")).toBe("creme-brulee-groesse-and-qualitaet-in-sao-paulo");
  });

  test("should transliterate Cyrillic and Greek", () => {
    expect(deriveSlug("Москва и Αθήνα", "id")).toBe("moskva-i-athina");
  });

  test("should fall back to the id for scripts that do not transliterate", () => {
    expect(deriveSlug("中国呼吁直接谈判", "000_7aa871e253b4211d")).toBe("000-7aa871e253b4211d");
  });

  test("should stay within 80 characters at a hyphen", () => {
    const slug = deriveSlug("word ".repeat(40), "id");
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe("enrichArticle", () => {
  test("should derive URL, counts and hash", () => {
    const article = enrichArticle(parsed(["Oil prices rose on Monday.", "Traders, surprised, sold 5.5 mln barrels."]));
    expect(article.url).toBe("/2022/03/06/oil-prices-rose-on-monday/");
    expect(article.words).toBe(11);
    expect(article.readingMinutes).toBe(1);
    expect(article.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  test("should give equal hashes to bodies that differ only in white space", () => {
    const a = enrichArticle(parsed(["Oil  prices rose.", "More."]));
    const b = enrichArticle(parsed(["Oil prices rose. ", " More."], { id: "b" }));
    expect(a.hash).toBe(b.hash);
  });

  test("should use a front-matter slug and permalink", () => {
    expect(enrichArticle(parsed(["Lead."], { slug: "chosen" })).url).toBe("/2022/03/06/chosen/");
    expect(enrichArticle(parsed(["Lead."], { permalink: "/special/report/" })).url).toBe("/special/report/");
  });
});

import { describe, expect, test } from "vitest";
import { quotesByStory } from "../src/render/quotes-by-story.ts";
import { timelineSvg } from "../src/render/timeline-svg.ts";
import { translator } from "../src/render/translator.ts";

const story = (id: string): { url: string; label: string } => ({ url: `/2022/03/0${id}/story-${id}/`, label: `Story ${id}` });

describe("quotesByStory", () => {
  test("should put a story's neighbouring quotations under one link, keeping the list's order", () => {
    const quotes = [
      { text: "first", date: "2022-03-06", article: story("6") },
      { text: "second", date: "2022-03-06", article: story("6") },
      { text: "third", date: "2022-03-05", article: story("5") },
      { text: "fourth", date: "2022-03-04", article: story("6") },
    ];
    expect(quotesByStory(quotes)).toEqual([
      { date: "2022-03-06", article: story("6"), quotes: ["first", "second"] },
      { date: "2022-03-05", article: story("5"), quotes: ["third"] },
      { date: "2022-03-04", article: story("6"), quotes: ["fourth"] },
    ]);
    expect(quotesByStory([])).toEqual([]);
  });
});

describe("timelineSvg", () => {
  const timeline = { bars: [{ key: "2022-02", label: "février 2022", count: 0 }, { key: "2022-03", label: "mars 2022", count: 1 }], max: 1 };

  test("should label the chart and each bar in the site's language, with plural counts", () => {
    const svg = timelineSvg(timeline, "Wang Yi", translator({ lang: "fr" }));
    expect(svg).toContain('aria-label="Articles citant Wang Yi au fil du temps, au plus 1 sur une période"');
    expect(svg).toContain("<title>février 2022: 0 article</title>");
    expect(svg).toContain("<title>mars 2022: 1 article</title>");
    expect(timelineSvg(timeline, "Wang Yi", translator({ lang: "en" }))).toContain("<title>février 2022: 0 articles</title>");
  });

  test("should escape a name in its label", () => {
    const svg = timelineSvg(timeline, '"><script>', translator({ lang: "en" }));
    expect(svg).toContain('aria-label="Articles naming &quot;&gt;&lt;script&gt; over time');
    expect(svg).not.toContain("<script>");
  });
});

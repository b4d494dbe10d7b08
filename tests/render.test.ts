import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { environmentError } from "../src/environment.ts";
import { quotesByStory } from "../src/render/quotes-by-story.ts";
import { timelineSvg } from "../src/render/timeline-svg.ts";
import { translator } from "../src/render/translator.ts";
import { PageWriter } from "../src/render/page-writer.ts";

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

// In a thread of its own while a render goes on, or here when no slice renders after.
describe.each([true, false])("PageWriter, with a thread: %s", (thread) => {
  test("should write every file with the bytes given, making its folders, and answer once they are all on disk", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "dateline-writer-"));
    const writer = new PageWriter({ thread });
    try {
      // More files than one batch, two-byte text (a string the thread must copy whole), a Buffer, and shared folders.
      const files = Array.from({ length: 150 }, (_, i) => [path.join(dir, `${1987 + (i % 3)}`, `story-${i}`, "index.html"), `<p>“Story” ${i} — ${"é".repeat(i)}</p>\n`] as const);
      const first = writer.write(files.slice(0, 100));
      const second = writer.write([...files.slice(100), [path.join(dir, "feed.json"), Buffer.from([0x7b, 0x7d, 0x0a])]]);
      await Promise.all([first, second]);
      for (const [file, content] of files) expect(await readFile(file, "utf8")).toBe(content);
      expect(await readFile(path.join(dir, "feed.json"), "utf8")).toBe("{}\n");
    } finally {
      await writer.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("should fail with the system's code and path, which the build turns into one line naming the file", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "dateline-writer-"));
    const writer = new PageWriter({ thread });
    try {
      // A file where a page's folder would go.
      await writeFile(path.join(dir, "2022"), "not a folder");
      const failed = await writer.write([[path.join(dir, "2022", "03", "story", "index.html"), "<p>Story</p>"]]).then(
        () => undefined,
        (cause: unknown) => cause,
      );
      expect((failed as NodeJS.ErrnoException).code).toMatch(/^(ENOTDIR|EEXIST)$/);
      expect(environmentError(failed)?.message).toMatch(/2022.*(a part of the path is a file|a file stands where a folder should be)/);
      // The writer goes on: a later file is written.
      await writer.write([[path.join(dir, "ok", "index.html"), "fine"]]);
      expect(await readFile(path.join(dir, "ok", "index.html"), "utf8")).toBe("fine");
    } finally {
      await writer.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

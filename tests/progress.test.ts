import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, test } from "vitest";
import { buildSite, type Reporter } from "../src/build/index.ts";
import { progress, timeLeft } from "../src/cli/progress.ts";
import { removeTempDirs, root, tempDir } from "./helpers/cli.ts";

afterAll(removeTempDirs);

describe("the progress of a build", () => {
  test("should tell the time left at the rate so far, once the rate says something", () => {
    expect(timeLeft(500, 1000, 4)).toBeUndefined();
    expect(timeLeft(5, 1000, 60)).toBeUndefined();
    expect(timeLeft(500, 1000, 30)).toBe("30 s");
    expect(timeLeft(100, 1000, 60)).toBe("9 min");
    expect(timeLeft(10_000, 1_000_000, 100)).toBe("2 h 45 min");
    expect(timeLeft(1000, 1000, 60)).toBe("0 s");
  });

  test("should count the seeds parsed and the pages rendered, on a terminal, as the build goes", async () => {
    let text = "";
    const terminal = Object.assign(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          text += chunk.toString();
          done();
        },
      }),
      { isTTY: true },
    );
    const told: [string, number, number][] = [];
    const shown = progress(terminal);
    const report: Reporter = { ...shown, progress: (stage, done, total) => (told.push([stage, done, total]), shown.progress?.(stage, done, total)) };
    const out = path.join(await tempDir("progress"), "site");
    const summary = await buildSite({ seeds: path.join(root, "tests", "fixtures", "site"), out, site: { title: "Dateline", lang: "en", pathPrefix: "/" }, skipInvalid: false, report });

    const parse = told.filter(([stage]) => stage === "parse");
    expect(parse.at(-1)).toEqual(["parse", summary.seeds, summary.seeds]);
    expect(parse.every(([, done, total], i) => done <= total && done >= (parse[i - 1]?.[1] ?? 0))).toBe(true);
    const render = told.filter(([stage]) => stage === "render");
    expect(render).toHaveLength(summary.rendered);
    // Counted against the pages of the page arrays, which are nearly all: never fewer than done.
    expect(render.every(([, done, total]) => done <= total)).toBe(true);
    expect(render.at(-1)?.[2]).toBeGreaterThan(summary.rendered * 0.8);
    // The first of each is shown at once, and cleared by the stage's own line.
    expect(text).toContain(`\r\u001b[Kparse    `);
    expect(text).toMatch(/\r\u001b\[Krender   1 of [\d,]+ pages…/);
    expect(text).toMatch(/\r\u001b\[Kpublish  /);
  });
});

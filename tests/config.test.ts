import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { usage } from "../src/cli/usage.ts";
import { configKeys } from "../src/config/config-keys.ts";
import { configSchemaText } from "../src/config/config-schema.ts";
import { datelineHere, goodSeeds, removeTempDirs, root, tempDir } from "./helpers/cli.ts";

afterAll(removeTempDirs);

/** A project folder holding `dateline.config.yaml` with `text`, and the fixture seeds as seeds/ unless told otherwise. */
async function project(text: string, files: Record<string, string> = {}): Promise<string> {
  const dir = await tempDir("project");
  await writeFile(path.join(dir, "dateline.config.yaml"), text);
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  return dir;
}

const seedsKey = `seeds: ${JSON.stringify(goodSeeds)}\n`;

describe("problems in the config file", () => {
  test("should report an unknown key at its line and column with the key it resembles, exit 2 and write nothing", async () => {
    const dir = await project(`${seedsKey}titel: Wire\n`);
    const run = await datelineHere(["build"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('dateline.config.yaml:2:1: error: unknown key "titel" [config-unknown-key]\n  hint: did you mean "title"?\n');
    expect(run.stderr).toContain("dateline: 1 problem in dateline.config.yaml; nothing was done");
    expect(existsSync(path.join(dir, "_site"))).toBe(false);
  });

  test("should report a misspelt interface string at its line with the key it resembles, rather than fail when rendering", async () => {
    const run = await datelineHere(["build"], await project(`${seedsKey}strings:\n  nav.latest: Newest\n  nav.lastest: Newest\n  articles.one: "{count} story"\n`));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('dateline.config.yaml:4:3: error: unknown interface string "nav.lastest" in strings [config-invalid-value]\n  hint: did you mean "nav.latest"?\n');
    expect(run.stderr).not.toMatch(/Internal error|"nav\.latest" in strings|articles\.one/);
  });

  test("should report every wrong value at its place, each with its own message", async () => {
    const text = [
      seedsKey.trimEnd(),
      "language: 12",
      "baseUrl: example.org",
      "quiet: yes",
      "nav:",
      "  - { text: Home, url: / }",
      "  - text: About",
      "    link: /about/",
      "  - just text",
      "logo: missing.svg",
      "strings: [a, b]",
      "pageSize: 0",
      "",
    ].join("\n");
    const run = await datelineHere(["check"], await project(text));
    expect(run.code).toBe(2);
    const lines = run.stderr.split("\n").filter((line) => line.startsWith("dateline.config.yaml:"));
    expect(lines).toEqual([
      'dateline.config.yaml:2:11: error: language must be text, not number 12 [config-invalid-value]',
      'dateline.config.yaml:3:10: error: baseUrl "example.org" is not a URL; write it like https://example.org [config-invalid-value]',
      'dateline.config.yaml:4:8: error: quiet must be true or false, not text "yes" [config-invalid-value]',
      'dateline.config.yaml:8:5: error: unknown key "link" in a nav link [config-invalid-value]',
      'dateline.config.yaml:9:5: error: each nav entry must be a mapping with text and url, not text "just text" [config-invalid-value]',
      'dateline.config.yaml:10:7: error: logo "missing.svg" is not a file in assets/ [config-invalid-value]',
      "dateline.config.yaml:11:10: error: strings must be a mapping of interface text (key: text), not a list [config-invalid-value]",
      "dateline.config.yaml:12:11: error: pageSize must be a whole number from 1 to 1000, not number 0 [config-invalid-value]",
    ]);
    expect(run.stderr).toContain('  hint: Quote it: language: "12"');
  });

  test("should place YAML that does not parse, and a key given twice", async () => {
    const broken = await datelineHere(["check"], await project(`${seedsKey}title: "Wire\n`));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^dateline\.config\.yaml:3:1: error: YAML does not parse: .* \[config-invalid-yaml\]$/m);
    const twice = await datelineHere(["check"], await project(`${seedsKey}title: A\ntitle: B\n`));
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/^dateline\.config\.yaml:3:\d+: error: YAML does not parse: duplicated mapping key \[config-invalid-yaml\]$/m);
  });

  test("should refuse a --config file that does not exist", async () => {
    const run = await datelineHere(["check", "--config", "no-such.yaml"], await tempDir("empty"));
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe("dateline: --config no-such.yaml does not exist");
  });
});

describe("a build from the config file", () => {
  test("should set a dollar story with no place in the United States only with usWire, enriching the cached seeds again when it changes", async () => {
    const seed = " date 1987-03-02 Acme Holdings said first quarter net profit rose to 12.5 mln dlrs from 9.1 mln dlrs a year earlier.\n\nRevenues were 80 mln dlrs.\n";
    const dir = await project("seeds: stories\n", { "stories/acme.txt": seed });
    const places = async (): Promise<string[]> => {
      const records = JSON.parse(await readFile(path.join(dir, "_site", "api", "1987.json"), "utf8")) as { places: string[] }[];
      return records.flatMap((record) => record.places);
    };
    // Each build runs in the project, so the second and third take the seed's record from the first one's cache.
    expect((await datelineHere(["build", "--quiet"], dir)).code).toBe(0);
    expect(await places()).toEqual([]);
    await writeFile(path.join(dir, "dateline.config.yaml"), "seeds: stories\nusWire: true\n");
    expect((await datelineHere(["build", "--quiet"], dir)).code).toBe(0);
    expect(await places()).toEqual(["United States"]);
    await writeFile(path.join(dir, "dateline.config.yaml"), "seeds: stories\n");
    expect((await datelineHere(["build", "--quiet", "--us-wire"], dir)).code).toBe(0);
    expect(await places()).toEqual(["United States"]);
    expect((await datelineHere(["build", "--quiet"], dir)).code).toBe(0);
    expect(await places()).toEqual([]);
  });

  test("should take the title, language, folders, nav and description from the file, and let flags override them", async () => {
    const dir = await project(
      [
        "title: Wire Archive",
        "description: Forty years of wire stories.",
        "language: fr",
        `seeds: ${JSON.stringify(goodSeeds)}`,
        "output: public",
        "baseUrl: https://news.example.org/wire",
        "nav:",
        "  - { text: À propos, url: /about/ }",
        "quiet: true",
        "pageSize: 2",
        "",
      ].join("\n"),
    );
    const run = await datelineHere(["build"], dir);
    expect(run.code).toBe(0);
    // Quiet: problems only (the fixture's duplicate), and no baseUrl warning, as the file gives one.
    expect(run.stderr.split("\n").filter((line) => /^\S+:\d+:\d+: /.test(line))).toEqual([expect.stringContaining("[duplicate-article]")]);
    const home = await readFile(path.join(dir, "public", "index.html"), "utf8");
    expect(home).toContain("<title>Wire Archive</title>");
    expect(home).toContain('<html lang="fr">');
    expect(home).toContain('<meta name="description" content="Forty years of wire stories.">');
    expect(home).toContain('<a href="/wire/about/">À propos</a>');
    expect(home).toContain('<link rel="canonical" href="https://news.example.org/wire/"');
    // Two articles a page (the front page also takes the remainder: pages are numbered from the oldest).
    const older = await readdir(path.join(dir, "public", "page"));
    expect(older.length).toBeGreaterThanOrEqual(2);
    for (const page of older) expect((await readFile(path.join(dir, "public", "page", page, "index.html"), "utf8")).match(/<li class="story-item">/g)).toHaveLength(2);

    const flagged = await datelineHere(["build", "--title", "From the flag", "--out", "flagged"], dir);
    expect(flagged.code).toBe(0);
    expect(await readFile(path.join(dir, "flagged", "index.html"), "utf8")).toContain("<title>From the flag</title>");
  });

  test("should warn once per build that a missing baseUrl leaves the sitemap, feeds and canonical links without absolute URLs", async () => {
    const dir = await project(`seeds: ${JSON.stringify(goodSeeds)}\nquiet: true\n`);
    const run = await datelineHere(["build"], dir);
    expect(run.code).toBe(0);
    const warnings = run.stderr.split("\n").filter((line) => line.includes("[config-missing-base-url]"));
    expect(warnings).toEqual([
      "dateline.config.yaml:1:1: warning: no baseUrl: the sitemap, the feeds, canonical links and link previews need absolute URLs, so they hold paths only [config-missing-base-url]",
    ]);
    const withUrl = await datelineHere(["build", "--base-url", "https://example.org"], dir);
    expect(withUrl.stderr).not.toContain("config-missing-base-url");
  });

  test("should read folders of a --config file relative to that file", async () => {
    const dir = await project(`seeds: seeds\noutput: out\nquiet: true\nbaseUrl: https://example.org\n`);
    await mkdir(path.join(dir, "seeds"));
    await writeFile(path.join(dir, "seeds", "one.txt"), " date 2022-03-06 China on Saturday called for direct negotiations between Ukraine and Russia.\n");
    const elsewhere = await tempDir("elsewhere");
    const run = await datelineHere(["build", "--config", path.join(dir, "dateline.config.yaml")], elsewhere);
    expect(run.code).toBe(0);
    expect(existsSync(path.join(dir, "out", "index.html"))).toBe(true);
  });
});

describe("the key table", () => {
  test("should be what the published schema says", async () => {
    expect(await readFile(path.join(root, "schema", "dateline.config.schema.json"), "utf8")).toBe(configSchemaText());
  });

  test("should be the README's table of keys", async () => {
    const readme = await readFile(path.join(root, "README.md"), "utf8");
    const documented = [...readme.matchAll(/^\| `(\w+)` \| (?:`(--[a-z-]+)` )?\|/gm)].map((match) => `${match[1]} ${match[2] ?? ""}`.trim());
    expect(documented).toEqual(Object.entries(configKeys).map(([key, spec]) => `${key} ${"flag" in spec ? `--${spec.flag}` : ""}`.trim()));
  });

  test("should give every flag of build and check a key", () => {
    const flags = new Set([...usage.matchAll(/^ {2}(--[a-z-]+)/gm)].map((match) => match[1]));
    const keyed = new Set(Object.values(configKeys).flatMap((spec) => ("flag" in spec ? [`--${spec.flag}`] : [])));
    // --config names the file; --date is new's alone, --host and --port serve's (a preview's, not the site's).
    expect([...flags].filter((flag) => !keyed.has(flag ?? "")).sort()).toEqual(["--config", "--date", "--host", "--port"]);
  });
});

describe("a site project's templates and assets", () => {
  test("should override a partial, add a page, and render every page again when an override changes", async () => {
    const footer = path.join("templates", "_includes", "partials", "footer.njk");
    const dir = await project(`seeds: ${JSON.stringify(goodSeeds)}\nquiet: true\nbaseUrl: https://example.org\nlogo: logo.svg\n`, {
      [footer]: '<footer class="site-footer">First footer</footer>\n',
      "templates/about.njk": '---\npermalink: /about/\n---\n{% extends "layouts/base.njk" %}{% block main %}<h1>About {{ archive.site.title }}</h1>{% endblock %}\n',
      "assets/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n',
    });
    const site = path.join(dir, "_site");
    const pagesSaying = async (text: string): Promise<number> => {
      const pages = (await readdir(site, { recursive: true })).filter((file) => file.endsWith(".html"));
      const texts = await Promise.all(pages.map((file) => readFile(path.join(site, file), "utf8")));
      return texts.filter((page) => page.includes(text)).length;
    };
    expect((await datelineHere(["build"], dir)).code).toBe(0);
    const pages = (await readdir(site, { recursive: true })).filter((file) => file.endsWith(".html")).length;
    expect(await pagesSaying("First footer")).toBe(pages);
    expect(await readFile(path.join(site, "about", "index.html"), "utf8")).toContain("<h1>About Dateline</h1>");
    expect(await readFile(path.join(site, "index.html"), "utf8")).toMatch(/<img class="brand-logo" src="\/assets\/logo\.svg\?v=\w+" alt="" height="32">Dateline<\/a>/);
    expect(existsSync(path.join(site, "assets", "logo.svg"))).toBe(true);

    // A warm build takes unchanged pages from the last one: the override's change must reach every page anyway.
    await writeFile(path.join(dir, footer), '<footer class="site-footer">Second footer</footer>\n');
    expect((await datelineHere(["build"], dir)).code).toBe(0);
    expect(await pagesSaying("Second footer")).toBe(pages);
    expect(await pagesSaying("First footer")).toBe(0);
  });
});

import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { Article, Entities, Quote } from "../src/article.ts";
import { collectArchive } from "../src/collect/index.ts";
import { applyEntityFixes, type EntityFixes } from "../src/collect/entity-fixes.ts";
import { parseEntityFixes } from "../src/config/read-entity-fixes.ts";
import { enrichArticle } from "../src/enrich/index.ts";
import { ConfigError, formatProblem } from "../src/errors.ts";
import { datelineHere, removeTempDirs, tempDir } from "./helpers/cli.ts";

afterAll(removeTempDirs);

/** The problems a file's text gives, as they are printed. */
function problemsOf(text: string): string {
  try {
    parseEntityFixes(text, "dateline.entities.yaml");
  } catch (cause) {
    if (cause instanceof ConfigError) return cause.problems.map(formatProblem).join("\n");
    throw cause;
  }
  throw new Error("the file read without a problem");
}

describe("reading the entity fixes file", () => {
  test("should read canonical names, aliases, kinds mistaken, sameAs and ignored names, each with its place", () => {
    const fixes = parseEntityFixes(
      [
        "# Our fixes",
        "people:",
        "  Ronald Reagan:",
        "    aliases: [Reagan, Ron  Reagan]",
        "    sameAs: Q9960",
        "places:",
        "  United States: { aliases: U.S., sameAs: 'https://en.wikipedia.org/wiki/United_States' }",
        "  Paris:",
        "organisations:",
        "  Jaguar:",
        "    from: [person, place]",
        "ignore:",
        "  all: [Treasury Secretary]",
        "  organisations: [Reuters]",
        "",
      ].join("\n"),
      "names.yaml",
    );
    expect(fixes.file).toBe("names.yaml");
    expect(fixes.entities).toEqual([
      {
        kind: "person",
        name: { name: "Ronald Reagan", line: 3, column: 3 },
        // White space inside a name is one space, as in the names found in articles.
        aliases: [
          { name: "Reagan", line: 4, column: 15 },
          { name: "Ron Reagan", line: 4, column: 23 },
        ],
        from: [],
        sameAs: ["https://www.wikidata.org/wiki/Q9960"],
      },
      { kind: "place", name: { name: "United States", line: 7, column: 3 }, aliases: [{ name: "U.S.", line: 7, column: 29 }], from: [], sameAs: ["https://en.wikipedia.org/wiki/United_States"] },
      { kind: "place", name: { name: "Paris", line: 8, column: 3 }, aliases: [], from: [], sameAs: [] },
      { kind: "organisation", name: { name: "Jaguar", line: 10, column: 3 }, aliases: [], from: ["person", "place"], sameAs: [] },
    ]);
    expect(fixes.ignore).toEqual([
      { name: "Treasury Secretary", line: 13, column: 9, kinds: ["person", "place", "organisation"] },
      { name: "Reuters", line: 14, column: 19, kinds: ["organisation"] },
    ]);
    // A list under ignore is names of every kind; a file of comments alone fixes nothing.
    expect(parseEntityFixes("ignore:\n  - Reuters\n", "f").ignore).toEqual([{ name: "Reuters", line: 2, column: 5, kinds: ["person", "place", "organisation"] }]);
    expect(parseEntityFixes("# people:\n#   Ronald Reagan:\n", "f")).toEqual({ file: "f", entities: [], ignore: [] });
  });

  test("should place every problem at its line and column, with the key or kind it resembles", () => {
    const text = [
      "people:",
      "  Ronald Reagan:",
      "    alias: [Reagan]",
      "    sameAs: http://example.org/reagan",
      "  1987: {}",
      "organisation:",
      "  Jaguar: { from: person }",
      "organisations:",
      "  Jaguar: { from: persn }",
      "  Ford: { from: organisation }",
      "ignore:",
      "  al: [White House]",
      "  people: ['', 12]",
      "",
    ].join("\n");
    expect(problemsOf(text)).toMatchInlineSnapshot(`
      "dateline.entities.yaml:3:5: error: unknown key "alias" in the fixes of "Ronald Reagan" [entity-fixes-unknown-key]
        hint: did you mean "aliases"?
      dateline.entities.yaml:4:13: error: sameAs "http://example.org/reagan" is not an https: URL [entity-fixes-invalid-value]
        hint: Write the page's https:// address, e.g. https://www.wikidata.org/wiki/Q9960, or a Wikidata id such as Q9960.
      dateline.entities.yaml:5:3: error: a name must be text, not number 1987 [entity-fixes-invalid-value]
        hint: Quote it: "1987"
      dateline.entities.yaml:6:1: error: unknown key "organisation" [entity-fixes-unknown-key]
        hint: did you mean "organisations"?
      dateline.entities.yaml:9:19: error: from "persn" is not a kind of entity [entity-fixes-invalid-value]
        hint: did you mean "person"?
      dateline.entities.yaml:10:17: error: from "organisation": "Ford" is an organisation already [entity-fixes-invalid-value]
        hint: from lists the other kinds it was mistaken for: person or place.
      dateline.entities.yaml:12:3: error: unknown key "al" in ignore [entity-fixes-unknown-key]
        hint: did you mean "all"?
      dateline.entities.yaml:13:16: error: ignore.people must be text or a list of texts, not number 12 [entity-fixes-invalid-value]
        hint: Quote it: "12""
    `);
  });

  test("should refuse a name that two fixes claim for one kind, or that is both fixed and ignored", () => {
    const text = ["people:", "  Ronald Reagan: { aliases: [Reagan] }", "  Nancy Reagan: { aliases: [Reagan] }", "organisations:", "  Jaguar: { from: person }", "ignore:", "  people: [Jaguar]", ""].join("\n");
    expect(problemsOf(text)).toMatchInlineSnapshot(`
      "dateline.entities.yaml:3:29: error: "Reagan" found as a person is already the person "Ronald Reagan" on line 2 [entity-fixes-invalid-value]
        hint: A name found as one kind can become one entity only: keep one of the two.
      dateline.entities.yaml:7:12: error: "Jaguar" found as a person is already the organisation "Jaguar" on line 5 [entity-fixes-invalid-value]
        hint: A name found as one kind can become one entity only: keep one of the two."
    `);
  });

  test("should report YAML that does not parse, or that is not a mapping, at its place", () => {
    expect(problemsOf("people:\n  Ronald Reagan: [Reagan\n")).toMatch(/^dateline\.entities\.yaml:3:1: error: YAML does not parse: .* \[entity-fixes-invalid-yaml\]/);
    expect(problemsOf("people:\n  Ronald Reagan: x\n  Reagan: y\n  Reagan: z\n")).toMatch(/^dateline\.entities\.yaml:4:\d+: error: YAML does not parse: duplicated mapping key/);
    expect(problemsOf("- Reagan\n")).toMatch(/^dateline\.entities\.yaml:1:1: error: the entity fixes file must be a mapping of people, places, organisations and ignore, not a list/);
    expect(problemsOf("ignore: ['  ']\n")).toMatch(/^dateline\.entities\.yaml:1:10: error: an ignored name "  " needs some text \[entity-fixes-invalid-value\]/);
    expect(problemsOf('people:\n  "Ron\\x1BReagan": {}\n')).toMatch(/^dateline\.entities\.yaml:2:3: error: a name "Ron\\u001bReagan" holds a control character/);
    expect(problemsOf("people: [Reagan]\n")).toMatch(/^dateline\.entities\.yaml:1:9: error: people must be a mapping of names, each with its fixes, not a list/);
  });
});

/** An enriched article whose entities and quotes are the given ones. */
function article(source: string, entities: Partial<Entities>, quotes: Quote[] = []): Article {
  const enriched = enrichArticle({ id: source, source, format: "txt", date: "1987-03-02", paragraphs: [`Story ${source}.`], html: `<p>Story ${source}.</p>`, tags: [] });
  return { ...enriched, entities: { people: [], places: [], organisations: [], ...entities }, quotes };
}

describe("applying the fixes", () => {
  const fixes: EntityFixes = parseEntityFixes(
    [
      "people:",
      "  Ronald Reagan: { aliases: [Reagan, President Reagan], sameAs: Q9960 }",
      "places:",
      "  United States: { aliases: [U.S.] }",
      "organisations:",
      "  Jaguar: { from: person }",
      "ignore:",
      "  all: [Treasury Secretary]",
      "  places: [Nowhere]",
      "",
    ].join("\n"),
    "dateline.entities.yaml",
  );

  test("should merge, rename, retype and ignore names, leave a quote of a person no longer one unattributed, and keep an untouched article as it was", () => {
    const fixedOne = article("a", {
      people: [{ name: "Reagan", role: "President" }, { name: "Ronald Reagan" }, { name: "Jaguar" }, { name: "Treasury Secretary" }],
      places: ["U.S.", "Japan", "United States"],
      organisations: ["Treasury Secretary", "Ford"],
    }, [{ text: "Sales rose", speaker: "Jaguar" }, { text: "We agreed", speaker: "Reagan" }]);
    const untouched = article("b", { people: [{ name: "John Egan" }], places: ["Japan"] });
    const { articles, sameAs, people } = applyEntityFixes([fixedOne, untouched], fixes);
    expect(articles[0]?.entities).toEqual({ people: [{ name: "Ronald Reagan", role: "President" }], places: ["United States", "Japan"], organisations: ["Jaguar", "Ford"] });
    expect(articles[0]?.quotes).toEqual([{ text: "Sales rose" }, { text: "We agreed", speaker: "Ronald Reagan" }]);
    expect(articles[1]).toBe(untouched);
    expect(sameAs).toEqual(new Map([["person\u0000Ronald Reagan", ["https://www.wikidata.org/wiki/Q9960"]]]));
    expect([...people]).toEqual(["Ronald Reagan"]);
  });

  test("should keep the name the owner gives a person whatever the archive-wide merge of given names would choose", () => {
    const site = { title: "Wire", lang: "en", pathPrefix: "/" };
    const stories = [article("a", { people: [{ name: "Jim Wright" }] }), article("b", { people: [{ name: "Jim Wright" }] }), article("c", { people: [{ name: "James Wright" }] })];
    const names = (archive: ReturnType<typeof collectArchive>["archive"]): string[] => [...new Set(archive.articles.flatMap((story) => story.entities.people.map((person) => person.name)))];
    // Most articles say Jim: without a fix, that is the name.
    expect(names(collectArchive(stories, site, (source) => source).archive)).toEqual(["Jim Wright"]);
    expect(names(collectArchive(stories, site, (source) => source, undefined, parseEntityFixes("people:\n  James Wright:\n", "f")).archive)).toEqual(["James Wright"]);
  });

  test("should warn of each name of the file that no article has, placed where the file writes it", () => {
    const { problems } = applyEntityFixes([article("a", { people: [{ name: "Reagan" }], places: ["Nowhere"] })], fixes);
    expect(problems.map(formatProblem)).toEqual([
      'dateline.entities.yaml:2:38: warning: no article names a person "President Reagan" [entity-fixes-unused]\n  hint: Check the name\'s spelling against the entity\'s page or the article; the fix applies once a seed names it.',
      'dateline.entities.yaml:4:3: warning: no article names a place "United States" [entity-fixes-unused]\n  hint: Check the name\'s spelling against the entity\'s page or the article; the fix applies once a seed names it.',
      'dateline.entities.yaml:4:30: warning: no article names a place "U.S." [entity-fixes-unused]\n  hint: Check the name\'s spelling against the entity\'s page or the article; the fix applies once a seed names it.',
      'dateline.entities.yaml:6:3: warning: no article names an organisation or a person "Jaguar" [entity-fixes-unused]\n  hint: Check the name\'s spelling against the entity\'s page or the article; the fix applies once a seed names it.',
      'dateline.entities.yaml:8:9: warning: no article names an entity "Treasury Secretary" [entity-fixes-unused]\n  hint: Check the name\'s spelling against the entity\'s page or the article; the fix applies once a seed names it.',
    ]);
  });
});

describe("a build with an entity fixes file", () => {
  const seeds: Record<string, string> = {
    "seeds/a.txt": " date 1987-03-02 President Reagan said on Monday that Treasury Secretary James Baker would travel to Tokyo next week for talks on the dollar.\n\nReagan told reporters at the White House that the U.S. wanted a stable dollar, and Jaguar said its sales in the U.S. rose.\n",
    "seeds/b.txt": ' date 1987-03-03 Ronald Reagan met Japanese Prime Minister Yasuhiro Nakasone in Washington on Tuesday, the White House said.\n\n"We agreed on a great deal," Reagan said after the meeting. The U.S. and Japan will meet again in Paris.\n',
    "seeds/c.txt": " date 1987-03-04 Jaguar Plc said its profits rose in 1986, helped by strong sales in the United States and West Germany.\n\nChairman John Egan said the company expected another good year.\n",
  };
  const fixes = [
    "people:",
    "  Ronald Reagan: { aliases: [Reagan], sameAs: Q9960 }",
    "  James A. Baker: { aliases: [James Baker] }",
    "  Sir John <Egan>: { aliases: [John Egan] }",
    "places:",
    "  Federal Republic of Germany: { aliases: [West Germany] }",
    "organisations:",
    "  Jaguar: { from: person }",
    "  Acme <script>: { sameAs: 'https://example.org/?a=1&b=\"2\"' }",
    "ignore:",
    "  organisations: [White House]",
    "",
  ].join("\n");

  test("should show the fixes on entity pages, article pages, indexes and the API, render again what an edit touches, and refuse a bad file writing nothing", async () => {
    const dir = await tempDir("entity-fixes");
    await writeFile(path.join(dir, "dateline.config.yaml"), "title: Wire\nbaseUrl: https://example.org\n");
    for (const [file, text] of Object.entries(seeds)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
    await writeFile(path.join(dir, "dateline.entities.yaml"), fixes);
    const site = path.join(dir, "_site");
    const page = (url: string): Promise<string> => readFile(path.join(site, url, "index.html"), "utf8");

    const first = await datelineHere(["build"], dir);
    expect(first.code).toBe(0);
    // The name no article has is a warning, placed; nothing else is said of the file.
    expect(first.stderr.match(/^dateline\.entities\.yaml:.*$/gm)).toEqual(['dateline.entities.yaml:9:3: warning: no article names an organisation "Acme <script>" [entity-fixes-unused]']);

    // Merged, renamed, retyped, ignored: on the indexes, the entity pages and the API alike.
    const index = async (folder: string): Promise<string[]> => [...(await page(folder)).matchAll(/<a href="\/\w+\/([\w-]+)\/">/g)].map((match) => match[1] ?? "").sort();
    expect(await index("people")).toEqual(["james-a-baker", "ronald-reagan", "sir-john-egan", "yasuhiro-nakasone"]);
    // A name from the file is text, as a seed's: escaped where it is written.
    expect(await page("people/sir-john-egan")).toContain("<h1 class=\"page-title\">Sir John &lt;Egan&gt;</h1>");
    expect(await index("organisations")).toEqual(["jaguar"]);
    expect(await index("places")).toContain("federal-republic-of-germany");
    expect(existsSync(path.join(site, "places", "west-germany"))).toBe(false);
    const api = JSON.parse(await readFile(path.join(site, "api", "1987.json"), "utf8")) as { source: string; people: string[]; places: string[]; organisations: string[]; quotes: { speaker?: string }[] }[];
    const record = (source: string): (typeof api)[number] | undefined => api.find((item) => item.source === source);
    expect(record("a.txt")).toMatchObject({ people: ["Ronald Reagan", "James A. Baker"], organisations: ["Jaguar"] });
    expect(record("b.txt")).toMatchObject({ people: ["Ronald Reagan", "Yasuhiro Nakasone"], organisations: [], quotes: [{ speaker: "Ronald Reagan" }] });
    expect(record("c.txt")?.places).toEqual(["United States", "Federal Republic of Germany"]);

    // sameAs: in the entity page's JSON-LD and as a link on it, and in the JSON-LD of the articles that name it.
    const reagan = await page("people/ronald-reagan");
    const jsonLd = (html: string): { mainEntity?: unknown; mentions?: unknown[]; about?: unknown[] } => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)?.[1] ?? "{}") as never;
    expect(jsonLd(reagan).mainEntity).toEqual({ "@type": "Person", name: "Ronald Reagan", url: "https://example.org/people/ronald-reagan/", sameAs: ["https://www.wikidata.org/wiki/Q9960"] });
    expect(reagan).toContain('<a href="https://www.wikidata.org/wiki/Q9960" rel="external">Ronald Reagan on wikidata.org</a>');
    const articleA = await page(new URL((record("a.txt") as unknown as { url: string }).url).pathname);
    const things = [...(jsonLd(articleA).about ?? []), ...(jsonLd(articleA).mentions ?? [])];
    expect(things).toContainEqual({ "@type": "Person", name: "Ronald Reagan", jobTitle: "President", url: "https://example.org/people/ronald-reagan/", sameAs: ["https://www.wikidata.org/wiki/Q9960"] });
    // The article page links (and filters search by) the fixed entities only.
    expect(articleA).toContain('<a href="/organisations/jaguar/" data-pagefind-filter="organisation">Jaguar</a>');
    expect(articleA).toContain('data-pagefind-filter="person">James A. Baker</a>');
    expect(articleA).not.toMatch(/White House<\/a>|>James Baker</);

    // An edit of the file renders again the pages it touches, and no other: an untouched page is the last build's file.
    const inode = (url: string): number => statSync(path.join(site, url, "index.html")).ino;
    const [germany, reaganInode] = [inode("places/federal-republic-of-germany"), inode("people/ronald-reagan")];
    await writeFile(path.join(dir, "dateline.entities.yaml"), fixes.replace("Q9960", "https://en.wikipedia.org/wiki/Ronald_Reagan").replace("  organisations: [White House]\n", ""));
    const second = await datelineHere(["build", "--quiet"], dir);
    expect(second.code).toBe(0);
    expect(await page("people/ronald-reagan")).toContain('<a href="https://en.wikipedia.org/wiki/Ronald_Reagan" rel="external">Ronald Reagan on en.wikipedia.org</a>');
    expect(await index("organisations")).toEqual(["jaguar", "white-house"]);
    expect(inode("places/federal-republic-of-germany")).toBe(germany);
    expect(inode("people/ronald-reagan")).not.toBe(reaganInode);

    // A bad file: every problem placed, exit 2, and the site is left as it was.
    const before = await readFile(path.join(site, ".dateline", "files.txt"), "utf8");
    await writeFile(path.join(dir, "dateline.entities.yaml"), "people:\n  Ronald Reagan: { alias: [Reagan] }\n");
    const bad = await datelineHere(["build"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('dateline.entities.yaml:2:20: error: unknown key "alias" in the fixes of "Ronald Reagan" [entity-fixes-unknown-key]\n  hint: did you mean "aliases"?\n');
    expect(bad.stderr).toContain("dateline: 1 problem in dateline.entities.yaml; nothing was done");
    expect(await readFile(path.join(site, ".dateline", "files.txt"), "utf8")).toBe(before);
    expect(await page("people/ronald-reagan")).toContain("en.wikipedia.org");
  });

  test("should read the file the config's entityFixes or --entity-fixes names, and refuse one that is not there", async () => {
    const dir = await tempDir("entity-fixes-key");
    await mkdir(path.join(dir, "seeds"));
    await mkdir(path.join(dir, "names"));
    await writeFile(path.join(dir, "seeds", "c.txt"), seeds["seeds/c.txt"] ?? "");
    await writeFile(path.join(dir, "names", "fixes.yaml"), "places:\n  Nowhere: {}\n");
    await writeFile(path.join(dir, "other.yaml"), "ignore: [Elsewhere]\n");
    await writeFile(path.join(dir, "dateline.config.yaml"), "entityFixes: names/fixes.yaml\n");
    expect((await datelineHere(["check"], dir)).stderr).toContain('names/fixes.yaml:2:3: warning: no article names a place "Nowhere" [entity-fixes-unused]');
    const flagged = await datelineHere(["check", "--entity-fixes", "other.yaml"], dir);
    expect(flagged.stderr).toContain('other.yaml:1:10: warning: no article names an entity "Elsewhere" [entity-fixes-unused]');
    expect(flagged.stderr).not.toContain("Nowhere");
    expect((await datelineHere(["check", "--entity-fixes", "missing.yaml"], dir)).stderr.split("\n")[0]).toBe("dateline: --entity-fixes missing.yaml is not a file");
    await writeFile(path.join(dir, "dateline.config.yaml"), "entityFixes: names/fixs.yaml\n");
    const missing = await datelineHere(["check"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('dateline.config.yaml:1:14: error: entityFixes "names/fixs.yaml" is not a file [config-invalid-value]');
  });
});

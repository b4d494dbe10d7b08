import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatProblem } from "../src/errors.ts";
import { loadArchive } from "../src/load/index.ts";
import { parseSeed } from "../src/parse/index.ts";
import { datelineHere, listFiles, removeTempDirs, seedsWith, tempDir } from "./helpers/cli.ts";

afterAll(removeTempDirs);

const site = { title: "Dateline", lang: "en", pathPrefix: "/" };
const body = "\nTalks between the two delegations went on late into the night in Geneva.\n";

/** Parses a `.md` seed named `seeds/<name>` holding `front` as its front matter. */
function parse(front: string, name = "talks.md"): ReturnType<typeof parseSeed> {
  const text = `---\n${front}\n---\n${body}`;
  return parseSeed(new TextEncoder().encode(text), { id: name.replace(/\.md$/, ""), source: name, file: `seeds/${name}` });
}

const printed = (result: ReturnType<typeof parseSeed>): string[] => result.problems.map(formatProblem);

describe("draft: true", () => {
  test("should read draft: true and draft: false, and refuse any other value", () => {
    expect(parse("date: 2022-03-07\ndraft: true").article?.draft).toBe(true);
    expect(parse("date: 2022-03-07\ndraft: false").article?.draft).toBeUndefined();
    expect(printed(parse("date: 2022-03-07\ndraft: maybe"))).toEqual([
      "seeds/talks.md:3:8: error: Unexpected draft `maybe`, expected true or false [invalid-front-matter]\n  hint: Front matter is YAML between two `---` lines; check the quoting and indentation on that line.",
    ]);
  });

  test("should leave a draft out of check's archive unless asked for drafts", async () => {
    const seeds = await seedsWith({ "draft.md": "---\ndate: 2022-03-07\ntitle: Unfinished draft\ndraft: true\n---\n\nNot ready yet.\n" });
    const without = await loadArchive(seeds, site);
    expect(without.archive.articles.map((article) => article.title)).not.toContain("Unfinished draft");
    expect(without.drafts).toBe(1);
    expect(without.skipped).toBe(0);
    const withDrafts = await loadArchive(seeds, site, { drafts: true });
    expect(withDrafts.archive.articles.map((article) => article.title)).toContain("Unfinished draft");
    expect(withDrafts.drafts).toBe(0);
  });
});

describe("a build with a draft seed", () => {
  let seeds: string;
  beforeAll(async () => {
    seeds = await seedsWith({ "draft.md": "---\ndate: 2022-03-07\ntitle: Unfinished draft\ndraft: true\n---\n\nNot ready yet.\n" });
  });

  test("should publish no page of the draft without --drafts, and say it left one out", async () => {
    const out = path.join(await tempDir("drafts"), "site");
    const run = await datelineHere(["build", "--seeds", seeds, "--out", out, "--quiet", "--no-cache"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Built 7 articles from 9 seeds \(1 duplicate, 0 skipped, 1 draft left out\)/);
    const files = await listFiles(out);
    expect(files).not.toContain("2022/03/07/unfinished-draft/index.html");
    expect(await readFile(path.join(out, "feed.xml"), "utf8")).not.toContain("Unfinished draft");
  });

  test("should publish the draft with --drafts", async () => {
    const out = path.join(await tempDir("drafts"), "site");
    const run = await datelineHere(["build", "--seeds", seeds, "--out", out, "--quiet", "--no-cache", "--drafts"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Built 8 articles from 9 seeds \(1 duplicate, 0 skipped\)/);
    expect(await listFiles(out)).toContain("2022/03/07/unfinished-draft/index.html");
  });
});

describe("unknown front-matter keys", () => {
  test("should warn of an unknown key at its line, with the known key it is closest to", () => {
    const result = parse("date: 2022-03-07\ntitel: Talks in Geneva");
    expect(result.article).toBeDefined();
    expect(printed(result)).toEqual(['seeds/talks.md:3:1: warning: Unknown front-matter key "titel" [unknown-front-matter-key]\n  hint: did you mean "title"?']);
  });

  test("should warn of a key like no known one without a guess", () => {
    const [problem] = parse("date: 2022-03-07\nweather: sunny").problems;
    expect(problem?.message).toBe('Unknown front-matter key "weather"');
    expect(problem?.severity).toBe("warning");
    expect(problem?.hint).toBeUndefined();
  });

  test("should know every key the README documents", () => {
    const front = [
      "date: 2022-03-07",
      "updated: 2022-03-08",
      "title: Talks",
      "summary: A summary.",
      "slug: talks",
      "permalink: /special/talks/",
      "tags: [diplomacy]",
      "section: World",
      "author: Jane Doe",
      "image: photo.jpg",
      "image_alt: Delegates at the table",
      "draft: false",
    ].join("\n");
    expect(printed(parse(front))).toEqual([]);
    expect(parse("date: 2022-03-07\nurl: /special/talks/\ncategory: World").problems).toEqual([]);
  });
});

describe("author, section and tags in front matter", () => {
  test("should read author, section or category, and tags onto the article", () => {
    const article = parse("date: 2022-03-07\nauthor: Jane Doe\ncategory: World\ntags: [Diplomacy, europe]").article;
    expect([article?.author, article?.section, article?.tags]).toEqual(["Jane Doe", "World", ["Diplomacy", "europe"]]);
  });

  test("should place an error on a value of the wrong type", () => {
    expect(printed(parse("date: 2022-03-07\nauthor: [Jane, John]")).map((line) => line.split("\n")[0])).toEqual([
      "seeds/talks.md:3:9: error: Unexpected author that is not text [invalid-front-matter]",
    ]);
    expect(printed(parse("date: 2022-03-07\ntags: {a: 1}")).map((line) => line.split("\n")[0])).toEqual([
      "seeds/talks.md:3:7: error: Unexpected tags, expected a list of words [invalid-front-matter]",
    ]);
    expect(printed(parse("date: 2022-03-07\nsection: World\ncategory: Europe")).map((line) => line.split("\n")[0])).toEqual([
      "seeds/talks.md:4:11: error: Unexpected both `section` and `category`, expected one of them (they are the same key) [invalid-front-matter]",
    ]);
  });
});

describe("updated in front matter", () => {
  test("should read updated as a day, checked as date is", () => {
    expect(parse("date: 2022-03-07\nupdated: 2022-03-09T10:00:00Z").article?.updated).toBe("2022-03-09");
    expect(printed(parse("date: 2022-03-07\nupdated: 2022-02-30")).map((line) => line.split("\n")[0])).toEqual([
      "seeds/talks.md:3:10: error: Unexpected updated `2022-02-30`, expected a real calendar date (YYYY-MM-DD) [invalid-date]",
    ]);
    expect(printed(parse("date: 2022-03-07\nupdated: 2022-03-01")).map((line) => line.split("\n")[0])).toEqual([
      "seeds/talks.md:3:10: error: Unexpected updated `2022-03-01` before the date `2022-03-07`, expected the day the article was last changed [invalid-date]",
    ]);
  });
});

describe("a site whose seeds have authors, sections and tags", () => {
  let out: string;
  const read = (file: string): Promise<string> => readFile(path.join(out, file), "utf8");
  const jsonLd = async (file: string): Promise<Record<string, unknown>> =>
    JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(await read(file))?.[1] ?? "{}") as Record<string, unknown>;

  beforeAll(async () => {
    const seeds = await seedsWith({
      "geneva.md": "---\ndate: 2022-03-07\nupdated: 2022-03-09\ntitle: Talks in Geneva\nauthor: Jane Doe\nsection: World\ntags: [Diplomacy, europe]\n---\n\nTalks between the two delegations went on late into the night.\n",
      "resume.md": "---\ndate: 2022-03-08\ntitle: Talks resume\nauthor: Jane Doe\ncategory: World\ntags: [Europe]\n---\n\nThe talks resumed on Tuesday morning, officials said.\n",
    });
    out = path.join(await tempDir("taxonomy"), "site");
    const run = await datelineHere(["build", "--seeds", seeds, "--out", out, "--quiet", "--no-cache", "--base-url", "https://example.org"]);
    expect(run.stderr).not.toContain("error");
    expect(run.code).toBe(0);
  });

  test("should make a page and a feed for each tag, section and author, newest first", async () => {
    const files = await listFiles(out);
    for (const folder of ["tags/europe/", "tags/diplomacy/", "sections/world/", "authors/jane-doe/"]) {
      expect(files).toContain(`${folder}index.html`);
      expect(files).toContain(`${folder}feed.xml`);
    }
    const europe = await read("tags/europe/index.html");
    // One tag however it is written, named as the first spelling in code-point order among equals.
    expect(europe).toContain('<h1 class="page-title">Europe</h1>');
    expect(europe.indexOf("Talks resume")).toBeLessThan(europe.indexOf("Talks in Geneva"));
    expect(await read("sections/world/index.html")).toContain("2 articles in the section World.");
    expect(await read("authors/jane-doe/index.html")).toContain("2 articles by Jane Doe.");
  });

  test("should link the article's author, section and tags, as search filters", async () => {
    const page = await read("2022/03/07/talks-in-geneva/index.html");
    expect(page).toContain('By <a rel="author" href="/authors/jane-doe/" data-pagefind-filter="author">Jane Doe</a>');
    expect(page).toContain('<a href="/sections/world/" data-pagefind-filter="section">World</a>');
    expect(page).toContain('<a href="/tags/europe/" rel="tag" data-pagefind-filter="tag">Europe</a>');
    expect(page).toContain('<a href="/tags/diplomacy/" rel="tag" data-pagefind-filter="tag">Diplomacy</a>');
  });

  test("should give the JSON-LD its author, section, keywords and date modified", async () => {
    const data = await jsonLd("2022/03/07/talks-in-geneva/index.html");
    expect(data["author"]).toEqual({ "@type": "Person", name: "Jane Doe", url: "https://example.org/authors/jane-doe/" });
    expect(data["articleSection"]).toBe("World");
    expect(data["keywords"]).toEqual(["Diplomacy", "Europe"]);
    expect(data["dateModified"]).toBe("2022-03-09");
    expect((await jsonLd("2022/03/08/talks-resume/index.html"))["dateModified"]).toBeUndefined();
  });

  test("should put updated in the Atom entry and the feed's own updated, and the author in the entry", async () => {
    const feed = await read("sections/world/feed.xml");
    expect(feed).toMatch(/<generator>/);
    expect(/<feed[^]*?<updated>(.*?)<\/updated>/.exec(feed)?.[1]).toBe("2022-03-09T00:00:00Z");
    const entry = /<entry>\s*<title>Talks in Geneva<\/title>[^]*?<\/entry>/.exec(feed)?.[0] ?? "";
    expect(entry).toContain("<published>2022-03-07T00:00:00Z</published>");
    expect(entry).toContain("<updated>2022-03-09T00:00:00Z</updated>");
    expect(entry).toContain("<author><name>Jane Doe</name></author>");
  });

  test("should list every tag, section and author on its index, A to Z in the site's language, with its count and link", async () => {
    const list = async (file: string): Promise<string> => /<ol class="entity-list">([\s\S]*?)\n<\/ol>/.exec(await read(file))?.[1] ?? "";
    const item = (url: string, label: string, count: number): string => `<li><a href="${url}">${label}</a> <span class="count">${count}</span></li>`;
    // The fixture's feature is tagged archives and libraries: in code-point order both would follow Europe.
    expect(await list("tags/index.html")).toBe(
      [item("/tags/archives/", "archives", 1), item("/tags/diplomacy/", "Diplomacy", 1), item("/tags/europe/", "Europe", 2), item("/tags/libraries/", "libraries", 1)].join(""),
    );
    expect(await read("tags/index.html")).toContain('<p class="page-lede">4 tags, A to Z.</p>');
    expect(await list("sections/index.html")).toBe(item("/sections/world/", "World", 2));
    expect(await list("authors/index.html")).toBe(item("/authors/jane-doe/", "Jane Doe", 2));
    expect(await read("authors/index.html")).toContain("<title>Authors · Dateline</title>");
  });

  test("should link each name's page to its index, and every page to the indexes", async () => {
    for (const [page, index, label] of [["tags/europe/index.html", "/tags/", "Tags"], ["sections/world/index.html", "/sections/", "Sections"], ["authors/jane-doe/index.html", "/authors/", "Authors"]]) {
      expect(/<nav class="breadcrumbs"[^>]*>\s*<a href="([^"]*)">([^<]*)<\/a>/.exec(await read(page ?? ""))?.slice(1), page).toEqual([index, label]);
    }
    for (const page of ["index.html", "2022/03/07/talks-in-geneva/index.html", "tags/index.html", "404.html"]) {
      expect(await read(page), page).toMatch(/<footer[\s\S]*<a href="\/tags\/">Tags<\/a> · <a href="\/sections\/">Sections<\/a> · <a href="\/authors\/">Authors<\/a><\/p>/);
    }
  });

  test("should list the indexes in the sitemap", async () => {
    const sitemap = await read("sitemap.xml");
    for (const folder of ["tags", "sections", "authors"]) expect(sitemap).toContain(`<url><loc>https://example.org/${folder}/</loc></url>`);
  });

  test("should give an API record the front matter's updated, author, section and tags, and a .txt seed's record none of them", async () => {
    const records = JSON.parse(await read("api/2022.json")) as Record<string, unknown>[];
    const geneva = records.find((record) => record["source"] === "geneva.md");
    // Named as their pages name them: its `europe` is the tag page's Europe.
    expect([geneva?.["updated"], geneva?.["author"], geneva?.["section"], geneva?.["tags"]]).toEqual(["2022-03-09", "Jane Doe", "World", ["Diplomacy", "Europe"]]);
    const resume = records.find((record) => record["source"] === "resume.md");
    // Without `updated` or `image`, neither key is there.
    expect(resume && Object.keys(resume)).toEqual(["id", "date", "title", "url", "summary", "words", "source", "author", "section", "tags", "people", "places", "organisations", "quotes"]);
    // What API consumers read before front matter had fields: unchanged for a .txt seed.
    const txt = records.find((record) => record["source"] === "000_7aa871e253b4211d.txt");
    expect(txt && Object.keys(txt)).toEqual(["id", "date", "title", "url", "summary", "words", "source", "people", "places", "organisations", "quotes"]);
  });
});

describe("the indexes of tags, sections and authors", () => {
  let out: string;
  const read = (file: string): Promise<string> => readFile(path.join(out, file), "utf8");

  beforeAll(async () => {
    // The fixture's seeds tag one article archives and libraries, and name no section or author.
    const seeds = await seedsWith({ "economy.md": "---\ndate: 2022-03-07\ntitle: Budget vote\ntags: [zèbre, Élections, eau, Eau, économie]\n---\n\nThe budget passed after a long night.\n" });
    const project = await tempDir("taxonomy-index");
    await writeFile(path.join(project, "dateline.config.yaml"), "entityIndexPageSize: 2\n");
    out = path.join(project, "site");
    const run = await datelineHere(["build", "--config", path.join(project, "dateline.config.yaml"), "--seeds", seeds, "--out", out, "--quiet", "--no-cache", "--lang", "fr", "--base-url", "https://example.org"]);
    expect(run.stderr).not.toContain("error");
    expect(run.code).toBe(0);
  });

  test("should make no index of a kind no article names, nor link one", async () => {
    const files = await listFiles(out);
    expect(files.filter((file) => /^(sections|authors)\//.test(file))).toEqual([]);
    expect(await read("sitemap.xml")).not.toMatch(/\/(sections|authors)\//);
    expect(/<footer[\s\S]*<\/footer>/.exec(await read("index.html"))?.[0]).toMatch(/<a href="\/tags\/">Mots-clés<\/a><\/p>/);
    expect(await read("index.html")).not.toMatch(/href="\/(sections|authors)\/"/);
  });

  test("should paginate an index by the site's page size, A to Z in French, every page in the sitemap", async () => {
    const labels = async (file: string): Promise<string[]> => [...(/<ol class="entity-list">[\s\S]*?<\/ol>/.exec(await read(file))?.[0] ?? "").matchAll(/<a href="[^"]*">([^<]*)<\/a>/g)].map((match) => match[1] ?? "");
    expect([await labels("tags/index.html"), await labels("tags/page/2/index.html"), await labels("tags/page/3/index.html")]).toEqual([
      // `eau` and `Eau` once each: named as the first in code-point order.
      ["archives", "Eau"],
      ["économie", "Élections"],
      ["libraries", "zèbre"],
    ]);
    const second = await read("tags/page/2/index.html");
    expect(second).toContain("<title>Mots-clés, page 2 · Dateline</title>");
    expect(second).toContain('<p class="page-lede">6 mots-clés, de A à Z.</p>');
    expect(second).toContain('<a class="pager-step" rel="next" href="/tags/page/3/">');
    const sitemap = await read("sitemap.xml");
    for (const url of ["/tags/", "/tags/page/2/", "/tags/page/3/"]) expect(sitemap).toContain(`<loc>https://example.org${url}</loc>`);
  });

  test("should show a tag an article gives twice, in two cases, once", async () => {
    const tags = /<ul class="tags"[^>]*>(.*?)<\/ul>/.exec(await read("2022/03/07/budget-vote/index.html"))?.[1] ?? "";
    expect([...tags.matchAll(/href="([^"]*)"/g)].map((match) => match[1])).toEqual(["/tags/zebre/", "/tags/elections/", "/tags/eau/", "/tags/economie/"]);
  });

  test("should sort names by the collation of the site's language", async () => {
    const seeds = await seedsWith({ "nube.md": "---\ndate: 2022-03-07\ntitle: Clouds\ntags: [nube, ñandú, Zorro]\n---\n\nA cloud over the pampas.\n" });
    const order = async (lang: string): Promise<string[]> =>
      (await loadArchive(seeds, { ...site, lang })).archive.taxonomyIndexes.flatMap((page) => page.entries.map((entry) => entry.label)).filter((label) => label !== "archives" && label !== "libraries");
    // Spanish has ñ as a letter after n; English sorts it as an n.
    expect(await order("es")).toEqual(["nube", "ñandú", "Zorro"]);
    expect(await order("en")).toEqual(["ñandú", "nube", "Zorro"]);
  });
});

describe("image in front matter", () => {
  test("should resolve the image against the seed's folder, with its alt text and line", () => {
    expect(parse("date: 2022-03-07\nimage: ../photos/geneva.jpg\nimage_alt: Delegates", "2022/talks.md").article?.image).toEqual({
      source: "photos/geneva.jpg",
      alt: "Delegates",
      line: 3,
    });
  });

  test("should refuse an image outside the seeds folder, an absolute path or URL, and a file that is not a raster image", () => {
    const first = (front: string): string | undefined => printed(parse(front))[0]?.split("\n")[0];
    expect(first("date: 2022-03-07\nimage: ../secret.png")).toBe(
      "seeds/talks.md:3:8: error: Unexpected image `../secret.png` outside the seeds folder, expected a file inside it [invalid-image]",
    );
    expect(first("date: 2022-03-07\nimage: /etc/photo.png")).toMatch(/^seeds\/talks\.md:3:8: error: Unexpected image `\/etc\/photo\.png`, expected a path relative to the seed/);
    expect(first("date: 2022-03-07\nimage: https://example.org/a.png")).toMatch(/expected a path relative to the seed/);
    // An SVG may hold scripts, which run in the site's origin when the file is opened by its URL.
    expect(first("date: 2022-03-07\nimage: logo.svg")).toBe(
      "seeds/talks.md:3:8: error: Unexpected image `logo.svg`, expected a .jpg, .jpeg, .png, .gif, .webp, .avif file [invalid-image]",
    );
  });

  test("should report a missing image at the seed's image line, and a link out of the seeds folder", async () => {
    const seeds = await seedsWith({ "photo.md": "---\ndate: 2022-03-07\ntitle: Photo\nimage: nowhere.jpg\n---\n\nText.\n", "linked.md": "---\ndate: 2022-03-07\ntitle: Linked\nimage: out.png\n---\n\nText.\n" });
    const outside = path.join(await tempDir("outside"), "secret.png");
    await writeFile(outside, "not for publishing");
    await symlink(outside, path.join(seeds, "out.png"));
    const loaded = await loadArchive(seeds, site);
    expect(loaded.problems.filter((problem) => problem.id.endsWith("-image")).map((problem) => `${problem.file.split("/").at(-1)}:${problem.line}:${problem.column}: ${problem.id}`).sort()).toEqual([
      "linked.md:4:1: invalid-image",
      "photo.md:4:1: missing-image",
    ]);
    expect(loaded.archive.articles.map((article) => article.title)).not.toContain("Photo");
  });

  test("should take an image whose name starts with two dots as inside the seeds folder", async () => {
    const seeds = await seedsWith({ "dots.md": "---\ndate: 2022-03-07\ntitle: Dots\nimage: ..photo.png\n---\n\nText.\n" });
    await writeFile(path.join(seeds, "..photo.png"), "an image");
    const loaded = await loadArchive(seeds, site);
    expect(loaded.problems.filter((problem) => problem.id.endsWith("-image"))).toEqual([]);
    expect(loaded.archive.articles.find((article) => article.title === "Dots")?.image?.source).toBe("..photo.png");
  });
});

describe("a site whose seed has an image", () => {
  let project: string;
  let seeds: string;
  const page = "site/2022/03/07/talks-in-geneva/index.html";
  const build = (): ReturnType<typeof datelineHere> => datelineHere(["build", "--seeds", "seeds", "--out", "site", "--quiet", "--base-url", "https://example.org"], project);

  beforeAll(async () => {
    project = await tempDir("image");
    seeds = path.join(project, "seeds");
    await mkdir(path.join(seeds, "photos"), { recursive: true });
    await writeFile(path.join(seeds, "photos", "geneva.png"), "first image");
    await writeFile(path.join(seeds, "talks.md"), "---\ndate: 2022-03-07\ntitle: Talks in Geneva\nimage: photos/geneva.png\nimage_alt: Delegates at the table\n---\n\nTalks went on late into the night.\n");
    const run = await build();
    expect(run.stderr).not.toContain("error");
    expect(run.code).toBe(0);
  });

  test("should publish the image beside the page, as a figure with its alt text", async () => {
    expect(await readFile(path.join(project, "site/2022/03/07/talks-in-geneva/geneva.png"), "utf8")).toBe("first image");
    const html = await readFile(path.join(project, page), "utf8");
    expect(html).toContain('<figure class="story-image"><img src="/2022/03/07/talks-in-geneva/geneva.png" alt="Delegates at the table"></figure>');
  });

  test("should give link previews and the JSON-LD the image's absolute URL", async () => {
    const html = await readFile(path.join(project, page), "utf8");
    const url = "https://example.org/2022/03/07/talks-in-geneva/geneva.png";
    expect(html).toContain(`<meta property="og:image" content="${url}">`);
    expect(html).toContain(`<meta name="twitter:image" content="${url}">`);
    expect(html.match(/property="og:image"/g)).toHaveLength(1);
    const data = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)?.[1] ?? "{}") as Record<string, unknown>;
    expect(data["image"]).toBe(url);
  });

  test("should give the article's API record its image's absolute URL", async () => {
    const records = JSON.parse(await readFile(path.join(project, "site/api/2022.json"), "utf8")) as Record<string, unknown>[];
    expect(records.find((record) => record["source"] === "talks.md")?.["image"]).toBe("https://example.org/2022/03/07/talks-in-geneva/geneva.png");
  });

  test("should publish the new image when only the image changed, through the cache", async () => {
    await writeFile(path.join(seeds, "photos", "geneva.png"), "second image");
    const run = await build();
    expect(run.code).toBe(0);
    expect(await readFile(path.join(project, "site/2022/03/07/talks-in-geneva/geneva.png"), "utf8")).toBe("second image");
  });
});

// Issue 22: a published article keeps its URL whatever is added, removed or edited, and across Dateline versions;
// the build reads and writes the site project's `dateline.urls.tsv` (the unit tests are in headline-urls.test.ts).
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { Article } from "../src/article.ts";
import { uniqueUrls } from "../src/collect/unique-urls.ts";
import type { UrlRegistry } from "../src/collect/url-registry.ts";
import { enrichArticle } from "../src/enrich/index.ts";
import { datelineHere, goodSeeds, hashTree, removeTempDirs, tempDir } from "./helpers/cli.ts";

afterAll(removeTempDirs);

const talksTwo = " date 2022-03-06 Talks begin? Two.\n";
const talksOne = " date 2022-03-06 Talks begin! One.\n";

/** A site project (no config: the current folder's `seeds/`, registry and cache) holding `seeds`. */
async function project(seeds: Record<string, string>): Promise<{ dir: string; site: string; registry: string; write: (name: string, text: string) => Promise<void> }> {
  const dir = await tempDir("urls");
  const write = async (name: string, text: string): Promise<void> => {
    await mkdir(path.dirname(path.join(dir, "seeds", name)), { recursive: true });
    await writeFile(path.join(dir, "seeds", name), text);
  };
  for (const [name, text] of Object.entries(seeds)) await write(name, text);
  return { dir, site: path.join(dir, "site"), registry: path.join(dir, "dateline.urls.tsv"), write };
}

async function build(dir: string, ...flags: string[]): Promise<{ code: number; stderr: string }> {
  const run = await datelineHere(["build", "--out", "site", "--quiet", ...flags], dir);
  expect(run.stderr).not.toContain("Internal error");
  return run;
}

/** The registry's lines, its header aside. */
async function lines(registry: string): Promise<string[]> {
  return (await readFile(registry, "utf8")).split("\n").filter((line) => line !== "" && !line.startsWith("#"));
}

describe("the URL registry of a site project", () => {
  test("should keep an article's URL when a seed that sorts before it is added", async () => {
    const { dir, site, registry, write } = await project({ "b.txt": talksTwo });
    expect((await build(dir)).code).toBe(0);
    expect(await lines(registry)).toEqual(["b.txt\t/2022/03/06/talks-begin/"]);
    const first = await readFile(path.join(site, "2022/03/06/talks-begin/index.html"), "utf8");
    expect(first).toContain("Two.");

    await write("a.txt", talksOne);
    expect((await build(dir)).code).toBe(0);
    // Without the registry a.txt, first by path, would take the plain slug (headline-urls.test.ts).
    expect(await readFile(path.join(site, "2022/03/06/talks-begin/index.html"), "utf8")).toContain("Two.");
    const [a, b] = await lines(registry);
    expect(b).toBe("b.txt\t/2022/03/06/talks-begin/");
    expect(a).toMatch(/^a\.txt\t\/2022\/03\/06\/talks-begin-[0-9a-f]{8}\/$/);
    expect(await readFile(path.join(site, a!.split("\t")[1]!.slice(1), "index.html"), "utf8")).toContain("One.");
  });

  test("should give the same site and registry from the same seeds and registry", async () => {
    const one = await project({ "b.txt": talksTwo, "a.txt": talksOne });
    const other = await project({ "b.txt": talksTwo, "a.txt": talksOne });
    await writeFile(one.registry, "b.txt\t/2022/03/06/talks-begin/\n");
    await writeFile(other.registry, "b.txt\t/2022/03/06/talks-begin/\n");
    expect((await build(one.dir)).code).toBe(0);
    expect((await build(other.dir, "--no-cache")).code).toBe(0);
    expect(await readFile(one.registry, "utf8")).toBe(await readFile(other.registry, "utf8"));
    expect(await hashTree(one.site)).toEqual(await hashTree(other.site));
  });

  test("should move an article to the slug its owner chose, redirect the former URL and remember it", async () => {
    const { dir, site, registry, write } = await project({ "talks.md": "---\ndate: 2022-03-06\n---\n\nTalks begin in Geneva.\n" });
    expect((await build(dir, "--base-url", "https://example.org/a&b")).code).toBe(0);
    const [before] = await lines(registry);
    const former = before!.split("\t")[1]!;
    expect(former).toMatch(/^\/2022\/03\/06\/[a-z-]+\/$/);

    await write("talks.md", "---\ndate: 2022-03-06\nslug: peace-talks\n---\n\nTalks begin in Geneva.\n");
    expect((await build(dir, "--base-url", "https://example.org/a&b")).code).toBe(0);
    expect(await readFile(path.join(site, "2022/03/06/peace-talks/index.html"), "utf8")).toContain("Talks begin in Geneva.");
    const redirect = await readFile(path.join(site, former.slice(1), "index.html"), "utf8");
    // The path prefix from the base URL, escaped in the attributes.
    expect(redirect).toContain('<link rel="canonical" href="https://example.org/a&amp;b/2022/03/06/peace-talks/">');
    expect(redirect).toContain('<meta http-equiv="refresh" content="0; url=https://example.org/a&amp;b/2022/03/06/peace-talks/">');
    expect(await readFile(path.join(site, "_redirects"), "utf8")).toBe(`/a&b${former} /a&b/2022/03/06/peace-talks/ 301\n`);
    expect(await lines(registry)).toEqual([`talks.md\t/2022/03/06/peace-talks/\t${former}`]);
    // A newcomer whose headline gives the former URL does not take it.
    const slug = former.split("/").at(-2)!;
    await write("z.md", `---\ndate: 2022-03-06\nslug: ${slug}\n---\n\nAnother story.\n`);
    expect((await build(dir, "--base-url", "https://example.org/a&b")).code).toBe(0);
    expect(await readFile(path.join(site, former.slice(1), "index.html"), "utf8")).toBe(redirect);
    expect((await lines(registry))[1]).toMatch(new RegExp(`^z\\.md\\t/2022/03/06/${slug}-[0-9a-f]{8}/$`));
    // The redirects are the same whether the pages came from the cache or not.
    const fresh = await datelineHere(["build", "--out", "fresh", "--quiet", "--no-cache", "--base-url", "https://example.org/a&b"], dir);
    expect(fresh.code).toBe(0);
    const withoutLists = (tree: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(tree).filter(([file]) => !file.startsWith(".dateline/")));
    expect(withoutLists(await hashTree(path.join(dir, "fresh")))).toEqual(withoutLists(await hashTree(site)));
  });

  test("should move an article whose date its owner edited to that day, keeping its slug, and redirect the former URL", async () => {
    const { dir, site, registry, write } = await project({ "b.txt": talksTwo });
    await writeFile(registry, "b.txt\t/2022/03/06/talks-begin-in-geneva/\n");
    expect((await build(dir)).code).toBe(0);
    await write("b.txt", talksTwo.replace("2022-03-06", "2022-03-07"));
    expect((await build(dir)).code).toBe(0);
    expect(await lines(registry)).toEqual(["b.txt\t/2022/03/07/talks-begin-in-geneva/\t/2022/03/06/talks-begin-in-geneva/"]);
    expect(existsSync(path.join(site, "2022/03/07/talks-begin-in-geneva/index.html"))).toBe(true);
    expect(await readFile(path.join(site, "2022/03/06/talks-begin-in-geneva/index.html"), "utf8")).toContain('<link rel="canonical" href="/2022/03/07/talks-begin-in-geneva/">');
  });

  test("should keep a deleted seed's line, so that no other story ever takes its URL", async () => {
    const { dir, site, registry, write } = await project({ "b.txt": talksTwo });
    expect((await build(dir)).code).toBe(0);
    await rm(path.join(dir, "seeds", "b.txt"));
    await write("c.txt", talksOne);
    expect((await build(dir)).code).toBe(0);
    const [b, c] = await lines(registry);
    expect(b).toBe("b.txt\t/2022/03/06/talks-begin/");
    expect(c).toMatch(/^c\.txt\t\/2022\/03\/06\/talks-begin-[0-9a-f]{8}\/$/);
    // Gone, not redirected: the page is no longer in the site.
    expect(existsSync(path.join(site, "2022/03/06/talks-begin/index.html"))).toBe(false);
  });

  test("should refuse a damaged registry line, naming file:line:col, and write nothing", async () => {
    const { dir, site, registry } = await project({ "b.txt": talksTwo });
    const damaged = "# a comment\nb.txt\t/2022/03/06/../talks/\n";
    await writeFile(registry, damaged);
    for (const flags of [[], ["--skip-invalid"]]) {
      const run = await build(dir, ...flags);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("dateline.urls.tsv:2:7: error: Unexpected URL `/2022/03/06/../talks/`, expected a site path from `/` to `/` [invalid-url-registry]");
    }
    expect(existsSync(site)).toBe(false);
    expect(await readFile(registry, "utf8")).toBe(damaged);
  });

  test("should check a project and its registry without writing the registry", async () => {
    const { dir, registry } = await project({ "b.txt": talksTwo });
    expect((await datelineHere(["check"], dir)).code).toBe(0);
    expect(existsSync(registry)).toBe(false);
    await writeFile(registry, "b.txt /2022/03/06/talks-begin/\n");
    const run = await datelineHere(["check"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("dateline.urls.tsv:1:1: error: Unexpected line");
  });

  test("should neither read nor write the project's registry when --seeds names another folder", async () => {
    const { dir, registry } = await project({ "b.txt": talksTwo });
    await writeFile(registry, "not a registry line\n");
    const run = await datelineHere(["build", "--seeds", goodSeeds, "--out", "site", "--quiet"], dir);
    expect(run.code).toBe(0);
    expect(await readFile(registry, "utf8")).toBe("not a registry line\n");
  });

  test("should take the URLs of a site an earlier Dateline built when there is no registry yet", async () => {
    const { dir, site, registry } = await project({});
    await cp(goodSeeds, path.join(dir, "seeds"), { recursive: true });
    expect((await build(dir)).code).toBe(0);
    // The site as an older Dateline, deriving other headlines, published it: its API says another URL.
    await rm(registry);
    const apiFile = path.join(site, "api", "2022.json");
    const api = JSON.parse(await readFile(apiFile, "utf8")) as { source: string; url: string }[];
    const entry = api.find((article) => article.url.includes("china-calls-for"))!;
    const old = "/2022/03/06/china-calls-for-direct-negotiations-between-ukraine-and-russia-in-telephone/";
    entry.url = old;
    await writeFile(apiFile, JSON.stringify(api));
    expect((await build(dir)).code).toBe(0);
    expect(await lines(registry)).toContain(`${entry.source}\t${old}`);
    expect(existsSync(path.join(site, old.slice(1), "index.html"))).toBe(true);
  });
});

describe("uniqueUrls with a registry edited by hand", () => {
  const fileOf = (source: string): string => `seeds/${source}`;
  const article = (source: string, lead: string): Article =>
    enrichArticle({ id: source.replace(/\.txt$/u, ""), source, format: "txt", date: "2022-03-06", paragraphs: [lead], html: "", tags: [] });

  test("should give two seeds that the registry gives one URL two URLs", () => {
    const registry: UrlRegistry = new Map([
      ["a.txt", { url: "/2022/03/06/talks/", former: [] }],
      ["b.txt", { url: "/2022/03/06/talks/", former: [] }],
    ]);
    const urls = uniqueUrls([article("a.txt", "Talks begin! One."), article("b.txt", "Talks begin? Two.")], fileOf, registry).articles.map((a) => a.url);
    expect(new Set(urls).size).toBe(2);
  });

  test("should never redirect from the home page or another page the site writes itself", () => {
    const registry: UrlRegistry = new Map([["a.txt", { url: "/2022/03/06/talks/", former: ["/", "/tags/news/", "/2022/", "/search/"] }]]);
    const unique = uniqueUrls([article("a.txt", "Talks begin! One.")], fileOf, registry);
    expect(unique.redirects).toEqual([]);
    expect(unique.registry.get("a.txt")).toEqual({ url: "/2022/03/06/talks/", former: [] });
  });
});

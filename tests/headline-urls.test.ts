// Issue 22: a published article keeps its URL whatever is added, removed or edited and across Dateline versions;
// it changes only with the owner's `slug` or `permalink`, and the former URL then redirects.
import { describe, expect, test } from "vitest";
import type { Article, ParsedArticle } from "../src/article.ts";
import { redirectPage, redirectsFile } from "../src/collect/redirects.ts";
import { uniqueUrls } from "../src/collect/unique-urls.ts";
import { formatUrlRegistry, parseUrlRegistry, type UrlRegistry } from "../src/collect/url-registry.ts";
import { formatProblem } from "../src/errors.ts";
import { enrichArticle } from "../src/enrich/index.ts";

const fileOf = (source: string): string => `seeds/${source}`;

function article(source: string, lead: string, extra: Partial<ParsedArticle> = {}): Article {
  return enrichArticle({ id: source.replace(/\.txt$/u, ""), source, format: "txt", date: "2022-03-06", paragraphs: [lead], html: "", tags: [], ...extra });
}

const urlsOf = (articles: readonly Article[]): Record<string, string> => Object.fromEntries(articles.map((a) => [a.source, a.url]));

describe("URL registry", () => {
  // Two headlines with one slug: `talks-begin`.
  const existing = article("b.txt", "Talks begin? Two.");
  const added = article("a.txt", "Talks begin! One.");

  test("should keep an article's URL when a seed that sorts before it is added", () => {
    const published = uniqueUrls([existing], fileOf);
    expect(urlsOf(published.articles)).toEqual({ "b.txt": "/2022/03/06/talks-begin/" });
    // Without the registry the new seed, first by path, takes the plain slug: what the registry prevents.
    expect(urlsOf(uniqueUrls([existing, added], fileOf).articles)["b.txt"]).not.toBe("/2022/03/06/talks-begin/");
    const next = uniqueUrls([existing, added], fileOf, published.registry);
    expect(urlsOf(next.articles)).toEqual({ "b.txt": "/2022/03/06/talks-begin/", "a.txt": `/2022/03/06/talks-begin-${added.hash.slice(0, 8)}/` });
    expect(next.redirects).toEqual([]);
  });

  test("should keep an article's URL when a newer Dateline derives another headline", () => {
    const registry: UrlRegistry = new Map([["b.txt", { url: "/2022/03/06/talks-begin-in-geneva-on-saturday/", former: [] }]]);
    const [kept] = uniqueUrls([existing], fileOf, registry).articles;
    expect(kept?.url).toBe("/2022/03/06/talks-begin-in-geneva-on-saturday/");
    expect(kept?.slug).toBe("talks-begin-in-geneva-on-saturday");
  });

  test("should move an article to the slug its owner chose and redirect the former URL, in this build and the next", () => {
    const renamed = article("b.txt", "Talks begin? Two.", { slug: "peace-talks" });
    const published = uniqueUrls([existing], fileOf);
    const moved = uniqueUrls([renamed], fileOf, published.registry);
    expect(urlsOf(moved.articles)).toEqual({ "b.txt": "/2022/03/06/peace-talks/" });
    expect(moved.redirects).toEqual([{ from: "/2022/03/06/talks-begin/", to: "/2022/03/06/peace-talks/" }]);
    expect(uniqueUrls([renamed], fileOf, moved.registry).redirects).toEqual(moved.redirects);
    // A new article never takes a URL that redirects.
    const newcomer = article("c.txt", "Talks begin. Three.");
    expect(urlsOf(uniqueUrls([renamed, newcomer], fileOf, moved.registry).articles)["c.txt"]).toBe(`/2022/03/06/talks-begin-${newcomer.hash.slice(0, 8)}/`);
  });

  test("should move an article to its owner's permalink and redirect the former URL", () => {
    const moved = uniqueUrls([article("b.txt", "Talks begin? Two.", { permalink: "/special/talks/" })], fileOf, uniqueUrls([existing], fileOf).registry);
    expect(moved.redirects).toEqual([{ from: "/2022/03/06/talks-begin/", to: "/special/talks/" }]);
    expect(moved.registry.get("b.txt")).toEqual({ url: "/special/talks/", former: ["/2022/03/06/talks-begin/"] });
  });

  test("should write one sorted line per article and read it back", () => {
    const { registry } = uniqueUrls([article("b10.txt", "Ten."), article("b9.txt", "Nine."), article("a/x.txt", "Ex.")], fileOf);
    const text = formatUrlRegistry(registry);
    expect(text.split("\n").filter((line) => !line.startsWith("#"))).toEqual([
      "a/x.txt\t/2022/03/06/ex/",
      "b9.txt\t/2022/03/06/nine/",
      "b10.txt\t/2022/03/06/ten/",
      "",
    ]);
    expect(parseUrlRegistry(text, "seeds/.dateline/urls.tsv")).toEqual({ registry, problems: [] });
  });

  test("should report a line of the registry that does not read, with its place", () => {
    const { registry, problems } = parseUrlRegistry("# header\na.txt\t/ok/\nb.txt\t../etc/\nc.txt\n", "seeds/.dateline/urls.tsv");
    expect([...registry.keys()]).toEqual(["a.txt"]);
    expect(problems.map((problem) => formatProblem(problem).split("\n")[0])).toEqual([
      "seeds/.dateline/urls.tsv:3:7: error: Unexpected URL `../etc/`, expected a site path from `/` to `/` [invalid-url-registry]",
      "seeds/.dateline/urls.tsv:4:1: error: Unexpected line: expected `seed<TAB>URL`, optionally `<TAB>former URLs` [invalid-url-registry]",
    ]);
  });
});

describe("redirects", () => {
  test("should list redirects for hosts that read `_redirects`, under the path prefix", () => {
    const redirects = [{ from: "/2022/03/06/talks-begin/", to: "/2022/03/06/peace-talks/" }];
    expect(redirectsFile(redirects, "/repo/")).toBe("/repo/2022/03/06/talks-begin/ /repo/2022/03/06/peace-talks/ 301\n");
  });

  test("should leave a page with a canonical link and a meta refresh at the former URL", () => {
    const page = redirectPage('/2022/03/06/peace-"talks"/');
    expect(page).toContain('<link rel="canonical" href="/2022/03/06/peace-&quot;talks&quot;/">');
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=/2022/03/06/peace-&quot;talks&quot;/">');
  });
});

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mergeStrings, shippedStrings, siteStrings, translator, unknownStringKeys, type Message, type Strings } from "../src/render/translator.ts";
import { datelineHere, removeTempDirs, seedsWith, tempDir } from "./helpers/cli.ts";

const english = shippedStrings["en"] as Strings;
const placeholders = (message: Message): string[] => [...new Set((typeof message === "string" ? [message] : Object.values(message)).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "")))].sort();

describe("interface strings", () => {
  test("should give every shipped language every English key, of the same kind and with the same placeholders", () => {
    for (const [lang, strings] of Object.entries(shippedStrings)) {
      expect(Object.keys(strings).sort(), lang).toEqual(Object.keys(english).sort());
      for (const [key, message] of Object.entries(english)) {
        const translated = strings[key] as Message;
        expect(typeof translated, `${lang} ${key}`).toBe(typeof message);
        if (typeof translated === "object") expect(translated.other, `${lang} ${key}`).toEqual(expect.any(String));
        expect(placeholders(translated), `${lang} ${key}`).toEqual(placeholders(message));
      }
    }
  });

  test("should pick English plurals by count: 0 and 2 are plural, 1 is singular", () => {
    const t = translator({ lang: "en" });
    expect([0, 1, 2, 1234].map((count) => t("articles", { count }))).toEqual(["0 articles", "1 article", "2 articles", "1,234 articles"]);
    expect(t("words", { count: 1 })).toBe("1 word");
    expect(t("min-read", { count: 1 })).toBe("1 min read");
  });

  test("should pick French plurals by count: 0 and 1 are singular, and numbers are written the French way", () => {
    const t = translator({ lang: "fr" });
    expect([0, 1, 2].map((count) => t("articles", { count }))).toEqual(["0 article", "1 article", "2 articles"]);
    expect(t("words", { count: 0 })).toBe("0 mot");
    expect(t("words", { count: 1234 })).toBe("1\u202f234 mots");
  });

  test("should read a regional tag as its language, and an unshipped language as English", () => {
    expect(translator({ lang: "fr-CA" })("nav.archive")).toBe("Archives");
    expect(translator({ lang: "de-AT" })("words", { count: 2 })).toBe("2 Wörter");
    expect(translator({ lang: "pt-BR" })("nav.archive")).toBe("Archive");
  });

  test("should fall back to English for a key a language lacks", () => {
    const strings = mergeStrings({ "nav.archive": "Archives" });
    expect(strings["nav.archive"]).toBe("Archives");
    expect(strings["nav.latest"]).toBe("Latest");
  });

  test("should let a site override any string, or one form of a plural, over its language", () => {
    const t = translator({ lang: "fr", strings: { "nav.latest": "Dernières nouvelles", "articles.one": "{count} dépêche" } });
    expect(t("nav.latest")).toBe("Dernières nouvelles");
    expect(t("articles", { count: 1 })).toBe("1 dépêche");
    expect(t("articles", { count: 3 })).toBe("3 articles");
    expect(translator({ lang: "en", strings: { articles: "{count} item(s)" } })("articles", { count: 1 })).toBe("1 item(s)");
  });

  test("should refuse an override of a key no message has, naming it", () => {
    expect(() => siteStrings({ lang: "en", strings: { "nav.lastest": "Newest" } })).toThrow(/Unknown interface string `nav\.lastest`/);
    expect(unknownStringKeys({ "nav.lastest": "x", "articles.one": "y", "nav.latest.one": "z", "nav.latest": "w" })).toEqual(["nav.lastest", "nav.latest.one"]);
  });

  test("should fill placeholders with the values given, as text", () => {
    const t = translator({ lang: "en" });
    expect(t("quotes.title", { name: "<b>Wang Yi</b>" })).toBe("Quotations by <b>Wang Yi</b>");
    expect(() => t("no.such.key")).toThrow(/Internal error: no interface string `no\.such\.key`/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Built sites: no English word on any page of a site in another language.

/**
 * The English interface texts a page in `lang` must not show: every literal fragment of every English message
 * (the text between placeholders), less those that `lang` uses too (`Atom`, `Organisations` in French).
 */
function englishFragments(lang: string): string[] {
  const fragments = (message: Message): string[] =>
    (typeof message === "string" ? [message] : Object.values(message)).flatMap((text) => text.split(/\{\w+\}/)).map((fragment) => fragment.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, "")).filter((fragment) => /\p{L}/u.test(fragment));
  const theirs = Object.values(siteStrings({ lang })).flatMap(fragments).join("\n");
  return [...new Set(Object.values(english).flatMap(fragments))].filter((fragment) => !phrase(fragment).test(theirs));
}

/** A whole word or phrase, in any case: `Archive` is not found in `Archives`. */
const phrase = (text: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "iu");

/** Every file of a built site, relative and `/`-separated. */
async function siteFiles(out: string): Promise<string[]> {
  return (await readdir(out, { recursive: true })).map((file) => file.split(path.sep).join("/"));
}

/** What a site's pages take from its seeds (headlines, summaries, names, roles, quotations, tags): not interface text. */
async function seedTexts(out: string, files: readonly string[]): Promise<string[]> {
  const texts: string[] = [];
  for (const file of files.filter((name) => /^api\/\d{4}\.json$/.test(name))) {
    for (const record of JSON.parse(await readFile(path.join(out, file), "utf8")) as { title: string; summary: string; author?: string; section?: string; tags?: string[]; people: string[]; places: string[]; organisations: string[]; quotes: { text: string }[] }[]) {
      texts.push(record.title, record.summary, record.author ?? "", record.section ?? "", ...(record.tags ?? []), ...record.people, ...record.places, ...record.organisations, ...record.quotes.map((quote) => quote.text));
    }
  }
  for (const file of files.filter((name) => name.endsWith(".html"))) {
    const html = await readFile(path.join(out, file), "utf8");
    for (const match of html.matchAll(/<span class="role">\(([^<]*)\)<\/span>|<ul class="tags"[^>]*>([\s\S]*?)<\/ul>/g)) texts.push(...decode(match[1] ?? (match[2] ?? "").replace(/<[^>]+>/g, "\n")).split("\n"));
  }
  return [...new Set(texts.map((text) => text.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
}

const decode = (text: string): string =>
  text.replace(/&(?:#(\d+)|#x([\da-f]+)|(amp|lt|gt|quot|nbsp));/gi, (_entity, dec: string, hex: string, name: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ amp: "&", lt: "<", gt: ">", quot: '"', nbsp: "\u00a0" } as Record<string, string>)[name.toLowerCase()] ?? "",
  );

/** The interface text of a page: its text and labelling attributes, and the search page's script texts, without the article bodies. */
function pageText(file: string, content: string): string {
  if (file.endsWith(".json")) return String((JSON.parse(content) as { title?: unknown }).title ?? "");
  if (file.endsWith(".xml")) return decode(/<title>([^<]*)<\/title>/.exec(content)?.[1] ?? "");
  const strings = /<script type="application\/json" id="search-strings">([\s\S]*?)<\/script>/.exec(content)?.[1];
  const script = strings ? JSON.stringify(Object.values((JSON.parse(strings) as { messages: Record<string, unknown> }).messages)) : "";
  const attributes = [...content.matchAll(/\s(?:aria-label|placeholder|title|alt)="([^"]*)"|<meta name="description" content="([^"]*)"/g)].map((match) => match[1] ?? match[2]);
  const body = content
    .replace(/<div class="story-body">[\s\S]*?<\/div>/g, " ")
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ");
  return decode([body, ...attributes, script].join("\n"));
}

/** `file: fragment` for every English interface text found on a page of the site in `out`. */
async function englishOn(out: string, lang: string): Promise<string[]> {
  const files = await siteFiles(out);
  const seeds = await seedTexts(out, files);
  const fragments = englishFragments(lang).map((fragment) => ({ fragment, pattern: phrase(fragment) }));
  const found: string[] = [];
  for (const file of files.filter((name) => name.endsWith(".html") || name === "feed.json" || name.endsWith("feed.xml"))) {
    let text = pageText(file, await readFile(path.join(out, file), "utf8"));
    for (const seed of seeds) text = text.split(seed).join(" ");
    for (const { fragment, pattern } of fragments) if (pattern.test(text)) found.push(`${file}: ${fragment}`);
  }
  return found;
}

/** One page of each kind in the fixture site: every one must be checked. The article's URL comes from its headline, so from the API. */
async function pageKinds(out: string): Promise<string[]> {
  const records = JSON.parse(await readFile(path.join(out, "api", "2022.json"), "utf8")) as { id: string; url: string }[];
  const article = records.find((record) => record.id === "000_7aa871e253b4211d")?.url ?? "(the seed article is missing)";
  return [
    "index.html",
    `${article.slice(1)}index.html`,
    "2022/index.html",
    "2022/03/index.html",
    "2022/03/06/index.html",
    "archive/index.html",
    "people/index.html",
    "people/wang-yi/index.html",
    "places/france/index.html",
    "quotes/index.html",
    "quotes/wang-yi/index.html",
    "tags/index.html",
    "tags/archives/index.html",
    "sections/index.html",
    "sections/monde/index.html",
    "authors/index.html",
    "authors/camille-dupont/index.html",
    "search/index.html",
    "404.html",
    "feed.xml",
    "feed.json",
    "places/france/feed.xml",
    "authors/camille-dupont/feed.xml",
  ];
}

describe("a site in another language", () => {
  const sites = new Map<string, string>();
  beforeAll(async () => {
    // The fixture's seeds, with an author and a section for their pages and indexes (its feature has tags).
    const seeds = await seedsWith({ "chronique.md": "---\ndate: 2022-03-05\ntitle: Chronique de Genève\nauthor: Camille Dupont\nsection: Monde\n---\n\nLes délégations se sont retrouvées à Genève.\n" });
    for (const lang of ["en", "fr", "de", "es"]) {
      const out = path.join(await tempDir(`i18n-${lang}`), "site");
      const run = await datelineHere(["build", "--seeds", seeds, "--out", out, "--lang", lang, "--quiet"]);
      expect(run.stderr).not.toMatch(/error:|Internal error/);
      expect(run.code).toBe(0);
      sites.set(lang, out);
    }
  }, 120_000);
  afterAll(removeTempDirs);

  test("should have every page kind that the check reads", async () => {
    for (const out of sites.values()) expect(await siteFiles(out)).toEqual(expect.arrayContaining(await pageKinds(out)));
  });

  test("should find the English interface on the English site: the check can fail", async () => {
    const out = sites.get("en") ?? "";
    const found = await englishOn(out, "fr");
    for (const file of (await pageKinds(out)).filter((name) => name.endsWith(".html"))) expect(found.filter((line) => line.startsWith(`${file}: `)), file).not.toEqual([]);
    expect(found).toEqual(expect.arrayContaining(["index.html: min read", "404.html: Page not found", "search/index.html: More results", "2022/03/index.html: Earlier and later"]));
  });

  test("should show no English interface word on any page built with --lang fr", async () => {
    expect(await englishOn(sites.get("fr") ?? "", "fr")).toEqual([]);
  });

  test("should show no English interface word on any page built with --lang de", async () => {
    expect(await englishOn(sites.get("de") ?? "", "de")).toEqual([]);
  });

  test("should show no English interface word on any page built with --lang es", async () => {
    expect(await englishOn(sites.get("es") ?? "", "es")).toEqual([]);
  });

  test("should list a speaker's quotations under one link to each story, not one per quotation", async () => {
    const html = await readFile(path.join(sites.get("fr") ?? "", "quotes", "wang-yi", "index.html"), "utf8");
    const list = /<ul class="quote-list">[\s\S]*?<\/ul>/.exec(html)?.[0] ?? "";
    expect(list.match(/<blockquote>/g)).toHaveLength(4);
    expect(list.match(/<a href=/g)).toHaveLength(1);
  });

  test("should write counts with their plural form, and the language's quotation marks", async () => {
    const read = (lang: string, file: string): Promise<string> => readFile(path.join(sites.get(lang) ?? "", file), "utf8");
    const article = (await pageKinds(sites.get("en") ?? ""))[1] ?? "";
    expect(await read("en", "2021/12/index.html")).toContain('<p class="page-lede">1 article.</p>');
    expect(await read("fr", "2021/12/index.html")).toContain('<p class="page-lede">1 article.</p>');
    expect(await read("en", article)).toMatch(/>1 min read · \d+ words</);
    expect(await read("fr", article)).toMatch(/>1 min de lecture · \d+ mots</);
    expect(await read("fr", "quotes/wang-yi/index.html")).toContain("<p>« We encourage direct negotiations between Russia and Ukraine »</p>");
    expect(await read("de", "people/wang-yi/index.html")).toMatch(/<html lang="de">[\s\S]*Artikel, die Wang Yi nennen, pro Monat/);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { ParsedArticle } from "../src/article.ts";
import { enrichArticle } from "../src/enrich/index.ts";
import { abbreviateNames } from "../src/enrich/headline/abbreviate-names.ts";
import { clipHeadline } from "../src/enrich/headline/clip-headline.ts";
import { contentWords } from "../src/enrich/headline/content-words.ts";
import { dividendHeadline } from "../src/enrich/headline/dividend-headline.ts";
import { dropArticles } from "../src/enrich/headline/drop-articles.ts";
import { dropAsides } from "../src/enrich/headline/drop-asides.ts";
import { dropAttribution } from "../src/enrich/headline/drop-attribution.ts";
import { dropPossessives } from "../src/enrich/headline/drop-possessives.ts";
import { dropTickers } from "../src/enrich/headline/drop-tickers.ts";
import { dropTimePhrases } from "../src/enrich/headline/drop-time-phrases.ts";
import { deriveHeadline } from "../src/enrich/headline/derive-headline.ts";
import { headlineTense } from "../src/enrich/headline/headline-tense.ts";
import { headlineVerb } from "../src/enrich/headline/headline-verb.ts";
import { resultsHeadline } from "../src/enrich/headline/results-headline.ts";
import { verbBase } from "../src/enrich/headline/verb-base.ts";
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
    expect(deriveHeadline(["Oil prices rose on Monday. Traders were surprised."])).toBe("Oil prices rose");
  });

  test("should keep the full stop of a closing abbreviation", () => {
    expect(deriveHeadline(["Talks resumed in the U.S."], [])).toBe("Talks resumed in the U.S.");
  });

  test("should compress the seed's lead into a present-tense headline that ends where a phrase ends", () => {
    const seed = readFileSync("seeds/000_7aa871e253b4211d.txt");
    const article = parseSeed(seed, { id: "x", source: "x.txt", file: "x.txt" }).article!;
    expect(deriveHeadline(article.paragraphs)).toBe("China calls for “direct” negotiations between Ukraine and Russia");
  });

  test("should drop the source, the legal aside and the time of a wire lead", () => {
    const lead = "Hecla Mining Co, a unit of Hecla Inc, said on Monday it has agreed to acquire a 28 pct interest in the Greens Creek mine, the company said.";
    expect(deriveHeadline([lead])).toBe("Hecla unit Hecla Mining to buy 28 pct interest in Greens Creek mine");
  });

  test("should give a results table the period and its net row", () => {
    expect(deriveHeadline(["Shr 70 cts vs 47 cts", "Net 4,185,000 vs 2,433,000", "Nine mths", "Shr 1.90 dlrs vs 1.41 dlrs", "NOTE: Results restated."])).toBe(
      "3rd qtr net 4,185,000 vs 2,433,000",
    );
  });

  test("should give a dividend table what the company does with its payout", () => {
    expect(deriveHeadline(["Qtly div 11 cts vs 11 cts prior", "Pay May 15", "Record May One"])).toBe("Sets regular quarterly dividend of 11 cts");
  });

  test("should join the first rows of any other table instead of compressing them", () => {
    expect(deriveHeadline(["Choice steers 64.50 up 0.50", "Hams 70.00 unch", "Bellies 60.25 dn 1.00", "NOTE: Prices are for Chicago."])).toBe(
      "Choice steers 64.50 up 0.50; Hams 70.00 unch; Bellies 60.25 dn 1.00",
    );
  });

  test("should keep an upper-case body's lead in upper case, compressed to its first phrase", () => {
    expect(deriveHeadline(["FOLLOWING RAINFALL WAS RECORDED IN THE AREAS OVER PAST 72 HOURS."])).toBe("FOLLOWING RAINFALL WAS RECORDED");
  });

  test("should fall back to the sentence when the rules leave fewer than three words", () => {
    expect(deriveHeadline(["It rose, officials said."])).toBe("It rose, officials said");
  });

  test("should let a front-matter title win", () => {
    expect(enrichArticle(parsed(["Lead."], { title: "Chosen title" })).title).toBe("Chosen title");
  });
});

describe("headline rules", () => {
  test("should drop time phrases but keep possessives and dates", () => {
    expect(dropTimePhrases("China on Saturday called for talks")).toBe("China called for talks");
    expect(dropTimePhrases("The bank said today it would act, and late yesterday it did")).toBe("The bank said it would act, and it did");
    expect(dropTimePhrases("Ford said Friday that sales rose last week")).toBe("Ford said that sales rose");
    expect(dropTimePhrases("Monday's meeting set stocks as of Friday, April 3")).toBe("Monday's meeting set stocks as of Friday, April 3");
  });

  test("should drop asides and write a defined name as its acronym", () => {
    expect(dropAsides("The Internal Revenue Service (IRS) said it was stepping up audits")).toBe("The IRS said it was stepping up audits");
    expect(dropAsides("Chicago Mercantile Exchange, CME, directors postponed action")).toBe("CME directors postponed action");
    expect(dropAsides("Conoco, a unit of DuPont, said it is not interested, which surprised many")).toBe("DuPont unit Conoco said it is not interested");
    expect(dropAsides("Teva, based in Israel, said it sold its unit")).toBe("Teva said it sold its unit");
    expect(dropAsides("In a step that could lead to a breakthrough, Democratic and Republican leaders met")).toBe("Democratic and Republican leaders met");
  });

  test("should drop the source of a statement", () => {
    expect(dropAttribution("Hog prices added 1.00 dlr at the opening, private sources said")).toBe("Hog prices added 1.00 dlr at the opening");
    expect(dropAttribution("The plan, the minister said, will cut taxes")).toBe("The plan will cut taxes");
    expect(dropAttribution("Nippon Steel is negotiating a venture, a spokesman said, declining to give details")).toBe("Nippon Steel is negotiating a venture");
    expect(dropAttribution("Sweden is issuing a bond, said Baring Brothers as lead manager")).toBe("Sweden is issuing a bond");
    expect(dropAttribution("Moody's Investors Service said it lowered the ratings")).toBe("Moody's Investors Service lowered the ratings");
    expect(dropAttribution("The Wurlitzer Foundation told the Securities and Exchange Commission it cut its stake")).toBe("The Wurlitzer Foundation cut its stake");
    expect(dropAttribution("Hoechst AG said in a statement it increased its profits")).toBe("Hoechst AG increased its profits");
    expect(dropAttribution("Jorge Cardenas, manager of the federation, said the meeting would decide nothing")).toBe("Jorge Cardenas said the meeting would decide nothing");
  });

  test("should keep a source clause that carries news of its own", () => {
    expect(dropAttribution("Sales rose, and the company said it expects more")).toBe("Sales rose, and the company said it expects more");
    expect(dropAttribution("The company, which said it lost money, will close")).toBe("The company, which said it lost money, will close");
  });

  test("should put the main verb in headline tense", () => {
    expect(headlineTense("China called for direct negotiations")).toBe("China calls for direct negotiations");
    expect(headlineTense("Sales of new homes in the U.S. fell 6.8 pct in January")).toBe("Sales of new homes in the U.S. fall 6.8 pct in January");
    expect(headlineTense("Energy Secretary John Herrington will propose tax incentives")).toBe("Energy Secretary John Herrington to propose tax incentives");
    expect(headlineTense("Lone Star Industries Inc has arranged 150 mln dlrs of financing")).toBe("Lone Star Industries Inc arranges 150 mln dlrs of financing");
    expect(headlineTense("Kingdom of Sweden is issuing a 100 mln stg bond")).toBe("Kingdom of Sweden issues a 100 mln stg bond");
    expect(headlineTense("Ford Motor Co has agreed to acquire the Hertz unit")).toBe("Ford Motor Co to buy the Hertz unit");
    expect(headlineTense("The proposed merger was approved by shareholders")).toBe("The proposed merger approved by shareholders");
    expect(headlineTense("Ames sales for the month were up 30.4 pct")).toBe("Ames sales for the month up 30.4 pct");
    expect(headlineTense("Navistar expects higher capital spending this year")).toBe("Navistar sees higher capital spending this year");
    expect(headlineTense("J.P. Morgan and Co Inc said its earnings fell")).toBe("J.P. Morgan and Co Inc says its earnings fell");
  });

  test("should leave the verb alone where its form is in doubt or there is no clause", () => {
    expect(headlineTense("The bank completed a review of its targeted lending")).toBe("The bank completes a review of its targeted lending");
    expect(headlineTense("The bank restored the branch to its owners")).toBe("The bank restored the branch to its owners");
    expect(headlineTense("The company will not extend the date")).toBe("The company will not extend the date");
    expect(headlineTense("Shr not given")).toBe("Shr not given");
    expect(headlineTense("FOLLOWING RAINFALL WAS RECORDED IN THE AREAS")).toBe("FOLLOWING RAINFALL WAS RECORDED IN THE AREAS");
    expect(headlineTense("Div 50 won vs 50 won prior year")).toBe("Div 50 won vs 50 won prior year");
  });

  test("should find the base form of regular and irregular verbs", () => {
    expect(["raised", "agreed", "stopped", "called", "carried", "acquired", "settled", "sold", "cutting", "negotiating", "added"].map(verbBase)).toEqual([
      "raise",
      "agree",
      "stop",
      "call",
      "carry",
      "acquire",
      "settle",
      "sell",
      "cut",
      "negotiate",
      "add",
    ]);
    expect(["created", "monitored", "totalled", "hundred", "exceed"].map(verbBase)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  test("should choose the short headline verb unless it would take an infinitive", () => {
    expect(headlineVerb("purchase", ["the", "plant"])).toBe("buy");
    expect(headlineVerb("expect", ["higher", "sales"])).toBe("see");
    expect(headlineVerb("expect", ["the", "dollar", "to", "rise"])).toBe("expect");
    expect(headlineVerb("sign", ["a", "pact"])).toBe("sign");
  });

  test("should drop tickers, articles and write long names short", () => {
    expect(dropTickers("<Scovill Inc> sold its stake in Moulinex SA <MOUP.PA>")).toBe("Scovill Inc sold its stake in Moulinex SA");
    expect(dropArticles("The Bank of England gave the market a loan of 5 dlrs a share in The Hague")).toBe("Bank of England gave market loan of 5 dlrs a share in The Hague");
    expect(abbreviateNames("Talks between the United States and the United Kingdom")).toBe("Talks between the U.S. and the U.K.");
  });

  test("should end a long headline where a phrase ends, without a joining word", () => {
    const text = "China calls for talks between Ukraine and Russia in a telephone conversation between the two foreign ministers";
    expect(clipHeadline(text, 80)).toBe("China calls for talks between Ukraine and Russia in a telephone conversation");
    expect(clipHeadline("Congress votes to triple federal excise taxes on beer and on two types of wine", 70)).toBe("Congress votes to triple federal excise taxes on beer");
    expect(clipHeadline("Short headline", 80)).toBe("Short headline");
  });

  test("should not end a headline on a word that opens a phrase", () => {
    const text = "Japanese vehicle exports fall 9.3 pct in May from a year earlier to 531,253, mainly to markets in the U.S. and Europe";
    expect(clipHeadline(text, 90)).toBe("Japanese vehicle exports fall 9.3 pct in May from a year earlier to 531,253");
    expect(clipHeadline("Reagan administration to consider curbing takeovers of industries such as semiconductors", 80)).toBe(
      "Reagan administration to consider curbing takeovers of industries",
    );
  });

  test("should count the content words of a text, not its function words", () => {
    expect(contentWords("Ford said it will buy GM's stake in the U.S.")).toEqual(["ford", "buy", "gm's", "stake", "u.s"]);
  });

  test("should drop possessive determiners but keep an object pronoun", () => {
    expect(dropPossessives("Alcan closes its smelter and their plants as his rival told her so")).toBe("Alcan closes smelter and plants as rival told her so");
  });

  test("should say whether a dividend is raised, cut or kept", () => {
    expect(dividendHeadline("Qtly div 11 cts vs 11 cts prior")).toBe("Sets regular quarterly dividend of 11 cts");
    expect(dividendHeadline("Qtly div eight cts vs five cts prior")).toBe("Raises quarterly dividend to eight cts from five cts");
    expect(dividendHeadline("Mthly div 6.9 cts vs 7.2 cts prior")).toBe("Cuts monthly dividend to 6.9 cts from 7.2 cts");
    expect(dividendHeadline("Annual div 1.20 dlrs")).toBe("Sets annual dividend of 1.20 dlrs");
    expect(dividendHeadline("Shr 70 cts vs 47 cts")).toBeUndefined();
  });

  test("should name the quarter of a results table from its year-to-date rows", () => {
    const year = ["Shr loss 1.48 dlrs vs loss 36 cts", "Net loss 4,036,000 vs loss 983,000", "Sales 16.6 mln vs 17 mln", "Year", "Shr loss 2.01 dlrs vs profit 10 cts"];
    expect(resultsHeadline(year)).toBe("4th qtr net loss 4,036,000 vs loss 983,000");
    expect(resultsHeadline(["Oper shr 18 cts vs 28 cts", "Oper net 1,076,000 vs 1,441,000", "Six mths"])).toBe("2nd qtr oper net 1,076,000 vs 1,441,000");
    expect(resultsHeadline(["Qtr ends Jan 31", "Shr 3.26 dlrs vs 3.17 dlrs", "Net 47.9 mln vs 46.7 mln"])).toBe("Qtr to Jan 31 net 47.9 mln vs 46.7 mln");
    expect(resultsHeadline(["Periods ended January 31", "Net 1,443,000 vs 3,539,000"])).toBe("Period to January 31 net 1,443,000 vs 3,539,000");
    expect(resultsHeadline(["Shr 22 cts vs 19 cts", "Net 4,549,000 vs 3,666,000"])).toBe("Net 4,549,000 vs 3,666,000");
    expect(resultsHeadline(["Shr not given", "Revs 15.5 mln"])).toBeUndefined();
    expect(resultsHeadline(["Qtly div 11 cts vs 11 cts prior"])).toBeUndefined();
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
    expect(article.url).toBe("/2022/03/06/oil-prices-rose/");
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

test("should give each paragraph its own sentences when paragraphs are split one after another", () => {
  // The headline and the summary share the lead's split; another paragraph between them must not get it.
  const lead = "Oil prices rose on Monday. Traders were surprised by the Saudi output cut.";
  const other = "Gold fell. Silver was steady.";
  expect(sentences(lead)).toEqual(["Oil prices rose on Monday.", "Traders were surprised by the Saudi output cut."]);
  expect(sentences(other)).toEqual(["Gold fell.", "Silver was steady."]);
  expect(sentences(lead)).toEqual(["Oil prices rose on Monday.", "Traders were surprised by the Saudi output cut."]);
  expect(sentences("")).toEqual([]);
});

import { readFileSync } from "node:fs";
import fc from "fast-check";
import { expect, test } from "vitest";
import type { Person, Quote } from "../src/article.ts";
import { extractQuotes } from "../src/enrich/quotes/extract-quotes.ts";
import { parseSeed } from "../src/parse/index.ts";

const seedPeople: Person[] = [
  { name: "Wang Yi", role: "Foreign Minister" },
  { name: "Antony Blinken", role: "Secretary of State" },
  { name: "Ned Price", role: "State Department spokesman" },
  { name: "Josep Borrell" },
  { name: "Vladimir Putin", role: "President" },
];

function seedParagraphs(): readonly string[] {
  const seed = readFileSync("seeds/000_7aa871e253b4211d.txt");
  return parseSeed(seed, { id: "seed", source: "seed.txt", file: "seed.txt" }).article!.paragraphs;
}

test("should find the seed article's quotations with their speakers", () => {
  expect(extractQuotes(seedParagraphs(), seedPeople)).toEqual([
    { text: "We encourage direct negotiations between Russia and Ukraine", speaker: "Wang Yi" },
    { text: "We hope that the fighting will stop as soon as possible and thus avoid a large-scale humanitarian crisis", speaker: "Wang Yi" },
    {
      text: "the world is watching which countries uphold the basic principles of freedom, self-determination and sovereignty",
      speaker: "Antony Blinken",
    },
    { text: "Diplomacy cannot be just European or American, here Chinese diplomacy has a role to play", speaker: "Josep Borrell" },
    { text: "closely related to the security interests of both sides", speaker: "Wang Yi" },
    { text: "take into account the negative impact of NATO’s eastward expansion in Russia’s security space", speaker: "Wang Yi" },
  ]);
});

test("should leave a quotation attributed only by a role unattributed when nobody has that role", () => {
  const withoutRoles = seedPeople.map(({ name }) => ({ name }));
  const quotes = extractQuotes(seedParagraphs(), withoutRoles);
  expect(quotes[1]).toEqual({ text: "We hope that the fighting will stop as soon as possible and thus avoid a large-scale humanitarian crisis" });
  expect(quotes.filter((quote) => quote.speaker !== undefined)).toHaveLength(5);
});

interface CorpusCase {
  readonly should: string;
  readonly article: string;
  readonly paragraphs: readonly string[];
  readonly people: readonly Person[];
  readonly expected: readonly Quote[];
}

// Paragraphs of Reuters-21578 stories (../shared/corpus), with the people an entity extractor would give;
// every expected quotation and speaker was checked by reading the paragraphs.
const corpusCases = JSON.parse(readFileSync("tests/fixtures/quotes/corpus.json", "utf8")) as CorpusCase[];

for (const { should, article, paragraphs, people, expected } of corpusCases) {
  test(`should ${should} (Reuters ${article})`, () => {
    expect(extractQuotes(paragraphs, people)).toEqual(expected);
  });
}

test("should read curly and straight marks alike, collapse white space and drop the trailing comma", () => {
  expect(extractQuotes(["“We will  not\tstop here,” Wang said.", 'Blinken said: "The  talks were frank and useful."'], seedPeople)).toEqual([
    { text: "We will not stop here", speaker: "Wang Yi" },
    { text: "The talks were frank and useful.", speaker: "Antony Blinken" },
  ]);
});

test("should skip quoted terms of fewer than four words", () => {
  expect(extractQuotes(['Wang called the talks "frank", "very useful" and "a good start".'], seedPeople)).toEqual([]);
});

test("should not take a typed apostrophe for a quotation mark", () => {
  expect(extractQuotes(['The country"s debt is large, Wang said. "We will pay it back in full," he added.'], seedPeople)).toEqual([
    { text: "We will pay it back in full", speaker: "Wang Yi" },
  ]);
});

test("should drop a quotation that is never closed", () => {
  expect(extractQuotes(['Wang said "we will pay it back in full.', "The talks ended."], seedPeople)).toEqual([]);
});

test("should join a quotation continued in the next paragraph", () => {
  expect(extractQuotes(["Borrell said: “Europe is united on sanctions.", "“We will not move from that position,” he added."], seedPeople)).toEqual([
    { text: "Europe is united on sanctions. We will not move from that position", speaker: "Josep Borrell" },
  ]);
});

test("should not resolve a role that two people share", () => {
  const people = [
    { name: "Wang Yi", role: "Foreign Minister" },
    { name: "Sergei Lavrov", role: "Foreign Minister" },
  ];
  expect(extractQuotes(["“We want the fighting to stop,” the foreign minister said."], people)).toEqual([{ text: "We want the fighting to stop" }]);
});

test("should not take a deputy for the office holder", () => {
  const people = [{ name: "Boris Johnson", role: "Prime Minister" }];
  expect(extractQuotes(['"We will not raise taxes this year," the deputy prime minister said.'], people)).toEqual([{ text: "We will not raise taxes this year" }]);
});

test("should read a role qualified by an organisation, and not one with another complement", () => {
  const people = [
    { name: "Paul Volcker", role: "chairman" },
    { name: "Josep Borrell", role: "head of European diplomacy" },
  ];
  const paragraphs = ["“Inflation is still the main danger,” the Fed chairman said.", "“Rates will stay where they are,” said the head of the central bank."];
  expect(extractQuotes(paragraphs, people)).toEqual([{ text: "Inflation is still the main danger", speaker: "Paul Volcker" }, { text: "Rates will stay where they are" }]);
});

test("should give the seed's speakers with roles worded as the entity extractor words them", () => {
  const people = seedPeople.map((person) => (person.name === "Josep Borrell" ? { ...person, role: "head of European diplomacy" } : person));
  expect(extractQuotes(seedParagraphs(), people).map((quote) => quote.speaker)).toEqual(["Wang Yi", "Wang Yi", "Antony Blinken", "Josep Borrell", "Wang Yi", "Wang Yi"]);
});

test("should attribute through an affiliation, a second verb and a surname of two words", () => {
  const people = [{ name: "Stephen Slifer" }, { name: "Anne Knight" }, { name: "Leon Febres Cordero", role: "President" }];
  const paragraphs = [
    'Stephen Slifer of Shearson Lehman Brothers Inc added, "We have some very good-looking monetary aggregate data."',
    'Anne Knight, automotive analyst for Paine Webber and Co, told Reuters that sales were weak, but added: "I think sales will get better in the spring."',
    '"There definitely isn\'t a way to pay," Febres Cordero said.',
  ];
  expect(extractQuotes(paragraphs, people).map((quote) => quote.speaker)).toEqual(["Stephen Slifer", "Anne Knight", "Leon Febres Cordero"]);
});

test("should not take a name part inside another name for the person", () => {
  const people = [{ name: "Cheung Kong" }];
  expect(extractQuotes(["Hong Kong traders said. “Prices will fall further this week,” he said."], people)).toEqual([{ text: "Prices will fall further this week" }]);
});

test("should give no speaker to an organisation", () => {
  expect(extractQuotes(["“The talks were frank and useful,” the ministry said, after Wang met Blinken."], seedPeople)).toEqual([
    { text: "The talks were frank and useful" },
  ]);
});

test("should give no speaker to `he` when two people were just named", () => {
  expect(extractQuotes(["Wang met Blinken on Saturday. “The talks were frank and useful,” he said."], seedPeople)).toEqual([
    { text: "The talks were frank and useful" },
  ]);
});

test("should give no speaker to a spokesman for a person, nor to two people at once", () => {
  const paragraphs = ["“The talks were frank and useful,” said a spokesman for Wang.", "“We want the fighting to stop,” said Wang and Blinken."];
  expect(extractQuotes(paragraphs, seedPeople)).toEqual([{ text: "The talks were frank and useful" }, { text: "We want the fighting to stop" }]);
});

test("should not resolve a surname two people share, nor a longer name that starts like a known one", () => {
  const people = [{ name: "George Bush" }, { name: "Barbara Bush" }, { name: "Wang Yi" }];
  const paragraphs = ['"We want the fighting to stop," Bush said.', '"The talks were frank and useful," Wang Meng said.'];
  expect(extractQuotes(paragraphs, people)).toEqual([{ text: "We want the fighting to stop" }, { text: "The talks were frank and useful" }]);
});

test("should give nothing for an article without marks or without people", () => {
  expect(extractQuotes([], seedPeople)).toEqual([]);
  expect(extractQuotes(["No quotations here."], seedPeople)).toEqual([]);
  expect(extractQuotes(['"The talks were frank and useful," Wang said.'], [])).toEqual([{ text: "The talks were frank and useful" }]);
});

// Text made of the words attribution looks at, marks and punctuation stuck to them as in prose, so that random
// cases reach its rules and not only the scanner; plus arbitrary strings.
const word = fc.tuple(
  fc.constantFrom("", "", "", '"', "“", "”"),
  fc.constantFrom("Wang", "Yi", "Blinken", "he", "she", "him", "said", "told", "according", "to", "the", "foreign", "minister", "Chinese", "quoted", "as", "saying", "who", "and", "of", "we", "talks", "x"),
  fc.constantFrom("", "", "", ",", ".", ":", '"', "”", ',"', ",”", '."', "\n"),
);
const quoted = fc
  .tuple(fc.constantFrom('"', "“"), fc.array(fc.constantFrom("we", "talks", "x", "Wang", "said"), { minLength: 3, maxLength: 6 }), fc.constantFrom('," ', ",” ", '" ', "” "))
  .map(([open, words, close]) => `${open}${words.join(" ")}${close}`);
const prose = fc.array(fc.oneof(word.map((parts) => parts.join("")), quoted), { maxLength: 40 }).map((words) => words.join(" "));
const hostileParagraph = fc.oneof(prose, fc.string({ maxLength: 80 }), fc.string({ unit: "binary", maxLength: 40 }));
const hostilePeople = fc.oneof(
  fc.constant(seedPeople),
  fc.array(
    fc.record({
      name: fc.oneof(fc.constantFrom("Wang Yi", "Antony Blinken", "Yi", ""), fc.string({ maxLength: 12 })),
      role: fc.option(fc.constantFrom("Foreign Minister", "minister", "of", ""), { nil: undefined }),
    }),
    { maxLength: 4 },
  ),
);

/** The article as one string: whitespace collapsed, and each paragraph's opening mark dropped, as a continued quotation reads. */
function normalised(paragraphs: readonly string[]): string {
  return paragraphs.map((paragraph) => paragraph.replace(/\s+/g, " ").trim().replace(/^["“]/, "")).join(" ");
}

test("should never throw on hostile text, and return only non-empty quoted substrings with speakers among the people", () => {
  fc.assert(
    fc.property(fc.array(hostileParagraph, { maxLength: 6 }), hostilePeople, (paragraphs, people) => {
      const names = new Set(people.map((person) => person.name));
      const text = normalised(paragraphs);
      for (const quote of extractQuotes(paragraphs, people.map(({ name, role }) => (role === undefined ? { name } : { name, role })))) {
        expect(quote.text).not.toBe("");
        expect(text).toContain(quote.text);
        if (quote.speaker !== undefined) expect(names).toContain(quote.speaker);
      }
    }),
    { numRuns: 2000 },
  );
});

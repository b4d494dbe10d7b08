// npm run bench:entities — entity extraction over the whole corpus, scored against the Reuters indexers' own
// place, people and organisation codes (labels.jsonl.gz), and timed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { Entities } from "../src/article.ts";
import { extractEntities } from "../src/enrich/entities/extract-entities.ts";
import { corpusDir, median } from "./corpus.ts";
import { organisationCodes, personCode, placeCode } from "./entity-codes.ts";

interface Story {
  readonly id: string;
  readonly date: string;
  readonly text: string;
}
interface Labels {
  readonly places: readonly string[];
  readonly people: readonly string[];
  readonly orgs: readonly string[];
}

const jsonLines = <T>(file: string): T[] =>
  gunzipSync(readFileSync(path.join(corpusDir, file)))
    .toString("utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as T);
const codeList = (file: string): Set<string> => new Set(readFileSync(path.join(corpusDir, file), "utf8").split(/\s+/).filter(Boolean));

const stories = jsonLines<Story>("articles.jsonl.gz");
const labels = jsonLines<Labels>("labels.jsonl.gz");
const codes = { places: codeList("reuters-places.txt"), people: codeList("reuters-people.txt"), orgs: codeList("reuters-orgs.txt") };
// The seed format: " date YYYY-MM-DD " + paragraphs separated by blank lines + a final newline.
const articles = stories.map((story) => ({ date: story.date, paragraphs: story.text.replace(/^ date \S+ /, "").trimEnd().split("\n\n") }));

const times: number[] = [];
let results: Entities[] = [];
for (let pass = 0; pass < 3; pass++) {
  const start = performance.now();
  results = articles.map((article) => extractEntities(article.paragraphs, { date: article.date }));
  times.push(performance.now() - start);
}

type Kind = "places" | "people" | "orgs";
const score = { places: { tp: 0, predicted: 0, gold: 0 }, people: { tp: 0, predicted: 0, gold: 0 }, orgs: { tp: 0, predicted: 0, gold: 0 } };
const tally = (): Record<Kind, Map<string, number>> => ({ places: new Map(), people: new Map(), orgs: new Map() });
const misses = tally();
const wrong = tally();
// By name rather than code: what the extractor says that maps to no code, and what maps to a code the indexers did not give.
const unmapped = tally();
const falseNames = tally();
const count = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1);

results.forEach((found, index) => {
  const label = labels[index];
  const article = articles[index];
  if (label === undefined || article === undefined) throw new Error(`Internal error: no labels for article ${index}`);
  const named: Record<Kind, [string, string | undefined][]> = {
    places: found.places.map((name) => [name, placeCode(name, article.date, codes.places)]),
    people: found.people.map((person) => [person.name, personCode(person.name, codes.people)]),
    orgs: found.organisations.map((name) => [name, organisationCodes[name]]),
  };
  const predicted: Record<Kind, Set<string>> = {
    places: new Set(named.places.flatMap(([, code]) => (code === undefined ? [] : [code]))),
    people: new Set(named.people.flatMap(([, code]) => (code === undefined ? [] : [code]))),
    orgs: new Set(named.orgs.flatMap(([, code]) => (code === undefined ? [] : [code]))),
  };
  for (const kind of ["places", "people", "orgs"] as const) {
    const gold = new Set(label[kind]);
    for (const [name, code] of named[kind]) {
      if (code === undefined) count(unmapped[kind], name);
      else if (!gold.has(code)) count(falseNames[kind], name);
    }
    for (const code of predicted[kind]) if (gold.has(code)) score[kind].tp++;
    else count(wrong[kind], code);
    for (const code of gold) if (!predicted[kind].has(code)) count(misses[kind], code);
    score[kind].predicted += predicted[kind].size;
    score[kind].gold += gold.size;
  }
});

const ms = median(times) / articles.length;
console.log(`Entities vs the Reuters indexers' codes, ${articles.length.toLocaleString("en-US")} articles`);
console.log("Counting: per article, the set of codes our entities map to vs the set of codes the indexers gave; true positives,");
console.log("predictions and labels summed over the corpus (micro-average). Names with no code (cities map to their country;");
console.log("people or bodies outside the Reuters lists) are left out of the predictions.");
for (const kind of ["places", "people", "orgs"] as const) {
  const { tp, predicted, gold } = score[kind];
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = gold === 0 ? 0 : tp / gold;
  console.log(`${kind.padEnd(7)} precision ${precision.toFixed(3)} (${tp}/${predicted})  recall ${recall.toFixed(3)} (${tp}/${gold})`);
}
console.log(`speed: ${ms.toFixed(3)} ms/article (median of 3 passes: ${times.map((time) => (time / 1000).toFixed(2)).join(" s, ")} s)`);
const top = (map: Map<string, number>, n: number): string => [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([key, times]) => `${key}:${times}`).join(" | ");
console.log("\nMost frequent names per type, in articles: with no code (unmapped: often right, but garbage shows here first), and");
console.log("with a code the indexers did not give that article (false).");
for (const kind of ["places", "people", "orgs"] as const) console.log(`${kind} unmapped: ${top(unmapped[kind], 15)}\n${kind} false:    ${top(falseNames[kind], 15)}`);
// A name read as a person in some articles and as a place or organisation in others is wrong somewhere.
const kinds = { people: new Map<string, number>(), other: new Map<string, number>() };
for (const found of results) {
  for (const person of found.people) count(kinds.people, person.name);
  for (const name of [...found.places, ...found.organisations]) count(kinds.other, name);
}
const both = new Map([...kinds.people].flatMap(([name, times]) => (kinds.other.has(name) ? [[`${name} (${times}/${kinds.other.get(name) ?? 0})`, Math.min(times, kinds.other.get(name) ?? 0)] as const] : [])));
console.log(`person and also place or organisation (articles as person/other): ${top(both, 15)}`);
if (process.argv.includes("--errors")) {
  for (const kind of ["places", "people", "orgs"] as const) console.log(`\n${kind} missed: ${top(misses[kind], 25)}\n${kind} extra:  ${top(wrong[kind], 25)}`);
}

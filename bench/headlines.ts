// npm run bench:headlines — how much of each Reuters headline the derived headline carries, over the whole
// corpus: the share of the original's content words (stop words removed, case ignored) found in ours.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { removeStopwords } from "stopword";
import { loadArchive } from "../src/load-archive.ts";
import { corpusSeeds, median } from "./corpus.ts";

const seeds = await corpusSeeds(19_043, 1, true);
const titles = JSON.parse(await readFile(path.join(seeds, "titles.json"), "utf8")) as Record<string, string>;
const { archive } = await loadArchive(seeds, { title: "bench", lang: "en", pathPrefix: "/" });

const words = (text: string): string[] => removeStopwords(text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*/gu) ?? []);
const scores: number[] = [];
for (const article of archive.articles) {
  const original = titles[article.id];
  if (original === undefined) continue;
  const wanted = [...new Set(words(original))];
  if (wanted.length === 0) continue;
  const ours = new Set(words(article.title));
  scores.push(wanted.filter((word) => ours.has(word)).length / wanted.length);
}
const lengths = archive.articles.map((article) => [...article.title].length);
const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
console.log(`Derived headlines vs the Reuters originals, ${scores.length.toLocaleString("en-US")} articles`);
console.log(`content-word recall: mean ${mean.toFixed(3)}, median ${median(scores).toFixed(3)}`);
console.log(`headline length: median ${median(lengths)} characters, max ${Math.max(...lengths)}`);

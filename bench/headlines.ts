// npm run bench:headlines — how much of each Reuters headline the derived headline carries, over the whole corpus.
// Metric (unchanged since issue 4): for each article with an original title, the share of the original's distinct
// content words found in the derived headline. Words are runs of letters and digits (joined by ' ’ . & -), lower-cased,
// with the `stopword` package's English list removed; the score is |original ∩ derived| / |original|. Printed: mean and
// median of that share, median and max derived-headline length in characters, and the seed article's headline.
// It calls parseSeed + deriveHeadline directly (no collect stage), so a run takes seconds rather than a minute.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { removeStopwords } from "stopword";
import { deriveHeadline } from "../src/enrich/headline/derive-headline.ts";
import { parseSeed } from "../src/parse/index.ts";
import { corpusSeeds, median, root } from "./corpus.ts";

const seeds = await corpusSeeds(19_043, 1, true);
const titles = JSON.parse(await readFile(path.join(seeds, "titles.json"), "utf8")) as Record<string, string>;
const files = (await readdir(seeds)).filter((name) => name.endsWith(".txt")).sort();

/** Parses one seed file and derives its headline; undefined when the seed does not parse. */
async function headlineOf(file: string): Promise<string | undefined> {
  const id = path.basename(file, ".txt");
  const { article } = parseSeed(await readFile(file), { id, source: path.basename(file), file });
  return article === undefined ? undefined : deriveHeadline(article.paragraphs);
}

const words = (text: string): string[] => removeStopwords(text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*/gu) ?? []);
const scores: number[] = [];
const lengths: number[] = [];
for (const name of files) {
  const headline = await headlineOf(path.join(seeds, name));
  if (headline === undefined) continue;
  lengths.push([...headline].length);
  const original = titles[path.basename(name, ".txt")];
  if (original === undefined) continue;
  const wanted = [...new Set(words(original))];
  if (wanted.length === 0) continue;
  const ours = new Set(words(headline));
  scores.push(wanted.filter((word) => ours.has(word)).length / wanted.length);
}
const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
console.log(`Derived headlines vs the Reuters originals, ${scores.length.toLocaleString("en-US")} articles`);
console.log(`content-word recall: mean ${mean.toFixed(3)}, median ${median(scores).toFixed(3)}`);
console.log(`headline length: median ${median(lengths)} characters, max ${Math.max(...lengths)}`);
console.log(`seed headline: ${await headlineOf(path.join(root, "seeds", "000_7aa871e253b4211d.txt"))}`);

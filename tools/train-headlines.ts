// npm run train:headlines — trains the headline compression model (src/enrich/headline/data/compression-model.json)
// from real (lead, headline) pairs: Reuters-21578 titles (all but every fifth article, kept back for
// npm run bench:headlines to measure on) and the CoNLL-2003 train headlines. Never BBC, never CoNLL dev: those measure.
// Each lead is compressed by the headline rules, as deriveHeadline does, and each of its words is labelled `keep`
// when the real headline has the same word (case and inflection aside), else `drop`; its features see the whole
// article (how often it names each word). An averaged perceptron learns the labels from the words' features over a
// fixed number of epochs, in an order fixed by a seeded shuffle, so the same corpus always gives the same model.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { compressionFeatures, compressionTokens, type KeepLabel } from "../src/enrich/headline/compression-features.ts";
import { core, stem } from "../src/enrich/headline/content-words.ts";
import { compressedLead } from "../src/enrich/headline/derive-headline.ts";
import { parseSeed } from "../src/parse/index.ts";
import { PerceptronTrainer } from "../src/text/averaged-perceptron.ts";
import { corpusRecords, root } from "../bench/corpus.ts";
import { seededRandom } from "../bench/seeded-random.ts";
import { isHeldOut } from "../bench/headline-scores.ts";

// Few epochs and no rare feature: trained 8 epochs on every feature, the model learnt the words of 1987's wire by
// heart (`w=usda`, `pw=balances`) and ranked a BBC lead's words worse than counting their mentions does (of the 3
// words it most keeps, 30 % are in the real headline; of the 3 most mentioned, 37 %). 3 epochs on features seen 30
// times or more: 36 % (held-out Reuters-21578: 54 % → 60 %).
const epochs = 3;
const minimumCount = 30;
// Features whose largest averaged weight is below this are left out: they change few decisions and most of the bytes.
const prune = 1;
// --output FILE writes the model elsewhere, to measure a change before it replaces the committed one.
const { values } = parseArgs({ options: { output: { type: "string" } } });
const output = path.resolve(values.output ?? path.join(root, "src", "enrich", "headline", "data", "compression-model.json"));

interface Example {
  readonly lead: string;
  readonly article: readonly string[];
  readonly headline: string;
}


/** The lead of a seed text as deriveHeadline sees it (parsed as a seed, compressed by the rules) and its paragraphs; undefined for a table. */
function leadOf(text: string, id: string): { lead: string; article: readonly string[] } | undefined {
  const { article } = parseSeed(Buffer.from(text), { id, source: `${id}.txt`, file: `${id}.txt` });
  if (article === undefined) return undefined;
  const lead = compressedLead(article.paragraphs);
  return typeof lead === "string" ? { lead, article: article.paragraphs } : undefined;
}

const examples: Example[] = [];
for (const [n, item] of corpusRecords("articles.jsonl.gz").entries()) {
  const { id, title, text } = item as { id: string; title: string; text: string };
  if (isHeldOut(n) || title === "") continue;
  const lead = leadOf(text, id);
  if (lead !== undefined) examples.push({ ...lead, headline: title });
}
const reuters = examples.length;
for (const item of corpusRecords("ner/conll2003-train.jsonl.gz")) {
  const { id, headline, text, date } = item as { id: string; headline: string; text: string; date: string | null };
  const lead = leadOf(` date ${date ?? "1996-08-22"} ${text}\n`, id);
  // `SOCCER - …`: the desk's slug is not part of the headline a lead gives.
  if (lead !== undefined) examples.push({ ...lead, headline: headline.replace(/^[A-Z0-9 ]+ - /u, "") });
}

// Each lead's words with their labels: `keep` when the real headline has the same word (case and inflection aside).
const labelled = examples.map(({ lead, article, headline }) => {
  const tokens = compressionTokens(lead, article);
  const wanted = new Set(headline.split(/\s+/u).map((word) => stem(core(word))));
  const labels: KeepLabel[] = tokens.map((token) => (token.word !== "" && wanted.has(stem(token.word)) ? "keep" : "drop"));
  return { tokens, labels };
});
// How many words of the leads state each feature (the label before aside, which every word states).
const seen = new Map<string, number>();
for (const { tokens } of labelled) {
  for (const i of tokens.keys()) for (const feature of compressionFeatures(tokens, i, "start")) seen.set(feature, (seen.get(feature) ?? 0) + 1);
}
const common = (feature: string): boolean => feature.startsWith("pl") || (seen.get(feature) ?? 0) >= minimumCount;

const trainer = new PerceptronTrainer(["keep", "drop"]);
const random = seededRandom(22);
let used = 0;
for (let epoch = 0; epoch < epochs; epoch++) {
  const order = examples.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (const index of order) {
    const { tokens, labels } = labelled[index]!;
    // A headline that shares no word with its lead teaches nothing about which words to keep.
    if (!labels.includes("keep")) continue;
    if (epoch === 0) used++;
    for (const [i, truth] of labels.entries()) {
      const features = compressionFeatures(tokens, i, i === 0 ? "start" : labels[i - 1]!).filter(common);
      trainer.update(features, truth, trainer.predict(features));
    }
  }
}
const model = trainer.finish(1);
const weights = Object.fromEntries(Object.entries(model.weights).filter(([, values]) => values.some((value) => Math.abs(value) >= prune)));
const json = `${JSON.stringify({ labels: model.labels, weights })}\n`;
writeFileSync(output, json);
console.log(`${examples.length.toLocaleString("en-US")} leads (${reuters.toLocaleString("en-US")} Reuters-21578, ${(examples.length - reuters).toLocaleString("en-US")} CoNLL-2003 train), ${used.toLocaleString("en-US")} sharing a word with their headline; ${epochs} epochs on the features seen ${minimumCount} times or more`);
console.log(`${Object.keys(weights).length.toLocaleString("en-US")} of ${Object.keys(model.weights).length.toLocaleString("en-US")} features kept; ${path.relative(root, output)}: ${(json.length / 1024).toFixed(0)} KiB`);


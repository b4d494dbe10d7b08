// npm run train:headlines — trains the headline compression model (src/enrich/headline/data/compression-model.json)
// from real (lead, headline) pairs: Reuters-21578 titles (all but every fifth article, kept back for
// npm run bench:headlines to measure on) and the CoNLL-2003 train headlines. Never BBC, never CoNLL dev: those measure.
// Each lead is compressed by the headline rules, as deriveHeadline does, and each of its words is labelled `keep`
// when the real headline has the same word (case and inflection aside), else `drop`. An averaged perceptron learns
// the labels from the words' features over a fixed number of epochs, in an order fixed by a seeded shuffle, so the
// same corpus always gives the same model.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { compressionFeatures, compressionTokens, type KeepLabel } from "../src/enrich/headline/compression-features.ts";
import { core } from "../src/enrich/headline/content-words.ts";
import { compressedLead } from "../src/enrich/headline/derive-headline.ts";
import { parseSeed } from "../src/parse/index.ts";
import { PerceptronTrainer } from "../src/text/averaged-perceptron.ts";
import { corpusRecords, root } from "../bench/corpus.ts";
import { seededRandom } from "../bench/seeded-random.ts";
import { isHeldOut, stem } from "../bench/headline-scores.ts";

const epochs = 8;
// Features whose largest averaged weight is below this are left out: they change few decisions and most of the bytes.
// (3 keeps 11,195 of 54,325 features, 251 KiB, and the same scores on npm run bench:headlines to the third decimal.)
const prune = 3;
const output = path.join(root, "src", "enrich", "headline", "data", "compression-model.json");

interface Example {
  readonly lead: string;
  readonly headline: string;
}


/** The lead of a seed text as deriveHeadline sees it: parsed as a seed, compressed by the rules; undefined for a table. */
function leadOf(text: string, id: string): string | undefined {
  const { article } = parseSeed(Buffer.from(text), { id, source: `${id}.txt`, file: `${id}.txt` });
  if (article === undefined) return undefined;
  const lead = compressedLead(article.paragraphs);
  return typeof lead === "string" ? lead : undefined;
}

const examples: Example[] = [];
for (const [n, item] of corpusRecords("articles.jsonl.gz").entries()) {
  const { id, title, text } = item as { id: string; title: string; text: string };
  if (isHeldOut(n) || title === "") continue;
  const lead = leadOf(text, id);
  if (lead !== undefined) examples.push({ lead, headline: title });
}
const reuters = examples.length;
for (const item of corpusRecords("ner/conll2003-train.jsonl.gz")) {
  const { id, headline, text, date } = item as { id: string; headline: string; text: string; date: string | null };
  const lead = leadOf(` date ${date ?? "1996-08-22"} ${text}\n`, id);
  // `SOCCER - …`: the desk's slug is not part of the headline a lead gives.
  if (lead !== undefined) examples.push({ lead, headline: headline.replace(/^[A-Z0-9 ]+ - /u, "") });
}

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
    const { lead, headline } = examples[index]!;
    const tokens = compressionTokens(lead);
    const wanted = new Set(headline.split(/\s+/u).map((word) => stem(core(word))));
    const labels: KeepLabel[] = tokens.map((token) => (token.word !== "" && wanted.has(stem(token.word)) ? "keep" : "drop"));
    // A headline that shares no word with its lead teaches nothing about which words to keep.
    if (!labels.includes("keep")) continue;
    if (epoch === 0) used++;
    for (const [i, truth] of labels.entries()) {
      const features = compressionFeatures(tokens, i, i === 0 ? "start" : labels[i - 1]!);
      trainer.update(features, truth, trainer.predict(features));
    }
  }
}
const model = trainer.finish(1);
const weights = Object.fromEntries(Object.entries(model.weights).filter(([, values]) => values.some((value) => Math.abs(value) >= prune)));
const json = `${JSON.stringify({ labels: model.labels, weights })}\n`;
writeFileSync(output, json);
console.log(`${examples.length.toLocaleString("en-US")} leads (${reuters.toLocaleString("en-US")} Reuters-21578, ${(examples.length - reuters).toLocaleString("en-US")} CoNLL-2003 train), ${used.toLocaleString("en-US")} sharing a word with their headline; ${epochs} epochs`);
console.log(`${Object.keys(weights).length.toLocaleString("en-US")} of ${Object.keys(model.weights).length.toLocaleString("en-US")} features kept; ${path.relative(root, output)}: ${(json.length / 1024).toFixed(0)} KiB`);


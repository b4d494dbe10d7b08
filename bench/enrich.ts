// npm run bench:enrich — CPU milliseconds per article of the whole enrich stage (enrichArticle: headline, summary,
// entities, quotations…) and of its entity and headline steps alone, on the first 3,000 Reuters-21578 articles and
// the 216 CoNLL-2003 dev stories, each parsed as the build parses a seed (parse is not timed). One warm-up pass,
// then the median of 3 timed passes, in CPU time of this one-threaded process (the machine is shared; wall time
// measured what else ran). It also prints a SHA-256 of the enriched records as JSON, per set: a change meant to
// make enrich faster must leave it as it was.
//   --limit N     Reuters articles (default 3000)
//   --passes N    timed passes (default 3)
import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import type { ParsedArticle } from "../src/article.ts";
import { enrichArticle } from "../src/enrich/enrich-article.ts";
import { extractEntities } from "../src/enrich/entities/extract-entities.ts";
import { deriveHeadline } from "../src/enrich/headline/derive-headline.ts";
import { parseSeed } from "../src/parse/index.ts";
import { readConll } from "./conll-score.ts";
import { corpusRecords, median } from "./corpus.ts";

const { values } = parseArgs({ options: { limit: { type: "string", default: "3000" }, passes: { type: "string", default: "3" } } });
const limit = Number(values.limit);
const passes = Number(values.passes);

/** A seed's text parsed as the build parses it. */
function parsed(text: string, id: string): ParsedArticle {
  const result = parseSeed(Buffer.from(text), { id, source: `${id}.txt`, file: `${id}.txt` });
  if (result.article === undefined) throw new Error(`Internal error: corpus seed ${id} does not parse: ${result.problems.map((problem) => problem.message).join("; ")}`);
  return result.article;
}

const reuters = corpusRecords<{ id: string; text: string }>("articles.jsonl.gz")
  .slice(0, limit)
  .map((story) => parsed(story.text, story.id));
// CoNLL seeds as corpus/seeds-from writes them: a story with no dated dateline takes the previous story's date.
let lastDate = "1996-08-22";
const conll = readConll("dev").map((story) => {
  lastDate = story.date ?? lastDate;
  return parsed(` date ${lastDate} ${story.text}\n`, story.id);
});

const cpu = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Median CPU milliseconds per article of `step` over `articles`, after a warm-up pass. */
function time(articles: readonly ParsedArticle[], step: (article: ParsedArticle) => unknown): number {
  const times: number[] = [];
  for (let pass = 0; pass <= passes; pass++) {
    const start = cpu();
    for (const article of articles) step(article);
    if (pass > 0) times.push((cpu() - start) / articles.length);
  }
  return median(times);
}

// Reuters-21578 is a US newswire's archive, as bench:entities reads it.
const sets = [
  { name: "Reuters-21578", articles: reuters, options: { usWire: true } },
  { name: "CoNLL-2003 dev", articles: conll, options: {} },
];
for (const { name, articles, options } of sets) {
  const digest = createHash("sha256")
    .update(JSON.stringify(articles.map((article) => enrichArticle(article, options))))
    .digest("hex");
  const enrich = time(articles, (article) => enrichArticle(article, options));
  const entities = time(articles, (article) => extractEntities(article.paragraphs, { date: article.date, ...options }));
  const headline = time(articles, (article) => deriveHeadline(article.paragraphs));
  console.log(`${name}, ${articles.length} articles: enrich ${enrich.toFixed(3)} ms CPU/article (entities ${entities.toFixed(3)}, headline ${headline.toFixed(3)}; median of ${passes}); records sha256 ${digest.slice(0, 16)}`);
}

// npm run train:entities — trains the entity tagger (src/enrich/entities/tag-names.ts) on CoNLL-2003 train, and
// only train, and writes src/enrich/entities/data/tagger-model.tsv. Reproducible: fixed seed, fixed epoch count,
// stories in file order, features sorted in the model, so the same data gives the same file byte for byte.
//   --holdout   train on the first 850 stories and report names found in the other 96 after each epoch (for tuning
//               the epochs and pruning on train, never on dev); writes nothing.
//   --holdout-model   writes a model trained on the first 850 stories only, for tuning how the extractor combines
//               the tagger with its rules on the other 96 (run it without the flag again afterwards).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { paragraphsOf, rates, readConll, type ConllStory, type Tally } from "../bench/conll-score.ts";
import { seededRandom } from "../bench/seeded-random.ts";
import { caseOf } from "../src/enrich/entities/extract-entities.ts";
import { abbreviations } from "../src/enrich/entities/gazetteer.ts";
import { joinFirmNames } from "../src/enrich/entities/join-firm-names.ts";
import { featuresAt, indexTagger, mayBeName, namesOf, prepare, remember, tags, tagTokens, type Prepared, type StoryMemory } from "../src/enrich/entities/tag-names.ts";
import { tokenize } from "../src/enrich/entities/tokenize.ts";
import { taggerModelFile } from "../src/enrich/entities/data/tagger-model.ts";
import { formatModel, PerceptronTrainer, type PerceptronModel } from "../src/text/averaged-perceptron.ts";

const epochs = 8;
const seed = 22;
// Features whose largest averaged weight is below this are left out: a smaller model, the same tags in practice.
const prune = 0.02;
const holdoutFrom = 850;
const output = taggerModelFile;

interface Sentence {
  readonly prepared: Prepared;
  readonly gold: readonly string[];
}

/** The mixed-case paragraphs of a story as the extractor tokenizes them, each token tagged from the gold mentions. */
function sentencesOf(story: ConllStory): Sentence[] {
  const sentences: Sentence[] = [];
  let offset = 0;
  for (const paragraph of paragraphsOf(story)) {
    if (caseOf(paragraph) === "mixed") {
      const tokens = joinFirmNames(tokenize(paragraph, abbreviations));
      const gold: string[] = [];
      let inside: readonly [number, number, string] | undefined;
      for (const token of tokens) {
        const at = offset + token.start;
        const mention = story.mentions.find(([start, end]) => at >= start && at < end);
        gold.push(mention === undefined ? "O" : `${mention === inside ? "I" : "B"}-${mention[2]}`);
        inside = mention;
      }
      sentences.push({ prepared: prepare(tokens, "mixed"), gold });
    }
    offset += paragraph.length + 2;
  }
  return sentences;
}


/** Trains on whole stories, in a shuffled order, each story's paragraphs in order (the tagger remembers earlier ones). */
function train(stories: readonly (readonly Sentence[])[], afterEpoch?: (trainer: PerceptronTrainer, epoch: number) => void): PerceptronTrainer {
  const trainer = new PerceptronTrainer(tags);
  const next = seededRandom(seed);
  const order = stories.map((_, index) => index);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const memory: StoryMemory = new Map();
      for (const { prepared, gold } of stories[index] as readonly Sentence[]) {
        const guesses: string[] = [];
        for (let i = 0; i < gold.length; i++) {
          const previous = guesses[i - 1] ?? "<s>";
          let guess = "O";
          if (mayBeName(prepared, i, previous)) {
            const features = featuresAt(prepared, i, previous, guesses[i - 2] ?? "<s>", memory);
            guess = trainer.predict(features);
            trainer.update(features, gold[i] as string, guess);
          }
          // Greedy decoding at run time sees its own tags: so does training (Collins 2002).
          guesses.push(guess);
        }
        remember(memory, prepared, guesses);
      }
    }
    afterEpoch?.(trainer, epoch);
  }
  return trainer;
}

function pruned(model: PerceptronModel): PerceptronModel {
  const weights: Record<string, readonly number[]> = {};
  for (const [feature, values] of Object.entries(model.weights)) if (values.some((value) => Math.abs(value) >= prune)) weights[feature] = values;
  return { labels: model.labels, weights };
}

/** Names (type and token span) the model finds against the gold ones, over held-out sentences. */
function evaluate(trained: PerceptronModel, stories: readonly (readonly Sentence[])[]): string {
  const model = indexTagger(trained);
  const tally = new Map<string, Tally>();
  const get = (type: string): Tally => tally.get(type) ?? (tally.set(type, { tp: 0, predicted: 0, gold: 0 }).get(type) as Tally);
  for (const story of stories) {
    const memory: StoryMemory = new Map();
    for (const { prepared, gold } of story) {
      const want = new Set(namesOf(gold).map((name) => `${name.type} ${name.start} ${name.end}`));
      const found = namesOf(tagTokens(model, prepared, memory)).map((name) => `${name.type} ${name.start} ${name.end}`);
      for (const name of want) get(name.split(" ")[0] as string).gold++;
      for (const name of found) {
        const counts = get(name.split(" ")[0] as string);
        counts.predicted++;
        if (want.has(name)) counts.tp++;
      }
    }
  }
  return ["PER", "LOC", "ORG", "MISC"]
    .map((type) => `${type} F1 ${rates(get(type)).f1.toFixed(3)}`)
    .join(", ");
}

const stories = readConll("train");
if (process.argv.includes("--holdout")) {
  const learn = stories.slice(0, holdoutFrom).map(sentencesOf);
  const held = stories.slice(holdoutFrom).map(sentencesOf);
  train(learn, (trainer, epoch) => {
    const model = trainer.finish();
    const small = pruned(model);
    console.log(`epoch ${epoch}: ${evaluate(model, held)}; pruned to ${Object.keys(small.weights).length} of ${Object.keys(model.weights).length} features: ${evaluate(small, held)}`);
  });
} else {
  const learn = process.argv.includes("--holdout-model") ? stories.slice(0, holdoutFrom) : stories;
  const model = pruned(train(learn.map(sentencesOf)).finish());
  const source = formatModel(model);
  writeFileSync(output, source);
  console.log(`${path.relative(process.cwd(), output)}: ${Object.keys(model.weights).length} features, ${(Buffer.byteLength(source) / 1e6).toFixed(2)} MB`);
}

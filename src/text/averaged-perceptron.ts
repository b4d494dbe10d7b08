/**
 * A multiclass averaged perceptron over sparse string features (Collins 2002): the learner behind
 * Dateline's trained taggers. Training keeps, for each weight, the sum of its values over every
 * step, so the model it returns is the average of all the weights it held, which generalises far
 * better than the last ones. A trained model is plain JSON, small enough to commit.
 */

/** A trained model: per feature, one weight per label (in `labels` order); absent features weigh 0. */
export interface PerceptronModel {
  readonly labels: readonly string[];
  readonly weights: Readonly<Record<string, readonly number[]>>;
}

/** The label with the highest score for these features; ties go to the earlier label. */
export function predictLabel(model: PerceptronModel, features: readonly string[]): string {
  return model.labels[bestIndex(scoreLabels(model, features))]!;
}

/** Each label's score for these features, in `labels` order. */
export function scoreLabels(model: PerceptronModel, features: readonly string[]): number[] {
  const scores = new Array<number>(model.labels.length).fill(0);
  for (const feature of features) {
    const weights = model.weights[feature];
    if (weights === undefined) continue;
    for (let i = 0; i < scores.length; i++) scores[i]! += weights[i]!;
  }
  return scores;
}

function bestIndex(scores: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
  return best;
}

/** Learns a `PerceptronModel` one example at a time. */
export class PerceptronTrainer {
  readonly labels: readonly string[];
  readonly #index: Map<string, number>;
  readonly #weights = new Map<string, Float64Array>();
  // Per weight: the running total of its value over all steps, and the step it last changed.
  readonly #totals = new Map<string, Float64Array>();
  readonly #stamps = new Map<string, Float64Array>();
  #step = 0;

  constructor(labels: readonly string[]) {
    if (labels.length < 2) throw new Error("Internal error: a perceptron needs at least two labels");
    this.labels = labels;
    this.#index = new Map(labels.map((label, i) => [label, i]));
  }

  /** The current (not averaged) guess, as training uses it. */
  predict(features: readonly string[]): string {
    const scores = new Array<number>(this.labels.length).fill(0);
    for (const feature of features) {
      const weights = this.#weights.get(feature);
      if (weights !== undefined) for (let i = 0; i < scores.length; i++) scores[i]! += weights[i]!;
    }
    return this.labels[bestIndex(scores)]!;
  }

  /** Learns from one example: if `guess` is not `truth`, moves weight from the guess to the truth. */
  update(features: readonly string[], truth: string, guess: string): void {
    if (truth !== guess) {
      const good = this.#labelIndex(truth);
      const bad = this.#labelIndex(guess);
      for (const feature of features) {
        this.#change(feature, good, 1);
        this.#change(feature, bad, -1);
      }
    }
    this.#step++;
  }

  /**
   * The averaged model. Weights are rounded to `precision` decimals, and features whose every
   * averaged weight rounds to 0 are left out, which keeps the committed model small.
   */
  finish(precision = 3): PerceptronModel {
    const scale = 10 ** precision;
    const weights: Record<string, number[]> = {};
    for (const feature of [...this.#weights.keys()].sort()) {
      const current = this.#weights.get(feature)!;
      const totals = this.#totals.get(feature)!;
      const stamps = this.#stamps.get(feature)!;
      const averaged = Array.from(current, (weight, i) => {
        const total = totals[i]! + (this.#step - stamps[i]!) * weight;
        return Math.round((total / Math.max(1, this.#step)) * scale) / scale;
      });
      if (averaged.some((weight) => weight !== 0)) weights[feature] = averaged;
    }
    return { labels: [...this.labels], weights };
  }

  #labelIndex(label: string): number {
    const index = this.#index.get(label);
    if (index === undefined) throw new Error(`Internal error: unknown perceptron label ${label}`);
    return index;
  }

  #change(feature: string, label: number, by: number): void {
    let weights = this.#weights.get(feature);
    if (weights === undefined) {
      weights = new Float64Array(this.labels.length);
      this.#weights.set(feature, weights);
      this.#totals.set(feature, new Float64Array(this.labels.length));
      this.#stamps.set(feature, new Float64Array(this.labels.length));
    }
    const totals = this.#totals.get(feature)!;
    const stamps = this.#stamps.get(feature)!;
    // Lazy averaging: add the value the weight held since it last changed, then change it.
    totals[label]! += (this.#step - stamps[label]!) * weights[label]!;
    stamps[label] = this.#step;
    weights[label]! += by;
  }
}

/**
 * A model as text, a line per feature, small enough to commit: the labels on the first line, then
 * `feature<TAB>w1,w2,…` sorted by feature, each weight in thousandths (the precision `finish` keeps),
 * empty for 0. It reads back to exactly the same numbers.
 */
export function formatModel(model: PerceptronModel): string {
  const lines = [model.labels.join("\t")];
  for (const feature of Object.keys(model.weights).sort()) {
    if (/[\t\n]/.test(feature)) throw new Error(`Internal error: a perceptron feature holds a tab or a line break: ${JSON.stringify(feature)}`);
    const weights = model.weights[feature]!.map((weight) => (weight === 0 ? "" : String(Math.round(weight * 1000))));
    lines.push(`${feature}\t${weights.join(",")}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The model `formatModel` wrote. */
export function parseModel(text: string): PerceptronModel {
  const [head = "", ...lines] = text.split("\n");
  const labels = head.split("\t");
  const weights: Record<string, number[]> = {};
  for (const line of lines) {
    if (line === "") continue;
    const tab = line.indexOf("\t");
    weights[line.slice(0, tab)] = line
      .slice(tab + 1)
      .split(",")
      .map((weight) => (weight === "" ? 0 : Number(weight) / 1000));
  }
  return { labels, weights };
}

/**
 * Receives one token's features in order, each as a template name and the parts of its value: the feature
 * `name=a|b|c`, or `name` alone. A tagger that states its features through a sink can both list them as strings
 * (to train) and score them against an {@link IndexedModel} without building a string per feature (to tag).
 */
export interface FeatureSink {
  feature0(name: string): void;
  feature1(name: string, a: string): void;
  feature2(name: string, a: string, b: string): void;
  feature3(name: string, a: string, b: string, c: string): void;
}

/** A sink that lists the features as the strings a {@link PerceptronTrainer} and a {@link PerceptronModel} know. */
export class FeatureList implements FeatureSink {
  readonly features: string[] = [];
  feature0(name: string): void {
    this.features.push(name);
  }
  feature1(name: string, a: string): void {
    this.features.push(`${name}=${a}`);
  }
  feature2(name: string, a: string, b: string): void {
    this.features.push(`${name}=${a}|${b}`);
  }
  feature3(name: string, a: string, b: string, c: string): void {
    this.features.push(`${name}=${a}|${b}|${c}`);
  }
}

// A template's features by the parts of their values: an id (arity 0), or maps nested once per part.
type Parts = number | Map<string, Parts>;

/** A model's weights in one array, a row per feature, found by template and value parts (see {@link indexModel}). */
export interface IndexedModel {
  readonly labels: readonly string[];
  /** Row `id` holds the weights of feature `id`, one per label. */
  readonly rows: Float64Array;
  /** Each template's features, by template name. */
  readonly byName: Readonly<Record<string, Parts>>;
}

/**
 * Indexes a model for a {@link FeatureScorer}. A feature is `name=value` (or `name` alone), and `arities` says
 * into how many `|`-separated parts each template's value splits. A part may itself hold a `|`, so a value is
 * filed under every way of cutting it into that many parts: any parts that join back to it find it.
 */
export function indexModel(model: PerceptronModel, arities: Readonly<Record<string, number>>): IndexedModel {
  const width = model.labels.length;
  const features = Object.keys(model.weights);
  const rows = new Float64Array(features.length * width);
  const templates = emptyTemplates(arities);
  features.forEach((feature, id) => {
    rows.set(model.weights[feature]!, id * width);
    fileFeature(templates, arities, feature, id);
  });
  return { labels: model.labels, rows, byName: Object.fromEntries(templates) };
}

/**
 * The model `formatModel` wrote, read straight into an {@link IndexedModel}: what `indexModel(parseModel(text))`
 * gives, in less than half the time and memory (no record of 50,000 arrays on the way), once per worker thread.
 */
export function readIndexedModel(text: string, arities: Readonly<Record<string, number>>): IndexedModel {
  const lines = text.split("\n");
  const labels = (lines[0] ?? "").split("\t");
  const width = labels.length;
  const features = lines.slice(1).filter((line) => line !== "");
  const rows = new Float64Array(features.length * width);
  const templates = emptyTemplates(arities);
  features.forEach((line, id) => {
    const tab = line.indexOf("\t");
    fileFeature(templates, arities, line.slice(0, tab), id);
    // The weights as parseModel reads them, into the feature's row.
    let at = id * width;
    for (let from = tab + 1; from <= line.length; at++) {
      const comma = line.indexOf(",", from);
      const to = comma < 0 ? line.length : comma;
      if (to > from) rows[at] = Number(line.slice(from, to)) / 1000;
      from = to + 1;
    }
  });
  return { labels, rows, byName: Object.fromEntries(templates) };
}

// Every template, in the order `arities` gives them, so every indexed model's object has the same shape; -1 for
// a flag the model does not weigh.
function emptyTemplates(arities: Readonly<Record<string, number>>): Map<string, Parts> {
  return new Map(Object.entries(arities).map(([name, arity]) => [name, arity === 0 ? -1 : new Map()]));
}

function fileFeature(templates: Map<string, Parts>, arities: Readonly<Record<string, number>>, feature: string, id: number): void {
  const equals = feature.indexOf("=");
  const name = equals < 0 ? feature : feature.slice(0, equals);
  const arity = arities[name];
  if (arity === undefined || (arity === 0) !== (equals < 0)) throw new Error(`Internal error: the model's feature ${JSON.stringify(feature)} is of no template the tagger states`);
  if (arity === 0) templates.set(name, id);
  else if (arity === 1) (templates.get(name) as Map<string, Parts>).set(feature.slice(equals + 1), id);
  else for (const parts of cuts(feature.slice(equals + 1), arity)) file(templates, [name, ...parts], id);
}

/** Every way of cutting `value` at its `|` marks into `count` parts. */
function cuts(value: string, count: number): string[][] {
  if (count === 1) return [[value]];
  const out: string[][] = [];
  for (let bar = value.indexOf("|"); bar >= 0; bar = value.indexOf("|", bar + 1)) {
    for (const rest of cuts(value.slice(bar + 1), count - 1)) out.push([value.slice(0, bar), ...rest]);
  }
  return out;
}

function file(map: Map<string, Parts>, keys: readonly string[], id: number): void {
  const [key, ...rest] = keys as [string, ...string[]];
  if (rest.length === 0) {
    map.set(key, id);
    return;
  }
  let inner = map.get(key);
  if (inner === undefined) map.set(key, (inner = new Map()));
  file(inner as Map<string, Parts>, rest, id);
}

/**
 * A sink that adds up the weights of the features it is given, in order, as {@link scoreLabels} does with their
 * strings: the same sums to the last bit, without a string per feature. Reused token after token (`reset`).
 */
export class FeatureScorer implements FeatureSink {
  readonly scores: Float64Array;
  readonly #labels: readonly string[];
  readonly #rows: Float64Array;
  // The templates as an object's properties: a sink is called with constant names, so each call site finds its
  // template through an inline cache rather than a hash look-up.
  readonly #templates: Readonly<Record<string, Parts>>;

  constructor(model: IndexedModel) {
    this.#labels = model.labels;
    this.#rows = model.rows;
    this.#templates = model.byName;
    this.scores = new Float64Array(model.labels.length);
  }

  reset(): void {
    this.scores.fill(0);
  }

  /** The label with the highest score; ties go to the earlier label. */
  best(): string {
    return this.#labels[bestIndex(this.scores)]!;
  }

  feature0(name: string): void {
    this.#add(idOf(this.#templates[name]));
  }
  feature1(name: string, a: string): void {
    this.#add(idOf(part(this.#templates[name], a)));
  }
  feature2(name: string, a: string, b: string): void {
    this.#add(idOf(part(part(this.#templates[name], a), b)));
  }
  feature3(name: string, a: string, b: string, c: string): void {
    this.#add(idOf(part(part(part(this.#templates[name], a), b), c)));
  }

  // Adds the weights of feature `id`; -1 for a feature the model does not weigh.
  #add(id: number): void {
    if (id < 0) return;
    const { scores } = this;
    const rows = this.#rows;
    const at = id * scores.length;
    for (let i = 0; i < scores.length; i++) scores[i]! += rows[at + i]!;
  }
}

const idOf = (parts: Parts | undefined): number => (typeof parts === "number" ? parts : -1);
const part = (parts: Parts | undefined, key: string): Parts | undefined => (parts === undefined || typeof parts === "number" ? undefined : parts.get(key));

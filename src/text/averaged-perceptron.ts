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

function bestIndex(scores: readonly number[]): number {
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

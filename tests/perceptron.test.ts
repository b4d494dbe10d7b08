import { describe, expect, test } from "vitest";
import { FeatureList, FeatureScorer, formatModel, indexModel, parseModel, PerceptronTrainer, predictLabel, readIndexedModel, scoreLabels, type FeatureSink } from "../src/text/averaged-perceptron.ts";

describe("averaged perceptron", () => {
  test("learns a separable rule and keeps it after averaging", () => {
    const trainer = new PerceptronTrainer(["O", "NAME"]);
    const examples: [string[], string][] = [
      [["word=reagan", "shape=Xx", "prev=said"], "NAME"],
      [["word=the", "shape=Xx", "prev=said"], "O"],
      [["word=said", "shape=x", "prev=reagan"], "O"],
      [["word=wright", "shape=Xx", "prev=mr"], "NAME"],
      [["word=oil", "shape=x", "prev=the"], "O"],
    ];
    for (let round = 0; round < 10; round++) for (const [features, truth] of examples) trainer.update(features, truth, trainer.predict(features));
    const model = trainer.finish();
    for (const [features, truth] of examples) expect(predictLabel(model, features)).toBe(truth);
    // A feature that only ever pushed one way keeps a weight; the model is JSON.
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    expect(model.weights["word=wright"]![1]).toBeGreaterThan(0);
  });

  test("should write a model as text that reads back to the same weights, and refuse a feature it could not write", () => {
    const model = { labels: ["O", "B-PER"], weights: { "w=reagan": [-1.25, 0.003], "shape=Xx": [0, -2], bias: [0.5, 0] } };
    const text = formatModel(model);
    expect(text).toBe("O\tB-PER\nbias\t500,\nshape=Xx\t,-2000\nw=reagan\t-1250,3\n");
    expect(parseModel(text)).toEqual(model);
    expect(() => formatModel({ labels: ["O", "X"], weights: { "a\tb": [1, 0] } })).toThrow(/tab or a line break/);
  });
});

describe("indexed model", () => {
  // Values whose parts hold the separator: `a|b|c` in a two-part template is ("a|b", "c") or ("a", "b|c").
  const model = {
    labels: ["O", "B-PER", "I-PER"],
    weights: {
      b: [0.1, -0.2, 0.3],
      "w=reagan": [-1.25, 2.5, 0.003],
      "w=|": [0.7, 0, 0],
      "ww+1=a|b|c": [0.25, 0.5, -0.75],
      "ww+1=said||": [0, 1.5, 0],
      "s-1s=X|Xx|x": [0.125, 0, -0.5],
      "s-1s=||Xx||": [0, 0, 2],
    },
  };
  const arities = { b: 0, first: 0, w: 1, "ww+1": 2, "s-1s": 3 };
  type Statement = readonly [string, ...string[]];
  const state = (sink: FeatureSink, statements: readonly Statement[]): void => {
    for (const [name, ...parts] of statements) {
      if (parts.length === 0) sink.feature0(name);
      else if (parts.length === 1) sink.feature1(name, parts[0]!);
      else if (parts.length === 2) sink.feature2(name, parts[0]!, parts[1]!);
      else sink.feature3(name, parts[0]!, parts[1]!, parts[2]!);
    }
  };

  test("should score features by their parts to the same sums, to the last bit, as their strings score", () => {
    const cases: Statement[][] = [
      [["b"], ["w", "reagan"], ["ww+1", "a|b", "c"], ["s-1s", "X", "Xx", "x"]],
      [["b"], ["ww+1", "a", "b|c"], ["s-1s", "|", "Xx", "|"], ["s-1s", "", "", "Xx||"], ["s-1s", "|", "|Xx|", "|"]],
      // Absent features, a flag the model does not weigh, and a separator that is a whole part.
      [["first"], ["w", "nobody"], ["ww+1", "said", "|"], ["ww+1", "said|", ""], ["w", "|"], ["s-1s", "X", "Xx", "y"]],
    ];
    const scorer = new FeatureScorer(indexModel(model, arities));
    for (const statements of cases) {
      const list = new FeatureList();
      state(list, statements);
      scorer.reset();
      state(scorer, statements);
      expect([...scorer.scores]).toEqual(scoreLabels(model, list.features));
      expect(scorer.best()).toBe(predictLabel(model, list.features));
    }
    // "said||" cut as ("said|", "|") is no feature: its string is "said|||".
    scorer.reset();
    state(scorer, [["ww+1", "said|", "|"]]);
    expect([...scorer.scores]).toEqual([0, 0, 0]);
  });

  test("should read a model's text into the same index as parsing it and indexing the record", () => {
    const text = formatModel(model);
    expect(readIndexedModel(text, arities)).toEqual(indexModel(parseModel(text), arities));
  });

  test("should refuse a model whose features the tagger does not state", () => {
    expect(() => indexModel({ labels: ["O", "X"], weights: { "shape=Xx": [1, 0] } }, arities)).toThrow(/Internal error: .*"shape=Xx"/);
    expect(() => indexModel({ labels: ["O", "X"], weights: { "b=1": [1, 0] } }, arities)).toThrow(/Internal error/);
  });
});

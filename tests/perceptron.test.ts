import { describe, expect, test } from "vitest";
import { formatModel, parseModel, PerceptronTrainer, predictLabel } from "../src/text/averaged-perceptron.ts";

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

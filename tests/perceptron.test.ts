import { describe, expect, it } from "vitest";
import { PerceptronTrainer, predictLabel } from "../src/text/averaged-perceptron.ts";

describe("averaged perceptron", () => {
  it("learns a separable rule and keeps it after averaging", () => {
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
});

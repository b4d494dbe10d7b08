// The headline compression model, `data/compression-model.json`, written by `npm run train:headlines`
// (tools/train-headlines.ts): do not edit it by hand. Read on first use rather than on import, so a build whose
// seeds all carry a title, and every command that derives none, never pays for it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../../files/package-root.ts";
import { indexModel, type IndexedModel, type PerceptronModel } from "../../text/averaged-perceptron.ts";
import { compressionArities } from "./compression-features.ts";

/** Where the model lives: found from the package's root, so the compiled bundle finds it too. */
export const compressionModelFile = path.join(packageRoot, "src", "enrich", "headline", "data", "compression-model.json");

let loaded: IndexedModel | undefined;

/** The trained compression model, indexed for scoring: read once per thread, when a headline is first derived. */
export function compressionModel(): IndexedModel {
  loaded ??= indexModel(JSON.parse(readFileSync(compressionModelFile, "utf8")) as PerceptronModel, compressionArities);
  return loaded;
}

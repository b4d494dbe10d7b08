// The entity tagger's model, `tagger-model.tsv` beside this file, written by `npm run train:entities`
// (tools/train-entities.ts) from CoNLL-2003 train: do not edit it by hand. Read once per thread, when a mixed-case
// paragraph is first tagged (about 1.7 MB of text, a line per feature), straight into the indexed form tagging uses:
// loading it on import cost every build's main thread 100–140 ms even when it enriched nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../../../files/package-root.ts";
import { readIndexedModel, type IndexedModel } from "../../../text/averaged-perceptron.ts";
import { templateArities } from "../tag-names.ts";

/** Where the model lives: found from the package's root, so the compiled bundle finds it too. */
export const taggerModelFile = path.join(packageRoot, "src", "enrich", "entities", "data", "tagger-model.tsv");

let loaded: IndexedModel | undefined;

/** The tagger's model, read on the first call and kept for the thread's life. */
export function taggerModel(): IndexedModel {
  return (loaded ??= readIndexedModel(readFileSync(taggerModelFile, "utf8"), templateArities));
}

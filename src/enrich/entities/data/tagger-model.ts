// The entity tagger's model, `tagger-model.tsv` beside this file, written by `npm run train:entities`
// (tools/train-entities.ts) from CoNLL-2003 train: do not edit it by hand. Read once per thread, when the
// entity extractor is first imported (about 1.7 MB of text, a line per feature), straight into the indexed form tagging uses.
import { readFileSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../../../files/package-root.ts";
import { readIndexedModel, type IndexedModel } from "../../../text/averaged-perceptron.ts";
import { templateArities } from "../tag-names.ts";

/** Where the model lives: found from the package's root, so the compiled bundle finds it too. */
export const taggerModelFile = path.join(packageRoot, "src", "enrich", "entities", "data", "tagger-model.tsv");

export const taggerModel: IndexedModel = readIndexedModel(readFileSync(taggerModelFile, "utf8"), templateArities);

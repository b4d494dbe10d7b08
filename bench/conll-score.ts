// CoNLL-2003 stories and their gold names, and the scorer npm run bench:entities and npm run train:entities share.
//
// The scorer: per story, the distinct names of each type (people PER, places LOC, organisations ORG; MISC is not
// scored) against the distinct names the extractor returns for the story's body. Names compare case-insensitively
// after the gazetteer's canonical name is taken for both sides ("U.S." and "United States" are one place), and a
// person's surname alone counts as the full name ("Clinton" and "Bill Clinton" in one story are one gold person, and
// either matches the other). The source's own credit ("told Reuters": every CoNLL story is a Reuters story) is
// no organisation of the story (issue 22), so it is left out of the gold names. Matches are one to one; true positives, predictions and gold names are summed over the
// stories (micro-average).
import type { Entities } from "../src/article.ts";
import { legalSuffixes } from "../src/enrich/entities/data/legal-forms.ts";
import { abbreviations, lookUp } from "../src/enrich/entities/gazetteer.ts";
import { tokenize } from "../src/enrich/entities/tokenize.ts";
import { corpusRecords } from "./corpus.ts";

/** One CoNLL-2003 story as the corpus stores it. */
export interface ConllStory {
  readonly id: string;
  readonly date: string | null;
  readonly text: string;
  readonly entities: { readonly people: readonly string[]; readonly places: readonly string[]; readonly organisations: readonly string[] };
  /** `[start, end, type]` offsets into `text`. */
  readonly mentions: readonly (readonly [number, number, string])[];
}

export type Kind = "people" | "places" | "organisations";
export const kinds: readonly Kind[] = ["people", "places", "organisations"];

export interface Tally {
  tp: number;
  predicted: number;
  gold: number;
}

/** The stories of `conll2003-<split>.jsonl.gz`. */
export function readConll(split: "train" | "dev"): ConllStory[] {
  return corpusRecords<ConllStory>(`ner/conll2003-${split}.jsonl.gz`);
}

/** A story's body as the extractor receives it: its paragraphs. */
export const paragraphsOf = (story: ConllStory): string[] => story.text.split("\n\n");

/**
 * The gazetteer's name for a place or organisation written `name`, else `name` without a final legal form or full
 * stop ("Doubletree Corp." and "Doubletree" are one company, as the extractor names companies); compared without case.
 */
function canonical(name: string): string {
  const tokens = tokenize(name, abbreviations).filter((token) => token.word);
  const match = lookUp(tokens, 0, tokens.length, "mixed");
  if (match !== undefined && match.length === tokens.length && match.entry.kind !== "region") return match.entry.name.toLowerCase();
  const words = name.toLowerCase().replace(/'s$/, "").split(" ");
  while (words.length > 1 && legalSuffixes.has(words.at(-1) ?? "")) words.pop();
  return words.join(" ").replace(/\.$/, "");
}

const surname = (name: string): string => name.toLowerCase().split(" ").at(-1) ?? "";

/** Gold people of a story with a surname alone folded into the full name that ends with it. */
function foldSurnames(names: readonly string[]): string[] {
  const lower = [...new Set(names.map((name) => name.toLowerCase()))];
  return lower.filter((name) => name.includes(" ") || !lower.some((other) => other !== name && other.includes(" ") && surname(other) === name));
}

const samePerson = (a: string, b: string): boolean => a === b || ((!a.includes(" ") || !b.includes(" ")) && surname(a) === surname(b));

/** Adds one story's matches to the tallies. */
export function scoreStory(story: ConllStory, found: Entities, tally: Record<Kind, Tally>): void {
  const predicted: Record<Kind, string[]> = {
    people: foldSurnames(found.people.map((person) => person.name)),
    places: [...new Set(found.places.map(canonical))],
    organisations: [...new Set(found.organisations.map(canonical))],
  };
  const gold: Record<Kind, string[]> = {
    people: foldSurnames(story.entities.people),
    places: [...new Set(story.entities.places.map(canonical))],
    organisations: [...new Set(story.entities.organisations.map(canonical))].filter((name) => name !== "reuters"),
  };
  for (const kind of kinds) {
    const left = [...gold[kind]];
    for (const name of predicted[kind]) {
      const at = left.findIndex((other) => (kind === "people" ? samePerson(name, other) : name === other));
      if (at === -1) continue;
      left.splice(at, 1);
      tally[kind].tp++;
    }
    tally[kind].predicted += predicted[kind].length;
    tally[kind].gold += gold[kind].length;
  }
}

export const emptyTally = (): Record<Kind, Tally> => ({ people: { tp: 0, predicted: 0, gold: 0 }, places: { tp: 0, predicted: 0, gold: 0 }, organisations: { tp: 0, predicted: 0, gold: 0 } });

/** Precision, recall and F1 of a tally. */
export function rates({ tp, predicted, gold }: Tally): { precision: number; recall: number; f1: number } {
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = gold === 0 ? 0 : tp / gold;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

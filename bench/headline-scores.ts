// The measures npm run bench:headlines reports, shared with npm run train:headlines (which leaves out what it measures on).
import { removeStopwords } from "stopword";

/** Content words as the issue measured them: runs of letters and digits (joined by ' ’ . & -), lower-cased, without `stopword`'s English list. */
export function contentWords(text: string): Set<string> {
  return new Set(removeStopwords(text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*/gu) ?? []));
}

/** Content-word precision, recall and F1 of a derived headline against the real one; undefined when the real one has no content word. */
export function headlineScore(derived: string, real: string): { precision: number; recall: number; f1: number } | undefined {
  const wanted = contentWords(real);
  if (wanted.size === 0) return undefined;
  const ours = contentWords(derived);
  const shared = [...ours].filter((word) => wanted.has(word)).length;
  const precision = ours.size === 0 ? 0 : shared / ours.size;
  const recall = shared / wanted.size;
  return { precision, recall, f1: shared === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** Every fifth Reuters-21578 article (by its running number) is kept out of training, to measure on unseen leads. */
export function isHeldOut(n: number): boolean {
  return n % 5 === 0;
}

// The stem that matches a lead's words with a headline's, shared with the compression features.
export { stem } from "../src/enrich/headline/content-words.ts";

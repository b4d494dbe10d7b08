import { clipHeadline, hanging } from "./clip-headline.ts";
import { contentWords } from "./content-words.ts";

// The share of its content words a headline may lose to fit the short length before it takes the long one
// (npm run bench:headlines: 0.175 keeps the median length at 90).
const affordable = 0.175;
// Where a short headline may end: in the last 15% of its length; a long one, in its last 10% (else at a word, with `…`).
const shortEnd = 0.85;
const longEnd = 0.9;

/**
 * Fits a headline to `short` characters, ending where a clause or phrase ends, unless that loses more than
 * a sixth of its content words; then it keeps up to `long` characters, ending at a phrase or else at a word with `…`.
 */
export function fitHeadline(text: string, short: number, long: number): string {
  const brief = clipHeadline(text, short, short, shortEnd);
  const full = outsideName(text, clipHeadline(text, long, long, longEnd));
  const kept = new Set(contentWords(brief));
  const words = contentWords(full);
  const lost = words.filter((word) => !kept.has(word)).length;
  return lost <= affordable * words.length ? brief : full;
}

/** A cut that fell inside a name (`… between Chinese Foreign…`) moved back before the name. */
function outsideName(text: string, cut: string): string {
  if (!cut.endsWith("…")) return cut;
  const kept = cut.slice(0, -1);
  // Past the kept words (and any punctuation trimmed after them) comes the first word cut off.
  if (!/^[\s,;:.—–-]*\s\p{Lu}/u.test(text.slice(kept.length))) return cut;
  const words = kept.split(" ");
  while (words.length > 3 && /^\p{Lu}/u.test(words.at(-1) ?? "")) words.pop();
  while (words.length > 3 && hanging.has((words.at(-1) ?? "").toLowerCase())) words.pop();
  return `${words.join(" ").replace(/[\s,;:.—–-]+$/u, "")}…`;
}

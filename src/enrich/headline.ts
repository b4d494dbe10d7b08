import { sentences } from "./sentences.ts";
import { shorten } from "./shorten.ts";

/** Longest derived headline, ellipsis included. */
export const maxHeadline = 110;

/** A headline for an article without one: its lead sentence, cut at a clause or word boundary. */
export function deriveHeadline(paragraphs: readonly string[]): string {
  const lead = paragraphs.find((paragraph) => /[\p{L}\p{N}]/u.test(paragraph)) ?? paragraphs[0] ?? "";
  const sentence = sentences(lead)[0] ?? lead;
  // A headline carries no closing full stop; `?` and `!` are part of the meaning.
  const bare = sentence.replace(/(?<![A-Z]\.[A-Z]|\b[A-Z])\.$/u, "");
  return shorten(bare, maxHeadline);
}

import { sentences } from "./sentences.ts";
import { shorten } from "./shorten.ts";

/** Longest summary, in characters. */
export const maxSummary = 240;

/** The lead paragraph, kept to whole sentences that fit, else cut at a word boundary. */
export function deriveSummary(paragraphs: readonly string[]): string {
  const lead = paragraphs[0] ?? "";
  if (lead.length <= maxSummary) return lead;
  let summary = "";
  for (const sentence of sentences(lead)) {
    const next = summary === "" ? sentence : `${summary} ${sentence}`;
    if (next.length > maxSummary) break;
    summary = next;
  }
  return summary !== "" ? summary : shorten(lead, maxSummary);
}

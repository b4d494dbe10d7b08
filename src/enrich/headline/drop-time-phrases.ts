import { tidyClauses } from "./tidy-clauses.ts";

const day = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const part = "(?:morning|afternoon|evening|night)";
// When the news happened, which a headline leaves to the dateline: `on Saturday`, `today`, `late yesterday`,
// `last week`, `this morning`, `said Friday`. Possessives (`Monday's meeting`), dates (`as of Friday, April 3`)
// and dates with a day number are kept.
const when = new RegExp(
  [
    `\\b(?:on|late|early|earlier|last) ${day}(?: ${part})?`,
    `(?<=\\b(?:said|says) )${day}(?: ${part})?`,
    `\\b(?:earlier |late |early )?(?:today|yesterday|tonight)`,
    `\\b(?:earlier |late )?(?:last|this) (?:week|weekend|month|${part})`,
    `\\bover the weekend`,
  ]
    .map((pattern) => `(?:${pattern})(?![\\p{L}\\p{N}'’])`)
    .join("|"),
  "giu",
);

/** Drops phrases that only say when the news happened (`China on Saturday called` → `China called`). */
export function dropTimePhrases(text: string): string {
  return tidyClauses(text.replace(when, ""));
}

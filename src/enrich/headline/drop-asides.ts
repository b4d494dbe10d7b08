import { tidyClauses } from "./tidy-clauses.ts";

// An aside between commas that only describes what came before it: an appositive (`Conoco, a unit of DuPont,`)
// or a non-restrictive relative clause (`ministers, who met this week,`), also at the end of the sentence; and a
// superlative appositive between commas (`ABN Amro, Netherlands' largest bank,`, `GM, the world's biggest carmaker,`).
const aside = /,\s(?:a|an|which|who|whose|where)\s[^,;:]*(?:,|$)|,\s(?:the\s)?\p{L}+['’]s?\s(?:\p{Ll}+\s){0,3}?(?:largest|biggest|oldest|leading|best-selling|top|main|second-largest|third-largest)\s[^,;:]*,/giu;
// A participle phrase between commas (`Teva, based in Israel, said`, `GDP, calculated at 1980 prices, rose`).
const participial = /,\s(?:\p{Ll}+ly\s)?\p{Ll}+(?:ed|ing)\s[^,;:]*,/gu;
// `Quadram, a unit of Intelligent Systems Corp,`: wire style names the better-known parent (`Intelligent Systems Corp unit Quadram`).
const unit = /^([^,]{2,60}),\s(?:a|an|the)\s(?:[^,\s]+\s){0,4}(?:unit|subsidiary|division|affiliate)\sof\s([^,]{2,60}),/iu;
// A phrase that opens the sentence before its subject (`In a step that could lead to a breakthrough, Democrats …`).
const opening = /^(?:After|Although|As|Because|Before|Despite|Following|For|If|In|On|Since|Under|Unless|Until|When|While|With|Without|Amid|At|By|During|Though|Once|Unlike)\b[^,]{0,100},\s(?=(?:\S+\s){4})/u;
// `(…)` and `[…]` asides, with the space before them.
const bracketed = /\s*[([][^()[\]]*[)\]]/gu;
// A name of capitalised words followed by an acronym in brackets or between commas: `European Community (EC)`.
const named = /(\p{Lu}[\p{L}&'’-]*(?:\s(?:(?:of|for|and|on|the)\s)*\p{Lu}[\p{L}&'’-]*)*)(?:\s\((\p{Lu}{2,8})\)|,\s(\p{Lu}{2,8}),)/gu;

/**
 * Drops an opening phrase, bracketed asides, appositives, participle phrases and non-restrictive relative
 * clauses, names a unit after its parent, and writes a name the text abbreviates as its acronym
 * (`The Internal Revenue Service (IRS) said` → `The IRS said`).
 */
export function dropAsides(text: string): string {
  const abbreviated = text.replace(named, (match: string, name: string, bracketed?: string, between?: string) => {
    const acronym = bracketed ?? between ?? "";
    const words = name.split(" ");
    // Walk back over the words the acronym stands for; function words carry no initial.
    let initials = "";
    let first = words.length;
    while (first > 0 && initials.length < acronym.length) {
      first -= 1;
      const initial = words[first]?.[0] ?? "";
      if (/\p{Lu}/u.test(initial)) initials = initial + initials;
    }
    return initials === acronym ? [...words.slice(0, first), acronym].join(" ") : match;
  });
  return tidyClauses(abbreviated.replace(opening, "").replace(unit, "$2 unit $1").replace(bracketed, "").replace(participial, "").replace(aside, ""));
}

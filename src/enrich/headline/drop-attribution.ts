import { tidyClauses } from "./tidy-clauses.ts";
import { isPastForm } from "./verb-base.ts";

// Where or how it was said, between the speech verb and the end of its clause: `in a statement`, `today`.
// It must not hold a clause of its own (`said today there was …`).
const setting = String.raw`(?:\s(?:in|on|at|as|after|before|during|following|from|to|when|while|citing|quoting|adding|today|yesterday|here|late|earlier|later)\b(?![^,;:]*\b(?:there|it|he|she|they|that|will|would|has|had|is|was|were|are)\b)[^,;:]*)?`;
// `…, the company said` or `…, the minister said in a statement,`: a clause that only names the source, with a
// closing appositive (`…, Morgan said for its parent, the arranger`). Clauses led by a conjunction or a relative
// pronoun carry news of their own and stay.
const tail = new RegExp(
  String.raw`,\s(?!(?:and|but|or|while|which|who|as|because)\b)(?:[^,;:]{1,120}?\s)?(?:said|says|reported|added|stated)${setting}(?:,\s(?:the|a|an)\s[^,;:]*$|,|$)`,
  "iu",
);
// `…, said the lead manager` or `…, according to bankers` at the end: a name, not a clause (`said it will` stays).
const invertedTail = /,\s(?:said|according to)\s(?![^,;:]*\b(?:it|its|he|his|she|her|they|their|there|that|we|will|would|has|had|have|is|are|was|were)\b)(?:[^\s,;:]+\s?){1,8}$/iu;
// `Ford said it …`, `Ford told reporters it …`, `Ford said in a statement that …`: the speaker, the verb, a setting.
const clause = String.raw`(?=\s(?:that|it|he|she|they|we)\s)`;
const lead = new RegExp(
  String.raw`^([^;:]{2,100}?)\s(?:said|says|told\s[^,;:]{1,60}?${clause})(?:\s(?:in|on)\s(?:a|an|its|his|her|their)\s[^,;:]{1,60}?${clause})?\s(?:that\s)?(?=\S)`,
  "iu",
);
const pronoun = /^(?:it|he|she|they|we)\s/iu;
// A speaker ending like this is inside another clause (`The company, which said …`).
const embedded = /\b(?:which|who|that|and|but|it|he|she|they)$/iu;
// `, declining to comment`: a participle clause that follows the source and goes with it.
const participle = /^\s\p{Ll}+ing\b/u;

/**
 * Drops who said it where a headline would: `…, the company said` goes, `Ford said it will …` becomes
 * `Ford will …`, and a speaker described between commas keeps only their name (`Jorge Cardenas, manager of
 * the federation, said …` → `Jorge Cardenas said …`).
 */
export function dropAttribution(text: string): string {
  const withoutTail = tidyClauses(dropTail(text).replace(invertedTail, ""));
  const spoken = lead.exec(withoutTail);
  const speaker = spoken?.[1] ?? "";
  if (spoken === null || embedded.test(speaker) || !isNamePhrase(speaker)) return withoutTail;
  const said = withoutTail.slice(spoken[0].length);
  // `Venezuelan authorities have said they will …`: the auxiliary belonged to `said`.
  const who = name(speaker).replace(/\s(?:has|have|had)$/iu, "");
  return pronoun.test(said) ? `${who} ${said.replace(pronoun, "")}` : `${who} said ${said}`;
}

/** Removes every source clause: mid-sentence it closes the gap, before a participle clause it ends the sentence. */
function dropTail(text: string): string {
  let result = text;
  for (let match = tail.exec(result); match !== null; match = tail.exec(result)) {
    const rest = result.slice(match.index + match[0].length);
    const gap = match[0].endsWith(",") && !participle.test(rest);
    result = gap ? `${result.slice(0, match.index)} ${rest}` : result.slice(0, match.index);
  }
  return result;
}

/** Whether a speaker is a noun phrase, not a clause of its own (`Sales rose, and the company`). */
function isNamePhrase(speaker: string): boolean {
  return !/,\s(?:and|but|or|while|as|because)\s/iu.test(speaker) && !speaker.split(" ").some((word) => /^\p{Ll}/u.test(word) && isPastForm(word));
}

/**
 * The name in a speaker described between commas: the part with most capitalised words
 * (`The vice president of the exchange, Richard Torenzano,` → `Richard Torenzano`).
 */
function name(speaker: string): string {
  const parts = speaker.split(/,\s*/u).filter((part) => part !== "");
  if (parts.length < 2) return speaker;
  const capitalised = (part: string): number => {
    const words = part.split(" ");
    return words.filter((word) => /^<?\p{Lu}/u.test(word)).length / words.length;
  };
  return parts.reduce((best, part) => (capitalised(part) > capitalised(best) ? part : best));
}

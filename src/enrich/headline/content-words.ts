// English function words: articles, pronouns, auxiliaries, prepositions, conjunctions and determiners.
const functionWords: ReadonlySet<string> = new Set(
  (
    "a an the this that these those it its he him his she her hers they them their theirs we us our you your i me my " +
    "be is am are was were been being has have had having do does did will would shall should can could may might must " +
    "of in on at to for from by with into onto upon about above below over under between among through during before after " +
    "since until against toward towards via per than as like and or but nor so yet if then else when while where which who " +
    "whom whose what why how there here not no all any both each few more most other some such only own same too very just " +
    "also said says"
  ).split(" "),
);

/** Whether a lower-case word is a function word (`the`, `of`, `said`) rather than one that carries meaning. */
export function isFunctionWord(word: string): boolean {
  return functionWords.has(word);
}

// A word: a run of letters and digits, joined by ' ’ . & - (`U.S`, `AT&T`, `year-on-year`).
const word = /[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*/gu;

/** The words of `text`, lower-cased: `Ford said it'll buy GM` → `ford`, `said`, `it'll`, `buy`, `gm`. */
export function words(text: string): string[] {
  return text.toLowerCase().match(word) ?? [];
}

/** The words of `text` that carry its meaning, lower-cased: `Ford said it will buy GM` → `ford`, `buy`, `gm`. */
export function contentWords(text: string): string[] {
  return words(text).filter((found) => !functionWords.has(found));
}

/** The letters and digits of a written word, lower-cased: `“Direct”,` → `direct`, `U.S.` → `u.s`. */
export function core(text: string): string {
  return words(text).join("");
}

/** A word without its inflection, for matching words across a text: `calls`, `called`, `calling` → `call`. */
export function stem(word: string): string {
  const bare = word.replace(/['’]s$/u, "");
  for (const suffix of ["ies", "ing", "ed", "es", "s"]) {
    if (bare.endsWith(suffix) && bare.length - suffix.length >= 3) return bare.slice(0, -suffix.length) + (suffix === "ies" ? "y" : "");
  }
  return bare;
}

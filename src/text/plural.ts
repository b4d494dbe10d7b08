/** `1 article`, `2 articles`: counts in messages read as English. */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString("en-US")} ${noun}${count === 1 ? "" : "s"}`;
}

const rules = new Map<string, Intl.PluralRules>();

/**
 * The plural category of `count` in a language (`one`, `few`, `other`…), from Intl.PluralRules: in English 0 is
 * `other` ("0 articles"), in French `one` ("0 article"). One rule set per language, not one per call.
 */
export function pluralCategory(lang: string, count: number): Intl.LDMLPluralRule {
  let rule = rules.get(lang);
  if (rule === undefined) {
    rule = new Intl.PluralRules(lang);
    rules.set(lang, rule);
  }
  return rule.select(count);
}

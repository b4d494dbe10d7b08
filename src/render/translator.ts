import type { Site } from "../article.ts";
import { pluralCategory } from "../text/plural.ts";
import de from "./strings/de.json" with { type: "json" };
import en from "./strings/en.json" with { type: "json" };
import es from "./strings/es.json" with { type: "json" };
import fr from "./strings/fr.json" with { type: "json" };

/** A plural message: one text per plural category of Intl.PluralRules; `other` is required, the rest optional. */
export type PluralMessage = Readonly<Partial<Record<Intl.LDMLPluralRule, string>>> & { readonly other: string };
/** An interface text, with `{name}` placeholders; a plural one picks its form by `{count}`. */
export type Message = string | PluralMessage;
/** Every interface text of a language, by key. */
export type Strings = Readonly<Record<string, Message>>;
/** Values for a message's placeholders; numbers are written in the site's language. */
export type MessageValues = Readonly<Record<string, string | number>>;
/** An interface text in the site's language, its placeholders filled. */
export type Translate = (key: string, values?: MessageValues) => string;

/** The languages Dateline ships interface texts for: English, and those of the diplomatic archives. */
export const shippedStrings: Readonly<Record<string, Strings>> = { en, fr, es, de };
const english: Strings = en;

/**
 * The interface texts of a site: English, under the shipped file of the site's language (`fr-CA` reads `fr`), under
 * the site's own `strings`. An override names a key (`nav.latest`), or one form of a plural message
 * (`articles.one`); a key that is neither is an error, so a misspelt override is not silently ignored.
 */
export function siteStrings(site: Pick<Site, "lang" | "strings">): Strings {
  return mergeStrings(shippedStrings[languageOf(site.lang)] ?? english, site.strings);
}

/** English, under a language's texts, under a site's overrides: a key the language lacks reads in English. */
export function mergeStrings(language: Strings, overrides: Readonly<Record<string, string>> = {}): Strings {
  const merged: Record<string, Message> = { ...english, ...language };
  for (const [key, text] of Object.entries(overrides)) {
    const target = overrideTarget(key);
    if (target === undefined) throw new Error(`Unknown interface string \`${key}\` in the site's strings; the keys are those of src/render/strings/en.json (a plural form as \`articles.one\`)`);
    const message = merged[target.key];
    merged[target.key] = target.form !== undefined && typeof message === "object" ? { ...message, [target.form]: text } : text;
  }
  return merged;
}

/** The keys of every interface text, for a "did you mean" of a misspelt override. */
export const stringKeys: readonly string[] = Object.keys(english);

/** Interface-string keys in `overrides` that no message has: for a configuration's check, with its file and line. */
export function unknownStringKeys(overrides: Readonly<Record<string, string>>): string[] {
  return Object.keys(overrides).filter((key) => overrideTarget(key) === undefined);
}

const pluralForm = /^(.+)\.(zero|one|two|few|many|other)$/;

/** The message an override key replaces: a key, or one form (`articles.one`) of a plural message. */
function overrideTarget(key: string): { readonly key: string; readonly form?: Intl.LDMLPluralRule } | undefined {
  if (Object.hasOwn(english, key)) return { key };
  const [, base, form] = pluralForm.exec(key) ?? [];
  return base !== undefined && typeof english[base] === "object" ? { key: base, form: form as Intl.LDMLPluralRule } : undefined;
}

/** The shipped language a BCP 47 tag reads: its own file, else English. */
function languageOf(lang: string): string {
  const language = new Intl.Locale(lang).language;
  return language in shippedStrings ? language : "en";
}

/** A translate function for a site: looks a key up, picks the plural form for `count`, fills the placeholders. */
export function translator(site: Pick<Site, "lang" | "strings">): Translate {
  const strings = siteStrings(site);
  const numbers = new Intl.NumberFormat(site.lang);
  // Most calls are a key alone or a key and a count ("3 min read" for every article of every list): remembered, they
  // cost a map lookup instead of a plural rule, a number format and a replace (~3 µs).
  const remembered = new Map<string, string>();
  const fill = (key: string, values: MessageValues): string => {
    const message = strings[key];
    if (message === undefined) throw new Error(`Internal error: no interface string \`${key}\``);
    const count = values["count"];
    const text = typeof message === "string" ? message : (message[pluralCategory(site.lang, typeof count === "number" ? count : Number.NaN)] ?? message.other);
    return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const value = values[name];
      return value === undefined ? placeholder : typeof value === "number" ? numbers.format(value) : value;
    });
  };
  return (key, values = {}) => {
    const names = Object.keys(values);
    if (names.length > 1 || (names.length === 1 && typeof values["count"] !== "number")) return fill(key, values);
    const memo = `${key}\0${String(values["count"])}`;
    let text = remembered.get(memo);
    if (text === undefined) {
      text = fill(key, values);
      remembered.set(memo, text);
    }
    return text;
  };
}

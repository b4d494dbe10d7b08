import { legalForm } from "../entities/data/legal-forms.ts";

/**
 * Drops the legal form that closes a company's name, as wire headlines do (`Salomon Inc elects …` → `Salomon elects
 * …`, `Textron Inc's unit` → `Textron's unit`): only after a capitalised word, so a name stays a name.
 */
export function dropLegalForms(text: string): string {
  const words = text.split(" ");
  const kept: string[] = [];
  for (const word of words) {
    const [, form = word, tail = ""] = /^(.*?)((?:['’]s)?[,;:]?)$/u.exec(word) ?? [];
    const before = kept.at(-1);
    if (before !== undefined && legalForm.test(form) && /^\p{Lu}[^,;:]*$/u.test(before)) kept[kept.length - 1] = before + tail;
    else kept.push(word);
  }
  return kept.join(" ");
}

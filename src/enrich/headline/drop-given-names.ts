import { firstNames } from "../entities/data/first-names.ts";
import { honorifics, roleHeads, roleModifiers } from "../entities/data/roles.ts";

// A title in front of a name (`Prime Minister`, `Archbishop`, `Mr`): a headline names the person by surname alone.
const title = (word: string): boolean => {
  const lower = word.toLowerCase().replace(/\.$/u, "");
  return /^\p{Lu}/u.test(word) && (roleHeads.has(lower) || roleModifiers.has(lower) || honorifics.has(lower));
};
// A surname: capitalised, no clause mark inside (`Blair,` ends the name and keeps its comma).
const surname = /^\p{Lu}[\p{Ll}'’-]+(?:['’]s)?[,;:]?$/u;
// An initial between given name and surname (`George W. Bush`).
const initial = /^\p{Lu}\.$/u;

/**
 * Names people as headlines do, by surname: `Prime Minister Tony Blair said` → `Blair said`, `Archbishop Desmond
 * Tutu` → `Tutu`, `German Chancellor Gerhard Schroeder` → `German Chancellor Schroeder`. Only a known given name followed by a surname (and no third capitalised word, which would make
 * it a firm's or a place's name: `Charles Schwab Corp`, `Lake George`) counts.
 */
export function dropGivenNames(text: string): string {
  const words = text.split(" ");
  const kept: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const middle = initial.test(words[i + 1] ?? "") ? 1 : 0;
    const last = words[i + 1 + middle] ?? "";
    const after = words[i + 2 + middle] ?? "";
    if (firstNames.has(word) && surname.test(last) && (/[,;:]$/u.test(last) || !/^\p{Lu}/u.test(after))) {
      let titled = kept.length;
      while (titled > 0 && title(kept[titled - 1]!)) titled--;
      // `German Chancellor Gerhard Schroeder`, `House Speaker Jim Wright`: a title a name qualifies stays, or the
      // name would be left describing the person (`German Schroeder`).
      if (!/^\p{Lu}/u.test(kept[titled - 1] ?? "")) kept.length = titled;
      kept.push(last);
      i += 1 + middle;
    } else kept.push(word);
  }
  return kept.join(" ");
}

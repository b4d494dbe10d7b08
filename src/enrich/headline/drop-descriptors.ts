import { isFunctionWord } from "./content-words.ts";

// `Hollywood star Tom Hanks was …`, `Budget airline Ryanair has …`, `Cooper Basin oil producer Santos Ltd said …`:
// a description in lower case (after a name or adjective or two) before the name that is the sentence's subject.
const described = /^((?:\p{Lu}[\p{L}'’.-]*\s){0,3})((?:\p{Ll}[\p{Ll}-]*\s){1,3})(\p{Lu}[\p{L}.&'’-]*(?:\s\p{Lu}[\p{L}.&'’-]*){0,3})(?=\s\p{Ll})/u;

/** Drops the description in front of the subject's name, as headlines name the subject alone: `US comedian Bill Cosby will` → `Bill Cosby will`. */
export function dropDescriptors(text: string): string {
  const match = described.exec(text);
  if (match === null) return text;
  const [whole, , description = "", name = ""] = match;
  // `Shares of Ford rose`, `Sales at Sears`: a function word means the words before the name are not its description.
  // `Hecla Inc unit Hecla Mining Co`: wire style names the parent of a unit on purpose (dropAsides).
  // `Salomon Inc elects Gerald Rosenfeld`: a word that may be a verb (`-s`, `-ed`, `-ing`) makes the name an object.
  const words = description.trim().split(" ");
  if (words.some((word) => isFunctionWord(word) || /^(?:unit|subsidiary|division|affiliate)$|(?:s|ed|ing)$/u.test(word))) return text;
  return name + text.slice(whole.length);
}

import { isFunctionWord } from "./content-words.ts";
import { isPastForm } from "./verb-base.ts";

// `Hollywood star Tom Hanks was …`, `Budget airline Ryanair has …`, `Cooper Basin oil producer Santos Ltd said …`:
// a description in lower case (after a name or adjective or two) before the name that is the sentence's subject.
const described = /^((?:\p{Lu}[\p{L}'’.-]*\s){0,3})((?:\p{Ll}[\p{Ll}-]*\s){1,3})(\p{Lu}[\p{L}.&'’-]*(?:\s\p{Lu}[\p{L}.&'’-]*){0,3})(?=\s\p{Ll})/u;

// `profits at US media giant TimeWarner`, `stake in oil producer Santos`: a description after a preposition, before a name.
const describedObject = /(?<=\s(?:at|of|by|from|with|for|in|on|against|between|as)\s)((?:\p{Lu}\p{L}*\s)?)((?:\p{Ll}[\p{Ll}-]*\s){1,3})(?=\p{Lu}\p{Ll})/gu;

/** Drops the description in front of a name, as headlines name the subject alone: `US comedian Bill Cosby will` → `Bill Cosby will`. */
export function dropDescriptors(text: string): string {
  return dropObjectDescriptors(dropSubjectDescriptor(text));
}

function dropObjectDescriptors(text: string): string {
  return text.replace(describedObject, (whole: string, _nationality: string, description: string) => (isDescription(description) ? "" : whole));
}

// `Shares of Ford rose`, `Sales at Sears`: a function word means the words before the name are not its description.
// `Hecla Inc unit Hecla Mining Co`: wire style names the parent of a unit on purpose (dropAsides).
// `Salomon Inc elects Gerald Rosenfeld`, `King Birendra left Nepal`: a word that may be a verb (`-s`, `-ed`, `-ing`,
// an irregular past) makes the name an object.
function isDescription(description: string): boolean {
  return !description
    .trim()
    .split(" ")
    .some((word) => isFunctionWord(word) || isPastForm(word) || /^(?:unit|subsidiary|division|affiliate)$|(?:s|ed|ing)$/u.test(word));
}

function dropSubjectDescriptor(text: string): string {
  const match = described.exec(text);
  if (match === null) return text;
  const [whole, , description = "", name = ""] = match;
  return isDescription(description) ? name + text.slice(whole.length) : text;
}

// The abbreviations headline style uses for the most common long names (AP Stylebook: `U.S.`, `U.N.` in headlines).
const abbreviations: ReadonlyMap<string, string> = new Map([
  ["United States", "U.S."],
  ["United Kingdom", "U.K."],
  ["United Nations", "U.N."],
]);
const name = new RegExp(`\\b(?:${[...abbreviations.keys()].join("|")})\\b`, "gu");

/** Writes long country and institution names the way headlines abbreviate them: `the United States` → `the U.S.`. */
export function abbreviateNames(text: string): string {
  return text.replace(name, (match) => abbreviations.get(match) ?? match);
}

// `its`, `their`, `his`, `our` before the noun they qualify; `her` can be an object (`told her`) and stays.
const possessive = /(?<=\s)(?:its|their|his|our)\s(?=[\p{L}\p{N}])/gu;

/** Drops possessive determiners, as headlines do: `Alcan closes its smelter` → `Alcan closes smelter`. */
export function dropPossessives(text: string): string {
  return text.replace(possessive, "");
}

// The short verbs of headline style for their longer synonyms (newsroom headline vocabulary: buy for acquire
// or purchase, get for receive, see for expect, cut for reduce, end for terminate, probe for investigate).
const shorter: ReadonlyMap<string, string> = new Map([
  ["acquire", "buy"],
  ["purchase", "buy"],
  ["receive", "get"],
  ["obtain", "get"],
  ["expect", "see"],
  ["anticipate", "see"],
  ["reduce", "cut"],
  ["slash", "cut"],
  ["terminate", "end"],
  ["investigate", "probe"],
  ["commence", "begin"],
  ["attempt", "try"],
  ["assist", "help"],
]);
// `expects to report`, `expects the dollar to rise`: `see` takes no infinitive.
const takesInfinitive = /^(?:expect|anticipate)$/u;

/**
 * The headline word for a verb's base form (`acquire` → `buy`); other verbs stay as they are.
 * @param rest the words after the verb, up to the end of the sentence
 */
export function headlineVerb(base: string, rest: readonly string[]): string {
  if (takesInfinitive.test(base) && rest.slice(0, 6).includes("to")) return base;
  return shorter.get(base) ?? base;
}

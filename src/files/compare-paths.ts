// Numbers inside names compare as numbers (`9_x` before `10_x`), as wire ids run past 99999.
const collator = new Intl.Collator("en", { numeric: true, sensitivity: "variant" });

/** Orders seed paths naturally; code-point order breaks any tie, so the order never depends on the machine. */
export function comparePaths(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

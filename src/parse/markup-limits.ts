import type { DeepNesting } from "./deep-nesting.ts";

/** Most emphasis, link and code markers (`*`, `_`, `[`, `]`, `` ` ``) one paragraph, and one seed, may hold. */
export const markerLimits = { block: 1000, seed: 20_000 };

const marker = /[*_[\]`]/g;

/**
 * Where a Markdown body first holds more emphasis and link markers than `markerLimits` allow, in one paragraph (a run
 * of lines up to a blank one) or in all. micromark matches them in time that grows with the square of their number in
 * a paragraph (8,000 `*` around one word: 0.7 s; 20,000 `[x]`: 2.7 s), so a hostile 4 MiB seed could take hours; an
 * article has a few dozen. Linear: one pass over the text.
 */
export function tooMuchMarkup(markdown: string, limits = markerLimits): DeepNesting | undefined {
  let total = 0;
  let block = 0;
  const lines = markdown.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (line.trim() === "") {
      block = 0;
      continue;
    }
    const count = line.match(marker)?.length ?? 0;
    block += count;
    total += count;
    if (block > limits.block) {
      return { line: index + 1, column: 1, message: `Unexpected paragraph with more than ${limits.block.toLocaleString("en-US")} emphasis, link and code markers, expected at most ${limits.block.toLocaleString("en-US")} (an article has a few dozen)` };
    }
    if (total > limits.seed) {
      return { line: index + 1, column: 1, message: `Unexpected body with more than ${limits.seed.toLocaleString("en-US")} emphasis, link and code markers, expected at most ${limits.seed.toLocaleString("en-US")}` };
    }
  }
  return undefined;
}

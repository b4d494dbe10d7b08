// `the`, `a`, `an` in lower case, and opening the sentence; a capitalised `The` further on starts a name
// (`in The Hague`).
// `a` that means per (`a year`, `25 cts a share`) stays.
const article = /(?<=\s)(?:the|a|an)\s(?=[\p{L}\p{N}<"“'‘])(?<!\ba\s(?=(?:year|month|week|day|hour|share|head|ton|tonne|barrel|piece)\b))|^(?:The|A|An)\s(?=\p{L})/gu;

/** Drops articles, as headlines do: `The Bank of England provides the money market with aid` → `Bank of England provides money market with aid`. */
export function dropArticles(text: string): string {
  return text.replace(article, "");
}

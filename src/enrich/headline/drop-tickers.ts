// `<BP.L>`, `<SRD>`: a stock symbol in angle brackets, a code and no words.
const ticker = /\s*<[\p{Lu}\d.&-]{1,12}>/gu;
// `<Costain Ltd>`: Reuters brackets the names of companies without a listing.
const unlisted = /<([^<>]*\s[^<>]*)>/gu;

/** Drops stock symbols and the brackets around unlisted companies' names: `<Scovill Inc> bought <BP.L>` → `Scovill Inc bought`. */
export function dropTickers(text: string): string {
  return text.replace(ticker, "").replace(unlisted, "$1");
}

// `Qtly div 11 cts vs 11 cts prior`, `Mthly div 6.9 cts vs 6.9 cts prior`, `Qtly div 44.5 cts vs 44.5 cts in prior qtr`.
const declared = /^(Qtly|Qtrly|Quarterly|Mthly|Monthly|Semi-annual|Semi-ann|Annual)?\s?div(?:idend)?\s(.+?)(?:\svs\s(.+?))?(?:\s(?:prior|in\sprior\s.*))?$/iu;
const numbers: ReadonlyMap<string, number> = new Map(
  "nil one two three four five six seven eight nine ten eleven twelve".split(" ").map((word, index) => [word, index]),
);

/**
 * The headline a financial wire gives a dividend table: whether the company raises, cuts or keeps its payout
 * (`Qtly div eight cts vs five cts prior` → `Raises quarterly dividend to eight cts from five cts`);
 * undefined when `row` does not declare a dividend.
 */
export function dividendHeadline(row: string): string | undefined {
  const match = declared.exec(row);
  if (match === null) return undefined;
  const [, every = "", amount = "", before] = match;
  const kind = /^m/iu.test(every) ? "monthly " : /^q/iu.test(every) ? "quarterly " : /^semi/iu.test(every) ? "semi-annual " : /^a/iu.test(every) ? "annual " : "";
  if (before === undefined) return `Sets ${kind}dividend of ${amount}`;
  const [now, then] = [value(amount), value(before)];
  if (amount === before || now === then) return `Sets regular ${kind}dividend of ${amount}`;
  if (now === undefined || then === undefined) return `Sets ${kind}dividend of ${amount} vs ${before}`;
  return `${now > then ? "Raises" : "Cuts"} ${kind}dividend to ${amount} from ${before}`;
}

/** The amount a figure states (`44.5 cts`, `eight cts`); undefined for other units than the first word can tell. */
function value(figure: string): number | undefined {
  const [first = ""] = figure.split(" ");
  const word = numbers.get(first.toLowerCase());
  if (word !== undefined) return word;
  const parsed = Number.parseFloat(first.replace(/,/gu, ""));
  return Number.isNaN(parsed) ? undefined : parsed;
}

// The rows of a results table: `Shr 1.54 dlrs vs 1.27 dlrs`, `Oper net loss 4,036,000 vs profit 983,000`, `Qtr ends Jan 31`.
const net = /^(?:Oper\s)?net\s/iu;
const share = /^(?:Oper\s)?shr\b/iu;
const ended = /^(Qtr|Quarter|Period|Periods)\s(?:ends|ended)\s(.+)$/iu;
// The year-to-date rows a report adds after the quarter's tell which quarter it is (a year has four, nine months three).
const cumulative: readonly (readonly [RegExp, string])[] = [
  [/^(?:year|12\s(?:mths|months))$/iu, "4th qtr"],
  [/^nine\s(?:mths|months)$/iu, "3rd qtr"],
  [/^(?:six\s(?:mths|months)|first\shalf|1st\shalf)$/iu, "2nd qtr"],
];

/**
 * The headline a financial wire gives an earnings table: the period and the net row as written
 * (`Shr 1.54 dlrs vs 1.27 dlrs`, `Net 7,065,000 vs 5,812,000`, `Nine mths` → `3rd qtr net 7,065,000 vs 5,812,000`);
 * undefined when `rows` are not such a table.
 */
export function resultsHeadline(rows: readonly string[]): string | undefined {
  const first = rows[0] ?? "";
  if (!share.test(first) && !net.test(first) && !ended.test(first)) return undefined;
  const figures = rows.find((row) => net.test(row));
  if (figures === undefined) return undefined;
  const period = rows.map((row) => cumulative.find(([label]) => label.test(row))?.[1]).find((found) => found !== undefined);
  const [, label = "", end] = ended.exec(first) ?? [];
  // `Qtr ends Jan 31` without year-to-date rows says it is a quarter, not which one.
  const span = period ?? (end === undefined ? undefined : /^q/iu.test(label) ? "qtr" : "period");
  const when = [span, end === undefined ? undefined : `to ${end}`].filter((part) => part !== undefined);
  const headline = [...when, figures.charAt(0).toLowerCase() + figures.slice(1)].join(" ");
  return headline.charAt(0).toUpperCase() + headline.slice(1);
}

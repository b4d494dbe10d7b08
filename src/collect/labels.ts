/** Human names for dates in the site's language, always in UTC so builds do not depend on the machine's zone. */
export interface DateLabels {
  day(date: string): string;
  month(yearMonth: string): string;
}

/** Date labels for a BCP 47 language tag. */
export function dateLabels(lang: string): DateLabels {
  const day = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" });
  const month = new Intl.DateTimeFormat(lang, { month: "long", year: "numeric", timeZone: "UTC" });
  return {
    day: (date) => day.format(new Date(`${date}T00:00:00Z`)),
    month: (yearMonth) => month.format(new Date(`${yearMonth}-01T00:00:00Z`)),
  };
}

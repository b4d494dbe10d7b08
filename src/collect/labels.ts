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
    day: remembered((date) => day.format(new Date(`${date}T00:00:00Z`))),
    month: remembered((yearMonth) => month.format(new Date(`${yearMonth}-01T00:00:00Z`))),
  };
}

// Every list on every page dates its articles: a 10,000-article build asked for 134,051 labels of 31 days and
// months, and `Intl.DateTimeFormat#format` took ~0.25 s of it. A site has a few thousand dates at most.
function remembered(label: (key: string) => string): (key: string) => string {
  const labels = new Map<string, string>();
  return (key) => {
    let text = labels.get(key);
    if (text === undefined) {
      text = label(key);
      labels.set(key, text);
    }
    return text;
  };
}

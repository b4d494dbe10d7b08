import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import yaml from "js-yaml";
import { deriveSlug } from "../enrich/slug.ts";
import { UsageError } from "../errors.ts";
import { isCalendarDate } from "../parse/date.ts";

/**
 * Writes `<seeds>/<date>-<slug>.md`, a Markdown seed with the headline and date in its front matter and a line
 * to replace by the article, and returns its path. Refuses to replace a seed that exists (a UsageError).
 * @param date `YYYY-MM-DD`; by default today where the command runs.
 */
export async function newSeed(seeds: string, headline: string, date = today()): Promise<string> {
  if (!isCalendarDate(date)) throw new UsageError(`--date ${date} is not a day: write it as YYYY-MM-DD, e.g. 2022-03-06`);
  const title = headline.trim();
  const file = path.join(seeds, `${date}-${deriveSlug(title, "article")}.md`);
  // Core schema: the date stays the text it is, as the seed parser reads it.
  const frontMatter = yaml.dump({ title, date }, { schema: yaml.CORE_SCHEMA, lineWidth: -1 });
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, `---\n${frontMatter}---\n\nWrite the first paragraph here: who, what, where and when.\n`, { flag: "wx" });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "EEXIST") throw new UsageError(`${file} exists already; choose another headline or --date, or edit that seed`);
    throw cause;
  }
  return file;
}

/** Today's date where the command runs, as YYYY-MM-DD. */
function today(): string {
  // Swedish writes dates as ISO 8601 does.
  return new Intl.DateTimeFormat("sv-SE", { year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

import { countryChanges } from "./data/places.ts";

/**
 * The country a place listed under `country` belonged to on `date` (`YYYY-MM-DD`): Moscow is in the Soviet Union
 * in a 1987 story and in Russia in a 2022 one. Without a date, today's country.
 */
export function countryOn(country: string, date: string | undefined): string {
  if (date === undefined) return countryChanges.find((change) => change.after !== undefined && change.members.includes(country))?.after ?? country;
  for (const change of countryChanges) {
    if (!change.members.includes(country)) continue;
    if (date < change.date && change.before !== undefined) return change.before;
    if (date >= change.date && change.after !== undefined) return change.after;
  }
  return country;
}

/**
 * The country a story means by a country's name on `date`: a name that a country took over whole ("Germany", West
 * Germany's before 1990-10-03) stands for the country of the day; any other name stands for itself ("Russia" in 1987 is
 * still Russia, a part, not the Soviet Union).
 */
export function countryNamedOn(name: string, date: string | undefined): string {
  if (date === undefined) return name;
  const change = countryChanges.find((candidate) => candidate.members.length === 1 && candidate.members[0] === name && candidate.before !== undefined);
  return change !== undefined && date < change.date ? (change.before ?? name) : name;
}

import type { Article, Person } from "../article.ts";

// Given names and the short forms news copy uses for them: "Jim Wright" and "James Wright" are one person.
const shortForms: Readonly<Record<string, string>> = {
  jim: "james", jimmy: "james", jamie: "james", bill: "william", billy: "william", will: "william", willie: "william",
  bob: "robert", bobby: "robert", rob: "robert", mike: "michael", mick: "michael", tom: "thomas", tommy: "thomas",
  dick: "richard", rick: "richard", rich: "richard", ted: "edward", ed: "edward", eddie: "edward", ron: "ronald",
  don: "donald", dan: "daniel", danny: "daniel", dave: "david", joe: "joseph", jack: "john", johnny: "john",
  chuck: "charles", charlie: "charles", tony: "anthony", andy: "andrew", fred: "frederick", sam: "samuel",
  steve: "stephen", larry: "lawrence", jerry: "gerald", pat: "patrick", pete: "peter", nick: "nicholas",
  chris: "christopher", ken: "kenneth", ben: "benjamin", al: "albert", hank: "henry", harry: "henry", jeff: "jeffrey",
  matt: "matthew", tim: "timothy", greg: "gregory", phil: "philip", doug: "douglas", walt: "walter", alex: "alexander",
  liz: "elizabeth", beth: "elizabeth", kate: "katherine", cathy: "catherine", sue: "susan", peggy: "margaret", maggie: "margaret",
};

/** Adds a person to an article's people by name: a second mention of one is the first, with a role if either gives one. */
export function addPerson(people: Map<string, Person>, person: Person): void {
  const known = people.get(person.name);
  if (known === undefined) people.set(person.name, person);
  else if (known.role === undefined && person.role !== undefined) people.set(person.name, { ...known, role: person.role });
}

/** A full name with its given name in full ("jim wright" → "james wright"), lower case: the same key, the same person. */
function nameKey(name: string): string {
  const [first = "", ...rest] = name.toLowerCase().split(" ");
  return [shortForms[first] ?? first, ...rest].join(" ");
}

const surnameOf = (name: string): string => name.split(" ").at(-1) ?? "";
const roleKey = (role: string | undefined): string | undefined => role?.toLowerCase();

/**
 * One name per person across the archive. Full names that differ only in a short given name ("Jim Wright", "James
 * Wright") become the form most articles use. A surname alone ("Reagan") becomes the full name that ends with it when
 * the evidence is unambiguous: exactly one such full name in the archive; else the one full name holding the role the
 * article gives ("Treasury Secretary Baker" → James Baker while "Baker" alone stays ambiguous between James and Howard);
 * else, when every role the surname alone is given anywhere points at the same one full name ("President Reagan", never
 * Nancy Reagan's), that name. Extraction already does this within one article. Articles that change are copied.
 * @param kept names the owner fixed (the entity fixes file): never renamed, and the spelling of their full name.
 */
export function mergeSurnames(articles: readonly Article[], kept: ReadonlySet<string> = new Set()): Article[] {
  // Full names by key, with the articles naming each spelling: the most used spelling (then the first in order) wins.
  const spellings = new Map<string, Map<string, number>>();
  for (const article of articles) {
    for (const { name } of article.entities.people) {
      if (!name.includes(" ")) continue;
      const key = nameKey(name);
      const forms = spellings.get(key) ?? new Map<string, number>();
      forms.set(name, (forms.get(name) ?? 0) + 1);
      spellings.set(key, forms);
    }
  }
  const canonical = new Map<string, string>();
  for (const forms of spellings.values()) {
    const best = [...forms.keys()].find((form) => kept.has(form)) ?? [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    for (const form of forms.keys()) if (best !== undefined) canonical.set(form, best);
  }
  // Per surname: the full names ending with it, and the roles each is given.
  const bySurname = new Map<string, Set<string>>();
  const holders = new Map<string, Set<string>>();
  for (const article of articles) {
    for (const person of article.entities.people) {
      const name = canonical.get(person.name);
      if (name === undefined) continue;
      const surname = surnameOf(name);
      bySurname.set(surname, (bySurname.get(surname) ?? new Set()).add(name));
      const role = roleKey(person.role);
      if (role !== undefined) holders.set(`${surname}\0${role}`, (holders.get(`${surname}\0${role}`) ?? new Set()).add(name));
    }
  }
  const byRole = (surname: string, role: string | undefined): string | undefined => {
    const names = role === undefined ? undefined : holders.get(`${surname}\0${role}`);
    return names?.size === 1 ? [...names][0] : undefined;
  };
  // A surname alone given roles that all point at one full name is that person wherever it stands alone.
  const pointed = new Map<string, Set<string>>();
  for (const article of articles) {
    for (const person of article.entities.people) {
      if (person.name.includes(" ") || (bySurname.get(person.name)?.size ?? 0) < 2) continue;
      const holder = byRole(person.name, roleKey(person.role));
      if (holder !== undefined) pointed.set(person.name, (pointed.get(person.name) ?? new Set()).add(holder));
    }
  }
  const full = (name: string, role: string | undefined): string => {
    if (kept.has(name)) return name;
    if (name.includes(" ")) return canonical.get(name) ?? name;
    const candidates = bySurname.get(name);
    if (candidates === undefined) return name;
    if (candidates.size === 1) return [...candidates][0] ?? name;
    const byItsRole = byRole(name, roleKey(role));
    if (byItsRole !== undefined) return byItsRole;
    const roles = pointed.get(name);
    return roles?.size === 1 ? ([...roles][0] ?? name) : name;
  };
  return articles.map((article) => {
    const { people } = article.entities;
    const names = new Map(people.map((person) => [person.name, full(person.name, person.role)]));
    const speaker = (name: string): string => names.get(name) ?? full(name, undefined);
    if (![...names].some(([name, merged]) => name !== merged) && !article.quotes.some((quote) => quote.speaker !== undefined && speaker(quote.speaker) !== quote.speaker)) {
      return article;
    }
    // Two mentions may now be one person ("Reagan" and "Ronald Reagan" in different paragraphs).
    const merged = new Map<string, Person>();
    for (const person of people) addPerson(merged, { ...person, name: names.get(person.name) ?? person.name });
    return {
      ...article,
      entities: { ...article.entities, people: [...merged.values()] },
      quotes: article.quotes.map((quote) => (quote.speaker === undefined ? quote : { ...quote, speaker: speaker(quote.speaker) })),
    };
  });
}

import type { Entities, Person } from "../../article.ts";
import { countryOn } from "./country-on.ts";
import { connectors } from "./data/words.ts";

interface Named {
  readonly name: string;
  order: number;
}

interface PersonFound extends Named {
  /** Lower-case words of the name, for matching short references. */
  readonly words: readonly string[];
  role?: string;
}

interface Reference {
  readonly text: string;
  readonly order: number;
  readonly role?: string;
  /** A title or form of address came with it: a person even if no fuller name is found. */
  readonly cue: boolean;
}

interface Acronym {
  readonly text: string;
  readonly order: number;
  /** What a gazetteer says it stands for when the story doesn't spell it out. */
  readonly name?: string;
  readonly country?: string;
}

/** The initials of a name's capitalised words: "International Trade Commission" → "ITC". */
function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((word) => word !== "" && !connectors.has(word.toLowerCase()))
    .map((word) => word[0])
    .join("")
    .toUpperCase();
}

/**
 * Everything one article mentions, collected paragraph by paragraph in order, then resolved: short references to
 * the full names they stand for, acronyms to the names the story spelt out.
 */
export class Mentions {
  private next = 0;
  private readonly places = new Map<string, Named>();
  private readonly organisations = new Map<string, Named>();
  private readonly companies: { readonly name: string; readonly first: string }[] = [];
  private readonly tickers = new Map<string, string>();
  private readonly people: PersonFound[] = [];
  private readonly references: Reference[] = [];
  private readonly firms: Reference[] = [];
  private readonly acronyms: Acronym[] = [];
  private lastCompany: string | undefined;
  /** Amounts in US dollars or a company with a US legal form: where a story that names no place is set. */
  private american = false;

  constructor(private readonly date: string | undefined) {}

  place(name: string, country?: string): void {
    add(this.places, name, this.next++);
    if (country !== undefined) add(this.places, countryOn(country, this.date), this.next++);
  }

  organisation(name: string, country?: string): void {
    add(this.organisations, name, this.next++);
    if (country !== undefined) add(this.places, countryOn(country, this.date), this.next++);
  }

  company(name: string): void {
    this.organisation(name);
    this.lastCompany = name;
    const first = name.split(" ")[0]?.toLowerCase();
    if (first !== undefined && !this.companies.some((company) => company.name === name)) this.companies.push({ name, first });
  }

  /** Evidence that the story is set in the United States, used only when it names no place (see {@link entities}). */
  americanEvidence(): void {
    this.american = true;
  }

  /** A ticker in angle brackets, standing for the company named just before it. */
  ticker(text: string): void {
    if (this.lastCompany !== undefined && !this.tickers.has(text)) this.tickers.set(text, this.lastCompany);
  }

  person(words: readonly string[], role: string | undefined): void {
    const lower = words.map((word) => word.toLowerCase());
    // "Eduardo de los Angeles" then "De los Angeles": the end of a full name already found is that person.
    const same = this.people.find((person) => (person.words[0] === lower[0] || endsWith(person.words, lower)) && person.words.at(-1) === lower.at(-1));
    if (same !== undefined) {
      if (same.role === undefined && role !== undefined) same.role = role;
      return;
    }
    const found: PersonFound = { name: words.join(" "), words: lower, order: this.next++ };
    if (role !== undefined) found.role = role;
    this.people.push(found);
  }

  /** A name before a word for a firm ("the Cheung Kong group"): the firm's, unless it is the surname of someone named ("the Edelman group"). */
  firm(name: string): void {
    this.firms.push({ text: name, order: this.next++, cue: false });
  }

  /** A single capitalised word that may stand for a person or firm named in full elsewhere in the story. */
  reference(text: string, role: string | undefined, cue: boolean): void {
    this.references.push(role === undefined ? { text, order: this.next++, cue } : { text, order: this.next++, role, cue });
  }

  /** An acronym: the organisation the story spelt out with these initials, else `name`. */
  acronym(text: string, name?: string, country?: string): void {
    this.acronyms.push({ text, order: this.next++, ...(name === undefined ? {} : { name }), ...(country === undefined ? {} : { country }) });
  }

  entities(): Entities {
    this.resolveFirms();
    this.resolveReferences();
    this.resolveAcronyms();
    // "Cheung Kong (Holdings) Ltd" then "Cheung Kong said": a name the story gave a firm first is not also a person's
    // (but "inside trader Ivan Boesky" then "Ivan Boesky and Co" is both).
    const people: Person[] = this.people
      .filter((person) => (this.organisations.get(person.name)?.order ?? Infinity) > person.order)
      .sort((a, b) => a.order - b.order)
      .map((person) => (person.role === undefined ? { name: person.name } : { name: person.name, role: person.role }));
    // Reuters writes US amounts as "dlrs"/"cts" and qualifies all others ("Canadian dlrs"), and "Inc"/"Corp" are US
    // legal forms: a story naming no place but with either is a US story (the corpus's datelines agree 9 times in 10).
    const places = this.places.size === 0 && this.american ? ["United States"] : ordered(this.places);
    return { people, places, organisations: ordered(this.organisations) };
  }

  private resolveReferences(): void {
    for (const reference of this.references) {
      const word = reference.text.toLowerCase();
      const person =
        this.people.find((candidate) => candidate.words.length > 1 && candidate.words.at(-1) === word) ??
        this.people.find((candidate) => candidate.words.length > 1 && candidate.words[0] === word) ??
        this.people.find((candidate) => candidate.words.length === 1 && candidate.words[0] === word);
      if (person !== undefined) {
        person.order = Math.min(person.order, reference.order);
        if (person.role === undefined && reference.role !== undefined) person.role = reference.role;
        continue;
      }
      const company = this.companies.find((candidate) => candidate.first === word) ?? this.tickerCompany(reference.text);
      if (company !== undefined) {
        add(this.organisations, company.name, reference.order);
        continue;
      }
      if (!reference.cue) continue;
      const found: PersonFound = { name: reference.text, words: [word], order: reference.order };
      if (reference.role !== undefined) found.role = reference.role;
      this.people.push(found);
    }
  }

  private resolveFirms(): void {
    for (const firm of this.firms) {
      const word = firm.text.toLowerCase();
      if (this.people.some((person) => person.words.length > 1 && person.words.at(-1) === word)) continue;
      this.company(firm.text);
      add(this.organisations, firm.text, firm.order);
    }
  }

  private tickerCompany(text: string): { readonly name: string } | undefined {
    const name = this.tickers.get(text);
    return name === undefined ? undefined : { name };
  }

  private resolveAcronyms(): void {
    for (const acronym of this.acronyms) {
      const named = acronym.name !== undefined && this.organisations.has(acronym.name);
      const spelt = named ? undefined : [...this.organisations.keys()].find((name) => name.includes(" ") && initials(name) === acronym.text);
      const name = spelt ?? this.tickers.get(acronym.text) ?? acronym.name;
      if (name === undefined) continue;
      add(this.organisations, name, acronym.order);
      if (spelt === undefined && acronym.country !== undefined) add(this.places, countryOn(acronym.country, this.date), acronym.order);
    }
  }
}

function endsWith(words: readonly string[], end: readonly string[]): boolean {
  return end.length < words.length && end.every((word, index) => words[words.length - end.length + index] === word);
}

function add(found: Map<string, Named>, name: string, order: number): void {
  const known = found.get(name);
  if (known === undefined) found.set(name, { name, order });
  else known.order = Math.min(known.order, order);
}

function ordered(found: ReadonlyMap<string, Named>): string[] {
  return [...found.values()].sort((a, b) => a.order - b.order).map((named) => named.name);
}

import type { Entities, Person } from "../../article.ts";
import { countryNamedOn, countryOn } from "./country-on.ts";
import { newsAgencies } from "./data/organisations.ts";
import { connectors } from "./data/words.ts";

interface Named {
  readonly name: string;
  order: number;
}

interface PersonFound extends Named {
  /** Lower-case words of the name, for matching short references. */
  readonly words: readonly string[];
  /** Where the full name was first written (`order` may move earlier to a short reference's). */
  readonly found?: number;
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

  /**
   * @param date the story's date (`YYYY-MM-DD`), for the country a place belonged to then.
   * @param implied whether places the story implies count: the country of a city or national body, and of an adjective.
   */
  constructor(
    private readonly date: string | undefined,
    private readonly implied = true,
  ) {}

  /** A place; `asWritten` when the text says the name means what it says today ("a united Germany" in 1987). */
  place(name: string, country?: string, asWritten = false): void {
    this.note(name);
    add(this.places, asWritten ? name : countryNamedOn(name, this.date), this.next++);
    if (country !== undefined) this.impliedCountry(country);
  }

  /** The country of a place or body the story names, implied (see {@link impliedPlace}) as it was on the story's date. */
  impliedCountry(country: string): void {
    this.impliedPlace(countryOn(country, this.date));
  }

  /** A country the story implies rather than names: a city's, a national body's, an adjective's ("Chinese"). */
  impliedPlace(name: string): void {
    if (this.implied) add(this.places, countryNamedOn(name, this.date), this.next++);
    else this.next++;
  }

  organisation(name: string, country?: string): void {
    this.note(name);
    add(this.organisations, name, this.next++);
    if (country !== undefined) this.impliedCountry(country);
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
    this.note(words.join(" "));
    const lower = words.map((word) => word.toLowerCase());
    // "Eduardo de los Angeles" then "De los Angeles": the end of a full name already found is that person.
    const same = this.people.find((person) => (person.words[0] === lower[0] || endsWith(person.words, lower)) && person.words.at(-1) === lower.at(-1));
    if (same !== undefined) {
      if (same.role === undefined && role !== undefined) same.role = role;
      return;
    }
    const order = this.next++;
    const found: PersonFound = { name: words.join(" "), words: lower, order, found: order };
    if (role !== undefined) found.role = role;
    this.people.push(found);
  }

  /** A name before a word for a firm ("the Cheung Kong group"): the firm's, unless it is the surname of someone named ("the Edelman group"). */
  firm(name: string): void {
    this.note(name);
    this.firms.push({ text: name, order: this.next++, cue: false });
  }

  /** A single capitalised word that may stand for a person or firm named in full elsewhere in the story. */
  reference(text: string, role: string | undefined, cue: boolean): void {
    // A cue or a role decided what the word is ("lead manager Pierson" is a firm's role: no person).
    if (cue || role !== undefined) this.note(text);
    this.references.push(role === undefined ? { text, order: this.next++, cue } : { text, order: this.next++, role, cue });
  }

  /** The lower-case words of the names the rules (not the tagger) recorded since it was last cleared. */
  readonly ruleWords = new Set<string>();
  /** Set while the trained tagger records its names, so that they are not taken for the rules'. */
  tagging = false;

  /** The places and organisations only the tagger gave. */
  private readonly tagged = new Set<string>();

  private note(name: string): void {
    if (this.tagging) {
      this.tagged.add(name);
      return;
    }
    for (const word of name.toLowerCase().split(" ")) this.ruleWords.add(word.endsWith("'s") ? word.slice(0, -2) : word);
  }

  /** An acronym: the organisation the story spelt out with these initials, else `name`. */
  acronym(text: string, name?: string, country?: string): void {
    if (name !== undefined) this.note(text);
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
    // Only the rules' places count here: a word the tagger read as a place ("Food") does not set the story anywhere.
    const placed = [...this.places.keys()].some((name) => !this.tagged.has(name));
    const places = !placed && this.american ? ["United States", ...ordered(this.places)] : ordered(this.places);
    // "the Reagan administration" beside "President Reagan": a name the tagger read as a body or place is a person's.
    const personal = new Set(this.people.flatMap((person) => [person.name.toLowerCase(), person.words.at(-1) ?? ""]));
    const notPersonal = (name: string): boolean => !this.tagged.has(name) || !personal.has(name.toLowerCase());
    // "told Reuters", "AFP reported": a news agency's name credits the story's source, it is not what the story is about.
    return { people, places: places.filter(notPersonal), organisations: ordered(this.organisations).filter((name) => !newsAgencies.has(name) && notPersonal(name)) };
  }

  private resolveReferences(): void {
    for (const reference of this.references) {
      const word = reference.text.toLowerCase();
      // "President Reagan ... Reagan and Nancy Reagan": a titled surname written before a full name is someone else.
      const later = (candidate: PersonFound): boolean => reference.role !== undefined && (candidate.found ?? -1) > reference.order;
      const person =
        this.people.find((candidate) => candidate.words.length > 1 && candidate.words.at(-1) === word && !later(candidate)) ??
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
      if (spelt === undefined && acronym.country !== undefined && this.implied) add(this.places, countryOn(acronym.country, this.date), acronym.order);
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

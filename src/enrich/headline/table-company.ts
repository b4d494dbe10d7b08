// A wire table names its company only in a note (`NOTE: Full name is BDM International Inc.`,
// `Company's full name is …`, `… Inc is full name of company.`); the headline carried the name.
// The name ends at its sentence's full stop (not an initial's: `U.S. Facilities Corp.`), a ticker, or the paragraph.
const fullName = /\bfull name(?: of (?:the )?company)?(?: is)?[\s:-]+<?(\p{Lu}[^<>;]*?)>?(?=\s*(?:<[^<>]*>)?\s*(?:(?<!\b\p{Lu})\.(?:\s|$)|$))/iu;
const namedFirst = /(?:^|\.\s|:\s?|-\s)<?(\p{Lu}[^<>.;:]{2,80}?)>? is (?:the )?full name(?: of (?:the )?company)?\b/u;

/** The company a financial table belongs to, when a note gives its full name; undefined otherwise. */
export function tableCompany(paragraphs: readonly string[]): string | undefined {
  for (const paragraph of paragraphs) {
    const found = namedFirst.exec(paragraph)?.[1] ?? fullName.exec(paragraph)?.[1];
    const name = found?.trim();
    if (name !== undefined && /^\p{Lu}/u.test(name) && name.length <= 60) return name;
  }
  return undefined;
}

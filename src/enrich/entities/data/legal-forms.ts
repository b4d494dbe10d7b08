// The legal forms that close company names: one list for the entity extractor and the headline rules.

/** Legal forms as company names write them, each as `Form|Other|Writings` (`Plc|PLC`, `Inc|Inc.`, `SpA|S.p.A.`). */
const legalForms: readonly string[] = [
  "Inc|Inc.", "Incorporated", "Corp|Corp.", "Corporation", "Co|Co.", "Cos|Cos.", "Company", "Ltd|Ltd.", "Limited", "Plc|PLC", "LP|L.P.",
  "LLC", "AG", "SA|S.A.", "NV|N.V.", "BV|B.V.", "SpA|S.p.A.", "GmbH", "KGaA", "AB", "ASA", "Oy", "Oyj", "KK", "Bhd", "Berhad", "Pty", "Cie",
  "Ltda",
];

// The two views below were two lists until they were merged here, and differed in these forms; each view still
// leaves out what its list did, so that no article's entities or headline change. Adding a form to a view is a
// change to measure (npm run bench:entities, npm run bench:headlines), not a tidy-up.
const notSuffixes: ReadonlySet<string> = new Set(["KGaA", "ASA"]);
const notInHeadlines: ReadonlySet<string> = new Set(["LP", "Oy", "Oyj", "KK", "Berhad", "Cie", "Ltda"]);

const writings: readonly (readonly [string, ...string[]])[] = legalForms.map((spec) => spec.split("|") as [string, ...string[]]);

/**
 * Legal suffixes of company names, dropped from the canonical name ("Texaco Inc" → "Texaco"): every writing in
 * lower case, as tokens are looked up. The writings with a full stop (`inc.`, `s.a.`) also keep the tokenizer
 * from reading that stop as the end of a sentence.
 */
export const legalSuffixes: ReadonlySet<string> = new Set(
  writings.filter(([form]) => !notSuffixes.has(form)).flatMap((all) => all.map((writing) => writing.toLowerCase())),
);

/**
 * The legal form closing a company's name in a headline (`Inc`, `Corp`, `Ltd`, `Plc`, `AG`), as a whole word in
 * the case it is written in, with or without a full stop; dotted writings (`S.A.`) are not matched.
 */
export const legalForm = new RegExp(
  `^(?:${writings
    .filter(([form]) => !notInHeadlines.has(form))
    .flatMap((all) => all.filter((writing) => !writing.includes(".")))
    .join("|")})\\.?$`,
  "u",
);

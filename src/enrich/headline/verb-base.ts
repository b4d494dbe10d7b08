// Common English irregular verbs: base, past, past participle.
const irregular = `
be was been|become became become|begin began begun|bid bid bid|break broke broken|bring brought brought|build built built|buy bought bought|
choose chose chosen|come came come|cut cut cut|deal dealt dealt|do did done|draw drew drawn|drive drove driven|eat ate eaten|fall fell fallen|
feel felt felt|fight fought fought|find found found|fly flew flown|forecast forecast forecast|freeze froze frozen|get got gotten|give gave given|
go went gone|grow grew grown|have had had|hear heard heard|hit hit hit|hold held held|hurt hurt hurt|keep kept kept|know knew known|lay laid laid|
lead led led|leave left left|lend lent lent|let let let|lose lost lost|make made made|mean meant meant|meet met met|pay paid paid|put put put|
quit quit quit|read read read|rise rose risen|run ran run|say said said|see saw seen|seek sought sought|sell sold sold|send sent sent|set set set|
shake shook shaken|shut shut shut|sink sank sunk|speak spoke spoken|spend spent spent|split split split|spread spread spread|stand stood stood|
steal stole stolen|strike struck struck|swing swung swung|take took taken|teach taught taught|tell told told|think thought thought|throw threw thrown|
undercut undercut undercut|understand understood understood|upset upset upset|win won won|withdraw withdrew withdrawn|write wrote written|
overtake overtook overtaken|outbid outbid outbid|forgo forwent forgone|offset offset offset|broadcast broadcast broadcast|
`;
const baseOf = new Map<string, string>();
for (const entry of irregular.split("|")) {
  const [base, past, participle] = entry.trim().split(" ");
  if (base === undefined || past === undefined || participle === undefined) continue;
  baseOf.set(past, base);
  baseOf.set(participle, base);
}
// Regular-looking words that are not past forms of a verb, whose base is in doubt (`exceed`, `need`), or
// `-ing` words that describe (`is willing`, `is outstanding`).
const notVerbs =
  /^(?:.{0,3}|.{0,2}eed|.*ceed|hundred|kindred|sacred|naked|wicked|rugged|ragged|being|(?:un)?willing|outstanding|pending|during|morning|evening|(?:no|some|any|every)thing|interesting|missing|ongoing|promising|surprising|disappointing|encouraging)$/u;
// How a regular stem (the word without `-ed` or `-ing`) ends, and whether its base form adds back an `e`,
// keeps the stem as it is, or is in doubt. The first match wins.
const endings: readonly (readonly [RegExp, "e" | "stem" | "doubt"])[] = [
  [/(?:[cvzgu]|[^aeiou][iu]?at|[iu]r|[^aeiou]ar|[bcdfgkptz]l|s|[^aeiou][aiou]d|[^aeiou](?:in|um|ut|ib|ok|il)|vit|[rn]ven)$/u, "e"], // `rais`, `negotiat`, `acquir`, `settl`, `decid`, `combin`, `invit`, `interven`
  [/^(?:qu|[^aeiouy])*[aeiouy][b-df-hj-np-tv]$/u, "e"], // one syllable, one vowel, one consonant: `vot`, `nam`, `fil`
  [/[lp]et$/u, "e"], // `complet`, `delet`, `compet`
  [/(?:eat|[^aeiou](?:et|or|ap|am|em)|[^i]on)$/u, "doubt"], // `creat`/`treat`, `complet`/`budget`, `restor`/`monitor`, `postpon`/`abandon`
  [/(?:[^aeiou][^aeiou]|[aeiou]{2}[^aeiou]|[aeiou][wxy]|er|en|an|it|ol|al|el|op|y)$/u, "stem"], // `report`, `gain`, `show`, `lower`, `open`, `visit`
];

/** Whether `word` is a past tense or past participle: `raised`, `sold`, `taken`. */
export function isPastForm(word: string): boolean {
  const lower = word.toLowerCase();
  return baseOf.has(lower) || (lower.endsWith("ed") && !notVerbs.test(lower));
}

/**
 * The base form of a past, participle or `-ing` form (`raised` → `raise`, `agreed` → `agree`, `cutting` →
 * `cut`, `sold` → `sell`), or undefined when the spelling leaves it in doubt (`completed`: complete or
 * complet?), so that the caller keeps the word as it was.
 */
export function verbBase(word: string): string | undefined {
  const lower = word.toLowerCase();
  return baseOf.get(lower) ?? regularBase(lower);
}

/** The base of a regular `-ed` or `-ing` form, restoring a dropped `e` or an undoubled consonant. */
function regularBase(word: string): string | undefined {
  if (notVerbs.test(word)) return undefined;
  if (word.endsWith("ied")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("eed")) return word.slice(0, -1);
  const stem = /^(.{2,})(?:ed|ing)$/u.exec(word)?.[1];
  if (stem === undefined) return undefined;
  if (stem.endsWith("ee")) return stem;
  // `stopped`, `planning`: a doubled final consonant, except those English bases end in (`call`, `pass`).
  // British `totalled`, `controlled` double the `l` of a longer base: in doubt.
  if (/([b-df-hj-np-tv-z])\1$/u.test(stem)) {
    // `add`, `err`: a short base keeps its double letter.
    if (!/(?:ll|ss|ff|zz)$/u.test(stem)) return stem.length > 3 ? stem.slice(0, -1) : stem;
    return /ll$/u.test(stem) && /[aeiouy][^aeiouy]+[aeiouy]/u.test(stem) ? undefined : stem;
  }
  const ending = endings.find(([pattern]) => pattern.test(stem))?.[1];
  return ending === "e" ? `${stem}e` : ending === "stem" ? stem : undefined;
}

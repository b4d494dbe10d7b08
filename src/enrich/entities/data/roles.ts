// Words of titles and offices, which are kept as a person's role and never as part of the name.

/** Words that make a run of title words a role: "Foreign Minister", "State Department spokesman". */
export const roleHeads: ReadonlySet<string> = new Set(
  `minister secretary president chairman chairwoman chairperson governor senator representative ambassador chancellor premier director
  commissioner spokesman spokeswoman spokesperson leader speaker mayor king queen prince princess emperor empress sheikh sheik emir sultan pope
  cardinal archbishop bishop judge admiral colonel lieutenant captain sergeant ayatollah executive officer manager analyst economist
  official trader dealer broker strategist counsel attorney lawyer partner treasurer controller comptroller administrator negotiator envoy
  delegate head founder owner counterpart aide adviser advisor consultant professor editor correspondent publisher investor financier
  shareholder candidate nominee prosecutor superintendent inspector councillor congressman congresswoman legislator lawmaker chief deputy
  vice-president vice-chairman president-elect secretary-general director-general commander marshal dictator monarch regent
  ceo vice-premier ministers secretaries presidents chairmen governors senators ambassadors directors commissioners leaders
  spokesmen officials analysts economists executives traders dealers kings princes premiers`.split(/\s+/).filter(Boolean),
);

/** Lower-case words that may stand inside a role before its head: "deputy finance minister", "senior oil analyst". */
export const roleModifiers: ReadonlySet<string> = new Set(
  `deputy vice assistant associate acting former senior chief executive general managing prime foreign finance trade economy economic
  oil energy agriculture agricultural industry commerce state defence defense interior labor labour petroleum mines treasury budget central
  bank government ministry company party union opposition press external international national federal first permanent special top co
  joint regional market research investment portfolio fund commodity commodities grain sugar coffee cocoa metals currency bond equity stock
  money credit securities of the for financial planning information justice health education transport communications environment
  development industrial monetary fiscal exchange military army navy defence intelligence security police court supreme cabinet presidential
  royal crown interim caretaker outgoing incoming designate elected new exchequer staff economics`.split(/\s+/).filter(Boolean),
);

/** Role heads that firms hold as often as people ("lead manager Societe Generale", "adviser Goldman, Sachs and Co"): no sign of a person. */
export const firmRoles: ReadonlySet<string> = new Set(
  `manager managers partner partners adviser advisor advisers advisors shareholder shareholders owner owners investor investors broker brokers
  dealer dealers trader traders consultant consultants underwriter underwriters agent agents arranger counsel`.split(/\s+/).filter(Boolean),
);

/** Plural role heads: "the dollar rose, dealers said" names no one. */
export const pluralRoles: ReadonlySet<string> = new Set(
  `ministers secretaries presidents chairmen governors senators ambassadors directors commissioners leaders spokesmen officials analysts
  economists executives traders dealers kings princes premiers managers partners advisers advisors shareholders owners investors brokers
  consultants underwriters agents sources bankers diplomats delegates officers lawyers experts observers`.split(/\s+/).filter(Boolean),
);

/** Forms of address: a person follows, but they are no role. */
export const honorifics: ReadonlySet<string> = new Set(["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "madame", "mme", "monsieur", "herr", "messrs", "mister"]);

/** Abbreviated titles, written out as the role. */
// Without a prototype: looked up by a word of the seed, which may be "constructor" or "__proto__".
export const abbreviatedTitles: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  "sen.": "Senator", "rep.": "Representative", "gov.": "Governor", "gen.": "General", "lt.": "Lieutenant", "col.": "Colonel",
  "capt.": "Captain", "adm.": "Admiral", "prof.": "Professor", "rev.": "Reverend", "sgt.": "Sergeant", "pres.": "President",
});

import { legalForm } from "../entities/data/legal-forms.ts";
import { headlineVerb } from "./headline-verb.ts";
import { isPastForm, verbBase } from "./verb-base.ts";

const auxiliary = /^(?:will|has|have|had|is|are|was|were)$/iu;
// Words after which an `-ed` word describes a noun (`the proposed merger`, `Russia's proposed membership`) rather than being the verb.
// After a number it is a currency or unit (`50 won`), after `be` part of a verb group this rule leaves alone.
const beforeNoun = /^(?:the|a|an|its|his|her|their|our|this|that|these|those|of|in|for|to|by|with|from|at|on|and|or|than|as|newly|previously|recently|so-called|be|being|been|[\d.,]+|\p{L}+['’]s?)$/iu;
// The subject stops at the first preposition; the word before it is its head (`Sales of homes fell`).
const preposition = /^(?:of|in|for|at|on|from|with|by|to|under|over|between|after|before|near)$/iu;
// A subject predicate that needs no verb in a headline: `sales were up 5 pct` → `sales up 5 pct`.
const state = /^(?:up|down|higher|lower|unchanged|steady|flat|firm|firmer|weaker|stronger|little changed)$/iu;
// Clause words: past them the verbs belong to another clause.
// `agreed to buy`, `decided to close`: in a headline the plan is `to buy`, `to close`.
const intention = /^(?:agree|decide|intend)$/u;
const clauseEnd = /^(?:may|might|could|would|should|can|must|to|that|which|who|whose|because|after|before|while|when|if|but|as|since|although|though|where|until|unless|whether)$|[,;:]$/iu;

/**
 * Puts the main verb in headline tense: present for the past (`China called` → `China calls`, `has agreed`
 * → `agrees`, `is issuing` → `issues`), `to` for the future (`will sell` → `to sell`), and no auxiliary
 * for the passive or a state (`was sold` → `sold`, `were up` → `up`). Text without lower case is left alone
 * (there a verb cannot be told from a name), as are table rows.
 */
export function headlineTense(text: string): string {
  const words = text.split(" ");
  // Table rows (`Period ended Jan 31`, `Shr not given`) have no clause to put in the present.
  if (!/\p{Ll}/u.test(text) || words.length < 5) return text;
  for (let i = 1; i < words.length; i += 1) {
    const word = words[i] ?? "";
    if (!/^\p{Ll}[\p{L}-]*$/u.test(word) || beforeNoun.test(words[i - 1] ?? "")) {
      if (clauseEnd.test(word)) break;
      continue;
    }
    const plural = isPlural(words.slice(0, i));
    if (auxiliary.test(word)) return [...words.slice(0, i), ...withoutAuxiliary(words.slice(i), plural)].join(" ");
    // `expects` → `sees`: a verb already in the present still takes the shorter headline word.
    const shorter = /^\p{Ll}+s$/u.test(word) ? headlineVerb(word.replace(/e?s$/u, ""), words.slice(i + 1)) : undefined;
    if (shorter !== undefined && !word.startsWith(shorter)) {
      return [...words.slice(0, i), thirdPerson(shorter, false), ...words.slice(i + 1)].join(" ");
    }
    // `the stake sold by Scovill`: a participle before `by` describes, it does not report.
    const present = isPastForm(word) && !/^by$/iu.test(words[i + 1] ?? "") ? presentVerb(words.slice(i), plural) : undefined;
    if (present !== undefined) return [...words.slice(0, i), ...present].join(" ");
    if (clauseEnd.test(word)) break;
  }
  return text;
}

/** Rewrites a verb group that starts with an auxiliary; `group` is the rest of the sentence from it. */
function withoutAuxiliary(group: readonly string[], plural: boolean): string[] {
  const [auxiliary = "", ...rest] = group;
  const adverbs = rest.findIndex((word) => !/^(?:also|already|now|just|still|not|\p{Ll}+ly)$/u.test(word));
  const before = rest.slice(0, Math.max(adverbs, 0));
  const verb = rest[Math.max(adverbs, 0)] ?? "";
  const after = rest.slice(Math.max(adverbs, 0) + 1);
  const kind = auxiliary.toLowerCase();
  if (before.includes("not")) return [...group];
  if (kind === "will") return /^\p{Ll}/u.test(verb) ? ["to", ...before, headlineVerb(verb, after), ...after] : [...group];
  // `BMW is to recall`, `jobs are to go`: a plan, which a headline writes `to recall`.
  if (/^(?:is|are)$/u.test(kind) && before.length === 0 && verb === "to" && /^\p{Ll}+$/u.test(after[0] ?? "")) return ["to", headlineVerb(after[0]!, after.slice(1)), ...after.slice(1)];
  if (kind === "has" || kind === "have" || kind === "had") {
    if (verb === "been") return isPastForm(after[0] ?? "") ? [...before, ...after] : [...group];
    const present = isPastForm(verb) ? presentVerb([verb, ...after], plural) : undefined;
    return present === undefined ? [...group] : [...before, ...present];
  }
  if (verb.endsWith("ing")) {
    const present = presentVerb([verb, ...after], plural);
    return present === undefined ? [...group] : [...before, ...present];
  }
  if (isPastForm(verb) || state.test(verb)) return [...before, verb, ...after];
  return [...group];
}

/**
 * The verb that opens `words` (a past, participle or `-ing` form) in the present tense and headline vocabulary,
 * with the rest of `words`; undefined when its base form is in doubt.
 */
function presentVerb(words: readonly string[], plural: boolean): string[] | undefined {
  const [verb = "", ...rest] = words;
  const base = verbBase(verb);
  if (base === undefined) return undefined;
  if (intention.test(base) && rest[0] === "to" && /^\p{Ll}+$/u.test(rest[1] ?? "")) {
    return ["to", headlineVerb(rest[1] ?? "", rest.slice(2)), ...rest.slice(2)];
  }
  const present = thirdPerson(headlineVerb(base, rest), plural);
  return [verb === verb.toUpperCase() ? present.toUpperCase() : present, ...rest];
}

function thirdPerson(base: string, plural: boolean): string {
  if (plural) return base;
  if (base === "be") return "is";
  if (base === "have") return "has";
  if (/(?:s|x|z|ch|sh|o)$/u.test(base)) return `${base}es`;
  if (/[^aeiou]y$/u.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

/** Whether the words before the verb name more than one thing (`Hog prices`, `Ford and GM`, `Officials`). */
function isPlural(subject: readonly string[]): boolean {
  const end = subject.findIndex((word) => preposition.test(word));
  const phrase = (end === -1 ? subject : subject.slice(0, end)).filter((word) => !/^\p{Ll}+ly$/u.test(word));
  // `Ford and GM` are two; `J.P. Morgan and Co Inc`, one name ending in a legal form, is one.
  const and = phrase.findIndex((word) => /^and$/iu.test(word));
  // An `and` far from the head is inside a name (`Ways and Means Committee Chairman Dan Rostenkowski`).
  if (and !== -1 && phrase.length - and <= 4 && !(phrase.length - and <= 3 && legalForm.test(phrase.at(-1) ?? ""))) return true;
  const head = (phrase.at(-1) ?? "").replace(/[^\p{L}]+$/u, "");
  if (/^(?:they|we|you)$/iu.test(head)) return true;
  // A capitalised word ending in `s` names one thing (`General Motors`, `Sears`) unless it opens the sentence alone (`Officials`).
  const looksPlural = /[^su]s$/u.test(head) && !/(?:is|ss|ics|news)$/iu.test(head);
  return looksPlural && (/^\p{Ll}/u.test(head) || phrase.length === 1);
}

import { readFile } from "node:fs/promises";
import path from "node:path";
import type { EntityKind } from "../article.ts";
import { kindWord, type EntityFix, type EntityFixes, type FixName, type IgnoredName } from "../collect/entity-fixes.ts";
import { entityKey } from "../collect/entity-groups.ts";
import { ConfigError, error, type Problem, type ProblemId } from "../errors.ts";
import { collapseWhitespace } from "../text/collapse-whitespace.ts";
import { closestName } from "./closest-name.ts";
import { describe, quoteIt } from "./read-config.ts";
import { readPlacedYaml, type Placed } from "./yaml-with-positions.ts";

/** The entity fixes file's name, beside the project's config file. */
export const entityFixesFileName = "dateline.entities.yaml";

// The file's sections of entities, by the kind of their entities.
const sections: Readonly<Record<string, EntityKind>> = { people: "person", places: "place", organisations: "organisation" };
const kinds: readonly EntityKind[] = ["person", "place", "organisation"];
const ignoreKeys: Readonly<Record<string, readonly EntityKind[]>> = { all: kinds, people: ["person"], places: ["place"], organisations: ["organisation"] };
const entryKeys = ["aliases", "from", "sameAs"];
// Longer than any name an article gives: a page title, a slug and a search filter are made of it.
const maxNameLength = 200;

/** Reads and checks an entity fixes file: every problem placed at its line and column, all thrown at once as a ConfigError. */
export async function readEntityFixes(file: string): Promise<EntityFixes> {
  return parseEntityFixes(await readFile(file, "utf8"), path.relative(process.cwd(), path.resolve(file)) || file);
}

/**
 * The fixes a file's text gives (see README, Fixing names): `people`, `places` and `organisations` map a canonical
 * name to its `aliases`, the kinds it was mistaken `from` and its `sameAs` URLs; `ignore` lists names that are no
 * entity. A name given to two entities of one kind, or both fixed and ignored, is an error: which would win?
 * @param shown the file as the user would type it, for the problems.
 */
export function parseEntityFixes(text: string, shown: string): EntityFixes {
  const document = readPlacedYaml(text, shown, "entity-fixes-invalid-yaml");
  const problems: Problem[] = [];
  const report = (id: ProblemId, at: { readonly line: number; readonly column: number }, message: string, hint?: string): void => {
    problems.push({ ...error(id, shown, at.line, at.column, message), ...(hint !== undefined ? { hint } : {}) });
  };
  const unknownKey = (key: Placed, where: string, known: readonly string[]): void => {
    const typed = String(key.value);
    const closest = closestName(typed, known);
    report("entity-fixes-unknown-key", key, `unknown key ${JSON.stringify(typed)}${where}`, closest !== undefined ? `did you mean ${JSON.stringify(closest)}?` : `The keys here are ${known.join(", ")}.`);
  };
  const entities: EntityFix[] = [];
  const ignore: IgnoredName[] = [];
  // Each (kind, name) the file names, with where: a second claim on one is an error placed on it.
  const claims = new Map<string, { readonly line: number; readonly what: string }>();
  const claim = (kind: EntityKind, name: FixName, what: string): void => {
    const key = entityKey(kind, name.name);
    const earlier = claims.get(key);
    if (earlier === undefined) claims.set(key, { line: name.line, what });
    else if (earlier.what !== what) {
      report("entity-fixes-invalid-value", name, `${JSON.stringify(name.name)} found as ${kindWord[kind]} is already ${earlier.what} on line ${earlier.line}`, "A name found as one kind can become one entity only: keep one of the two.");
    }
  };

  if (document !== undefined && document.value !== null && document.entries === undefined) {
    report("entity-fixes-invalid-value", document, `the entity fixes file must be a mapping of people, places, organisations and ignore, not ${describe(document.value)}`);
  }
  for (const { key, value } of document?.entries ?? []) {
    const section = String(key.value);
    const kind = sections[section];
    if (kind !== undefined) {
      if (value.value === null) continue;
      if (value.entries === undefined) {
        report("entity-fixes-invalid-value", value, `${section} must be a mapping of names, each with its fixes, not ${describe(value.value)}`, `Write it as \`${section}:\` then lines such as \`  ${example[kind]}\`.`);
        continue;
      }
      for (const entry of value.entries) {
        const fix = entityFix(kind, entry.key, entry.value);
        if (fix === undefined) continue;
        entities.push(fix);
        const what = `${kindWord[kind].replace(/^an? /, "the ")} ${JSON.stringify(fix.name.name)}`;
        for (const from of [kind, ...fix.from]) {
          for (const name of [fix.name, ...fix.aliases]) claim(from, name, what);
        }
      }
    } else if (section === "ignore") {
      for (const ignored of ignoredNames(value)) {
        ignore.push(ignored);
        for (const kind of ignored.kinds) claim(kind, ignored, "ignored");
      }
    } else unknownKey(key, "", [...Object.keys(sections), "ignore"]);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { file: shown, entities, ignore };

  /** One entity of a section: its name and its fixes, or undefined after reporting what is wrong. */
  function entityFix(kind: EntityKind, key: Placed, at: Placed): EntityFix | undefined {
    const name = fixName(key, "a name");
    let ok = name !== undefined;
    const fix = { aliases: [] as FixName[], from: [] as EntityKind[], sameAs: [] as string[] };
    if (at.value !== null && at.entries === undefined) {
      report("entity-fixes-invalid-value", at, `the fixes of ${JSON.stringify(String(key.value))} must be a mapping of aliases, from and sameAs, not ${describe(at.value)}`, `Write it as \`${example[kind]}\`.`);
      return undefined;
    }
    for (const { key: field, value } of at.entries ?? []) {
      const which = String(field.value);
      if (!entryKeys.includes(which)) {
        unknownKey(field, ` in the fixes of ${JSON.stringify(String(key.value))}`, entryKeys);
        ok = false;
        continue;
      }
      const items = textList(value, which);
      if (items === undefined) ok = false;
      else if (which === "aliases") {
        const aliases = items.map((item) => fixName(item, "an alias"));
        if (aliases.every((alias) => alias !== undefined)) fix.aliases.push(...aliases);
        else ok = false;
      } else if (which === "from") {
        for (const item of items) {
          const from = entityKind(item);
          if (from === kind) {
            report("entity-fixes-invalid-value", item, `from ${JSON.stringify(from)}: ${JSON.stringify(String(key.value))} is ${kindWord[kind]} already`, `from lists the other kinds it was mistaken for: ${kinds.filter((other) => other !== kind).join(" or ")}.`);
          }
          if (from === undefined || from === kind) ok = false;
          else if (!fix.from.includes(from)) fix.from.push(from);
        }
      } else {
        for (const item of items) {
          const url = sameAsUrl(item);
          if (url === undefined) ok = false;
          else if (!fix.sameAs.includes(url)) fix.sameAs.push(url);
        }
      }
    }
    return ok && name !== undefined ? { kind, name, ...fix } : undefined;
  }

  /** The names of `ignore`: a list (every kind) or a mapping of `all`, `people`, `places`, `organisations` to lists. */
  function ignoredNames(at: Placed): IgnoredName[] {
    if (at.value === null) return [];
    if (at.entries === undefined) {
      const items = textList(at, "ignore") ?? [];
      return items.flatMap((item) => {
        const name = fixName(item, "an ignored name");
        return name === undefined ? [] : [{ ...name, kinds }];
      });
    }
    return at.entries.flatMap(({ key, value }) => {
      const which = String(key.value);
      const kindsOf = ignoreKeys[which];
      if (kindsOf === undefined) {
        unknownKey(key, " in ignore", Object.keys(ignoreKeys));
        return [];
      }
      return (textList(value, `ignore.${which}`) ?? []).flatMap((item) => {
        const name = fixName(item, "an ignored name");
        return name === undefined ? [] : [{ ...name, kinds: kindsOf }];
      });
    });
  }

  /** A value written as one text or a list of texts, as its placed items; undefined after reporting otherwise. */
  function textList(at: Placed, what: string): readonly Placed[] | undefined {
    const items = at.items ?? [at];
    const wrong = items.find((item) => typeof item.value !== "string");
    if (wrong === undefined) return items;
    report("entity-fixes-invalid-value", wrong, `${what} must be text or a list of texts, not ${describe(wrong.value)}`, quoteIt(wrong.value));
    return undefined;
  }

  /** A name as the file writes it, white space collapsed; undefined after reporting why it cannot be one. */
  function fixName(at: Placed, what: string): FixName | undefined {
    if (typeof at.value !== "string") {
      report("entity-fixes-invalid-value", at, `${what} must be text, not ${describe(at.value)}`, quoteIt(at.value));
      return undefined;
    }
    const name = collapseWhitespace(at.value);
    // Names reach page titles, slugs and search filters: no control characters, as none in an article's names.
    const problem = name === "" ? "needs some text" : /[\u0000-\u001f\u007f-\u009f]/.test(name) ? "holds a control character" : name.length > maxNameLength ? `is longer than ${maxNameLength} characters` : undefined;
    if (problem !== undefined) {
      report("entity-fixes-invalid-value", at, `${what} ${JSON.stringify(at.value)} ${problem}`);
      return undefined;
    }
    return { name, line: at.line, column: at.column };
  }

  function entityKind(at: Placed): EntityKind | undefined {
    const typed = String(at.value);
    if ((kinds as readonly string[]).includes(typed)) return typed as EntityKind;
    const closest = closestName(typed, [...kinds, ...Object.keys(sections)]);
    const meant = closest === undefined ? undefined : (sections[closest] ?? closest);
    report("entity-fixes-invalid-value", at, `from ${JSON.stringify(typed)} is not a kind of entity`, meant !== undefined ? `did you mean "${meant}"?` : "A kind is person, place or organisation.");
    return undefined;
  }

  /** An `https:` URL, or a Wikidata id (`Q9960`) as its Wikidata URL; undefined after reporting otherwise. */
  function sameAsUrl(at: Placed): string | undefined {
    const text = String(at.value).trim();
    if (/^Q[1-9]\d*$/.test(text)) return `https://www.wikidata.org/wiki/${text}`;
    let url: URL | undefined;
    try {
      url = new URL(text);
    } catch {
      url = undefined;
    }
    if (url !== undefined && url.protocol === "https:" && url.username === "" && url.password === "") return url.href;
    report("entity-fixes-invalid-value", at, `sameAs ${JSON.stringify(text)} is not an https: URL`, "Write the page's https:// address, e.g. https://www.wikidata.org/wiki/Q9960, or a Wikidata id such as Q9960.");
    return undefined;
  }
}

// How one entry of each section is written, for the hints.
const example: Readonly<Record<EntityKind, string>> = {
  person: "Ronald Reagan: { aliases: [Reagan], sameAs: Q9960 }",
  place: "United States: { aliases: [U.S.] }",
  organisation: "Jaguar: { from: person }",
};

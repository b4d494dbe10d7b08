import { createHash } from "node:crypto";
import type { Archive, Article } from "../article.ts";
import { pageRecords } from "../render/page-model.ts";
import type { TemplateDependencies } from "../render/template-dependencies.ts";

/**
 * A fingerprint of every page of each page array: a hash of its own record, the Archive values its templates
 * show on every page, the site options, the templates and Dateline's code. Equal fingerprints, equal files.
 * Arrays whose templates show the whole Archive get none: their pages are always rendered.
 */
export function pageFingerprints(archive: Archive, dependencies: TemplateDependencies, code: string, articleKeys: ReadonlyMap<Article, string> = new Map()): Map<string, readonly string[]> {
  // Articles appear in many records (lists, feeds); each stands in by a hash of itself, or by its seed's key
  // when it is exactly what that seed gives (the code version is part of every fingerprint).
  const digests = new Map<object, string>();
  for (const article of archive.articles) digests.set(article, articleKeys.get(article) ?? `#${hash(JSON.stringify(article))}`);
  // Articles sit in a record itself or in its arrays (`articles`, `article`): those are replaced, and the rest is
  // serialised as it is, natively, 2-3 times faster than a replacer called for every value. An article deeper down
  // would be serialised whole, which changes when it does all the same.
  const stand = (inner: unknown): unknown => (typeof inner === "object" && inner !== null ? (digests.get(inner) ?? inner) : inner);
  const shallow = (value: unknown): unknown => {
    if (typeof value !== "object" || value === null || digests.has(value)) return stand(value);
    if (Array.isArray(value)) return value.map(stand);
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) copy[key] = Array.isArray(inner) ? inner.map(stand) : stand(inner);
    return copy;
  };
  const json = (value: unknown): string => JSON.stringify(shallow(value)) ?? "undefined";

  const base = hash(`${code}\0${dependencies.hash}\0${json(archive.site)}`);
  const fingerprints = new Map<string, readonly string[]>();
  for (const [name, shown] of dependencies.pageArrays) {
    if (shown.includes("*")) continue;
    const shared = hash(`${base}\0${name}\0${shown.map((reference) => `${reference}=${json(valueOf(archive, reference))}`).join("\0")}`);
    fingerprints.set(
      name,
      pageRecords(archive, name).map((record) => hash(`${shared}\0${json(record)}`)),
    );
  }
  return fingerprints;
}

function valueOf(archive: Archive, reference: string): unknown {
  const [, name = "", length, index] = /^(\w+)(?:\.(length)|\[(\d+)\])?$/.exec(reference) ?? [];
  const value = (archive as unknown as Record<string, unknown>)[name] as { length?: unknown; [index: number]: unknown } | undefined;
  return length !== undefined ? value?.length : index !== undefined ? value?.[Number(index)] : value;
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("base64url");
}

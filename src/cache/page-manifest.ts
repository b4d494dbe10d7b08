import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { TemplateDependencies } from "../render/template-dependencies.ts";
import { writeFileAtomic } from "../files/write-file-atomic.ts";
import { checksumLine, verifiedBody } from "./checksum.ts";

/**
 * What the cache knows of one output file: the fingerprint of its page, and for an article page the digest of what
 * the search index reads of it (see `pageDigest`). Nothing of the file itself: the live site is trusted to be as the
 * last build left it (see `readLastBuild`).
 */
export interface OutputEntry {
  readonly fingerprint: string;
  readonly digest?: string;
}

export type ManifestEntry = [fingerprint: string, digest?: string];

// 3: no size and time of each file, which nothing reads since builds update the site in place.
const header = { cache: "dateline-pages", format: 3 };

/** What every page's fingerprint starts from besides the site options: Dateline's code and the templates. */
export function pagesVersion(code: string, dependencies: TemplateDependencies): string {
  return `${code} ${dependencies.hash}`;
}

/** Writes the manifest: every output file with what the cache knows of it. */
export async function writeManifest(file: string, version: string, outputs: Record<string, ManifestEntry>): Promise<void> {
  const body = `${JSON.stringify({ ...header, version, outputs })}\n`;
  await writeFileAtomic(file, body + checksumLine(createHash("sha256").update(body).digest("hex")));
}

/** The manifest's version and entries, or why it cannot be trusted; a missing one is empty. */
export async function readManifest(file: string): Promise<{ version: string; outputs: Map<string, OutputEntry> } | string> {
  const bytes = await readFile(file).catch(() => undefined);
  if (bytes === undefined) return { version: "", outputs: new Map() };
  const body = verifiedBody(bytes);
  if (typeof body === "string") return body;
  try {
    const parsed = JSON.parse(body.toString("utf8")) as { cache?: unknown; format?: unknown; version?: unknown; outputs?: Record<string, ManifestEntry> };
    if (parsed.cache !== header.cache || parsed.format !== header.format || typeof parsed.version !== "string" || parsed.outputs === undefined) return "another format";
    const outputs = new Map(Object.entries(parsed.outputs).map(([name, [fingerprint, digest]]) => [name, { fingerprint, ...(digest === undefined ? {} : { digest }) }]));
    return { version: parsed.version, outputs };
  } catch {
    return "malformed";
  }
}

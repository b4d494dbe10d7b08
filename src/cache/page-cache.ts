import { createHash } from "node:crypto";
import { mkdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import type { Archive, Article } from "../article.ts";
import { checksumLine, verifiedBody } from "./checksum.ts";
import { linkFile } from "./link-file.ts";
import { outputFile, pageFingerprints, pageRecords, pageUrl } from "./page-fingerprints.ts";
import type { TemplateDependencies } from "./template-dependencies.ts";
import { writeFileAtomic } from "./write-file-atomic.ts";

/** What the cache knows of one output file: the fingerprint of its page, and its size and time when written. */
interface OutputEntry {
  readonly fingerprint: string;
  readonly size: number;
  readonly mtimeMs: number;
}

const header = { cache: "dateline-pages", format: 1 };
// File-system calls in flight when linking and checking page files: measured fastest around 16 on ext4
// (the thread pool overlaps their waits, where a loop of synchronous calls waits for each in turn).
const inParallel = pLimit(16);

/**
 * The pages of an earlier build that can be reused: a page whose fingerprint is unchanged and whose file in
 * the output folder is still the one Dateline wrote (same size and modification time) is hard-linked into
 * the new build instead of being rendered. The manifest lives in the cache, one per output folder.
 */
export class PageCache {
  /** Indexes of the records to render, for each page array; the other templates are always rendered. */
  readonly render: ReadonlyMap<string, readonly number[]>;
  readonly #manifest: string;
  readonly #outDir: string;
  /** Output file → fingerprint, for every page of the page arrays. */
  readonly #fingerprints: Map<string, string>;
  readonly #reuse: Map<string, OutputEntry>;
  /** Output file → URL, for every page of the page arrays. */
  readonly #urls: Map<string, string>;
  #written = new Map<string, OutputEntry>();

  /** Why the manifest of the last build was not used, if it was not. */
  readonly discarded: string | undefined;

  private constructor(
    manifest: string,
    outDir: string,
    plan: { render: Map<string, number[]>; fingerprints: Map<string, string>; reuse: Map<string, OutputEntry>; urls: Map<string, string>; discarded: string | undefined },
  ) {
    this.discarded = plan.discarded;
    this.#manifest = manifest;
    this.#outDir = outDir;
    this.render = plan.render;
    this.#fingerprints = plan.fingerprints;
    this.#reuse = plan.reuse;
    this.#urls = plan.urls;
  }

  /**
   * Compares the archive's pages with the manifest of the last build into `outDir`. A `fresh` cache reuses
   * nothing. A missing or damaged manifest, or a changed file, only means more rendering.
   */
  static async plan(
    archive: Archive,
    options: {
      readonly manifest: string;
      readonly outDir: string;
      readonly dependencies: TemplateDependencies;
      readonly code: string;
      readonly fresh: boolean;
      /** Articles by their seed's cache key (see LoadResult), which saves serialising them. */
      readonly articleKeys?: ReadonlyMap<Article, string>;
    },
  ): Promise<PageCache> {
    const fingerprints = pageFingerprints(archive, options.dependencies, options.code, options.articleKeys);
    const read = options.fresh ? new Map<string, OutputEntry>() : await readManifest(options.manifest);
    const previous = typeof read === "string" ? new Map<string, OutputEntry>() : read;
    const render = new Map<string, number[]>();
    const files = new Map<string, string>();
    const urls = new Map<string, string>();
    const candidates: { file: string; entry: OutputEntry }[] = [];
    const indexes = new Map<string, { name: string; index: number }>();
    for (const [name, prints] of fingerprints) {
      const chosen: number[] = [];
      render.set(name, chosen);
      pageRecords(archive, name).forEach((record, index) => {
        const url = pageUrl(record);
        if (url === undefined) throw new Error(`Internal error: a record of archive.${name} has no \`url\` (nor \`article.url\`), so its page cannot be cached`);
        const file = outputFile(url);
        const fingerprint = prints[index] as string;
        files.set(file, fingerprint);
        urls.set(file, url);
        const entry = previous.get(file);
        if (entry?.fingerprint === fingerprint) {
          candidates.push({ file, entry });
          indexes.set(file, { name, index });
        } else {
          chosen.push(index);
        }
      });
    }
    // A file edited, replaced or deleted by hand since is rendered again, not trusted.
    const reuse = new Map<string, OutputEntry>();
    await inParallel.map(candidates, async ({ file, entry }) => {
      const found = await stat(path.join(options.outDir, file)).catch(() => undefined);
      if (found?.isFile() && found.size === entry.size && found.mtimeMs === entry.mtimeMs) {
        reuse.set(file, entry);
      } else {
        const { name, index } = indexes.get(file) as { name: string; index: number };
        render.get(name)?.push(index);
      }
    });
    for (const chosen of render.values()) chosen.sort((a, b) => a - b);
    return new PageCache(options.manifest, options.outDir, { render, fingerprints: files, reuse, urls, discarded: typeof read === "string" ? read : undefined });
  }

  /** Pages taken from the last build. */
  get reused(): number {
    return this.#reuse.size;
  }

  /** URLs of the reused pages. */
  get reusedUrls(): string[] {
    return [...this.#reuse.keys()].map((file) => this.#urls.get(file) ?? "");
  }

  /**
   * Hard-links the reusable files of the last build into the new one (copies where links are not possible).
   * Call it after the first Eleventy run, with the files it wrote: the only run that renders files outside the
   * page arrays, whose names the plan does not know. A file written through a link would change the live site.
   */
  async link(stagingDir: string, rendered: readonly string[]): Promise<void> {
    const clash = rendered.find((file) => this.#reuse.has(file));
    if (clash !== undefined) throw new Error(`Internal error: ${clash} is both rendered and reused`);
    const dirs = new Set([...this.#reuse.keys()].map((file) => path.dirname(path.join(stagingDir, file))));
    await inParallel.map(dirs, (dir) => mkdir(dir, { recursive: true }));
    await inParallel.map([...this.#reuse], async ([file, entry]) => {
      const to = path.join(stagingDir, file);
      // A copy has the same bytes but a new time, which the manifest must know.
      if ((await linkFile(path.join(this.#outDir, file), to)) === "copied") this.#reuse.set(file, { ...entry, mtimeMs: (await stat(to)).mtimeMs });
    });
  }

  /** Notes the size and time of each page file written in `stagingDir`, for the manifest. */
  async record(stagingDir: string): Promise<void> {
    this.#written = new Map();
    const rendered = [...this.#fingerprints].filter(([file]) => !this.#reuse.has(file));
    await inParallel.map(rendered, async ([file, fingerprint]) => {
      const { size, mtimeMs } = await stat(path.join(stagingDir, file));
      this.#written.set(file, { fingerprint, size, mtimeMs });
    });
  }

  /** Writes the manifest of the published output. */
  async save(): Promise<void> {
    const outputs: Record<string, [string, number, number]> = {};
    for (const entries of [this.#reuse, this.#written]) {
      for (const [file, entry] of entries) outputs[file] = [entry.fingerprint, entry.size, entry.mtimeMs];
    }
    const body = `${JSON.stringify({ ...header, outputs })}\n`;
    await writeFileAtomic(this.#manifest, body + checksumLine(createHash("sha256").update(body).digest("hex")));
  }
}

/** The manifest's entries, or why it cannot be trusted; a missing one is empty. */
async function readManifest(file: string): Promise<Map<string, OutputEntry> | string> {
  const bytes = await readFile(file).catch(() => undefined);
  if (bytes === undefined) return new Map();
  const body = verifiedBody(bytes);
  if (typeof body === "string") return body;
  try {
    const parsed = JSON.parse(body.toString("utf8")) as { cache?: unknown; format?: unknown; outputs?: Record<string, [string, number, number]> };
    if (parsed.cache !== header.cache || parsed.format !== header.format || parsed.outputs === undefined) return "another format";
    return new Map(Object.entries(parsed.outputs).map(([name, [fingerprint, size, mtimeMs]]) => [name, { fingerprint, size, mtimeMs }]));
  } catch {
    return "malformed";
  }
}

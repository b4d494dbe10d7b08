import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, renameSync, rmdirSync, statSync, unlinkSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Archive, Article } from "../article.ts";
import { moduleWorker } from "../files/module-worker.ts";
import { checksumLine, verifiedBody } from "./checksum.ts";
import { linkFile } from "../files/link-file.ts";
import { listFiles } from "../files/list-files.ts";
import { outputFile, pageRecords, pageUrl } from "../render/page-model.ts";
import { pageFingerprints } from "./page-fingerprints.ts";
import type { TemplateDependencies } from "../render/template-dependencies.ts";
import { writeFileAtomic } from "../files/write-file-atomic.ts";

/**
 * What the cache knows of one output file: the fingerprint of its page, its size and time when written, and for
 * an article page the digest of what the search index reads of it (see `pageDigest`).
 */
interface OutputEntry {
  readonly fingerprint: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly digest?: string;
}

type ManifestEntry = [fingerprint: string, size: number, mtimeMs: number, digest?: string];

const header = { cache: "dateline-pages", format: 2 };

/** What every page's fingerprint starts from besides the site options: Dateline's code and the templates. */
export function pagesVersion(code: string, dependencies: TemplateDependencies): string {
  return `${code} ${dependencies.hash}`;
}

/** The page files of the last build, linked into a new build's staging folder (see `linkLastBuild`). */
export interface LastBuild {
  /** Staged file → what the manifest says of it, for every file linked (or copied) in, unchanged since it was written. */
  readonly linked: ReadonlyMap<string, OutputEntry>;
  /** Why the manifest of the last build was not used, if it was not. */
  readonly discarded: string | undefined;
}

/** A page file of the live site that is as the last build wrote it. */
interface LivePage {
  readonly entry: OutputEntry;
  readonly ino: number;
  readonly dev: number;
}

/**
 * Hard-links (or copies, where links are not possible) into `stagingDir` every page file the last build into
 * `outDir` wrote that is still as it wrote it (same size and modification time). Called as the build starts, so
 * that the file system's work overlaps loading the archive; `PageCache.plan` then removes the links of the pages
 * that changed. A missing or damaged manifest links nothing.
 *
 * Making 15,000 folders and 20,000 links costs seconds on ext4, so the site the last build replaced, kept as
 * `spare`, becomes the staging folder when there is one: its files that are the live site's unchanged pages
 * (the same inode) stay, every other file goes, and only the pages changed since it was live are linked again.
 */
export async function linkLastBuild(options: LinkOptions): Promise<LastBuild> {
  // A first build: nothing to link, and no thread to start.
  if (!existsSync(options.manifest)) return { linked: new Map(), discarded: undefined };
  // Tens of thousands of file-system calls at 10,000 articles: in a thread of their own, beside the archive loading.
  const worker = moduleWorker(new URL("./link-worker.ts", import.meta.url));
  try {
    const reply = await new Promise<{ last?: LastBuild; error?: string }>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`Internal error: the page-linking worker exited with code ${code}`)));
      worker.postMessage(options);
    });
    if (reply.last === undefined) throw new Error(reply.error);
    return reply.last;
  } finally {
    await worker.terminate();
  }
}

/** Where `linkLastBuild` links from and to. */
export interface LinkOptions {
  readonly manifest: string;
  readonly outDir: string;
  readonly stagingDir: string;
  readonly version: string;
  readonly spare?: string;
}

/** The work of `linkLastBuild`, done in its worker thread (link-worker.ts). */
export async function linkPages(options: LinkOptions): Promise<LastBuild> {
  const read = await readManifest(options.manifest);
  if (typeof read === "string") return { linked: new Map(), discarded: read };
  // Another Dateline or other templates: every fingerprint differs, so no page would be reused.
  if (read.version !== options.version) return { linked: new Map(), discarded: undefined };
  const recycled = options.spare !== undefined && renamed(options.spare, options.stagingDir);
  if (!recycled) mkdirSync(options.stagingDir, { recursive: true });
  // A file of the live site edited, replaced or deleted by hand since is rendered again, not trusted.
  const live = new Map<string, LivePage>();
  for (const [file, entry] of read.outputs) {
    const found = statSync(path.join(options.outDir, file), { throwIfNoEntry: false });
    if (found?.isFile() && found.size === entry.size && found.mtimeMs === entry.mtimeMs) live.set(file, { entry, ino: found.ino, dev: found.dev });
  }
  // Its search index is left to the indexer, which replaces it.
  const kept = recycled ? recycle(options.stagingDir, listFiles(options.stagingDir, ["pagefind"]), live) : new Set<string>();
  const missing = [...live].filter(([file]) => !kept.has(file));
  for (const dir of new Set(missing.map(([file]) => path.dirname(path.join(options.stagingDir, file))))) mkdirSync(dir, { recursive: true });
  const linked = new Map([...kept].map((file) => [file, (live.get(file) as LivePage).entry]));
  for (const [file, { entry }] of missing) {
    const to = path.join(options.stagingDir, file);
    // A copy has the same bytes but a new time, which the manifest must know.
    linked.set(file, linkFile(path.join(options.outDir, file), to) === "copied" ? { ...entry, mtimeMs: statSync(to).mtimeMs } : entry);
  }
  return { linked, discarded: undefined };
}

function renamed(from: string, to: string): boolean {
  try {
    renameSync(from, to);
    return true;
  } catch {
    return false;
  }
}

/**
 * Empties the recycled site in `dir`, holding `files`, of every file but those that are `live` pages (the same
 * file, not a copy), and of the folders left empty that no live page is linked into again. Returns the files kept.
 */
function recycle(dir: string, files: readonly string[], live: ReadonlyMap<string, LivePage>): Set<string> {
  const kept = new Set<string>();
  const removed: string[] = [];
  for (const file of files) {
    const page = live.get(file);
    if (page !== undefined && sameFile(lstatSync(path.join(dir, file)), page)) kept.add(file);
    else {
      unlinkSync(path.join(dir, file));
      removed.push(file);
    }
  }
  const relinked = new Set([...live.keys()].map((file) => path.posix.dirname(file)));
  for (const folder of new Set(removed.map((file) => path.posix.dirname(file)))) if (!relinked.has(folder)) removeEmpty(dir, folder);
  return kept;
}

/** The article pages of the seeds parsed again, to be rendered before the page plan (see `buildSite`). */
export interface ChangedPages {
  /** Their indexes in the archive's `articlePages`. */
  readonly indexes: readonly number[];
  /** The search digest the last build recorded for each other article page it left, by URL. */
  readonly lastDigests: ReadonlyMap<string, string>;
  /** The last build without their files, whose links are removed from the staging folder: the render writes new ones. */
  readonly last: LastBuild;
}

/** Takes the article pages of the articles at `urls` out of the last build linked into `stagingDir`. */
export function takeChangedPages(archive: Archive, last: LastBuild, urls: ReadonlySet<string>, stagingDir: string): ChangedPages {
  const indexes: number[] = [];
  const lastDigests = new Map<string, string>();
  const linked = new Map(last.linked);
  archive.articlePages.forEach(({ article }, index) => {
    const file = outputFile(article.url);
    if (urls.has(article.url)) {
      indexes.push(index);
      // The render must never write through a link, which would change the live site.
      if (linked.delete(file)) unlinkSync(path.join(stagingDir, file));
    } else {
      const digest = linked.get(file)?.digest;
      if (digest !== undefined) lastDigests.set(article.url, digest);
    }
  });
  return { indexes, lastDigests, last: { ...last, linked } };
}

/**
 * Which pages a build renders and which it takes from the last build: a page whose fingerprint is unchanged and
 * whose file `linkLastBuild` linked in is reused; every other page is rendered. The manifest lives in the cache,
 * one per output folder.
 */
export class PageCache {
  /** Indexes of the records to render, for each page array; the other templates are always rendered. */
  readonly render: ReadonlyMap<string, readonly number[]>;
  readonly #manifest: string;
  readonly #version: string;
  readonly #reuse: Map<string, OutputEntry>;
  /** The pages of the page arrays, or how to make them when first needed. */
  #pages: CachedPages | (() => CachedPages);
  #written = new Map<string, OutputEntry>();

  private constructor(manifest: string, version: string, plan: { render: Map<string, number[]>; reuse: Map<string, OutputEntry>; pages: CachedPages | (() => CachedPages) }) {
    this.#manifest = manifest;
    this.#version = version;
    this.render = plan.render;
    this.#reuse = plan.reuse;
    this.#pages = plan.pages;
  }

  get #all(): CachedPages {
    if (typeof this.#pages === "function") this.#pages = this.#pages();
    return this.#pages;
  }

  /**
   * Compares the archive's pages with those of the last build linked into `stagingDir` (none for a cold build),
   * and removes the links of the pages that changed or are gone: the render must never write through a link,
   * which would change the live site.
   */
  static plan(
    archive: Archive,
    options: {
      readonly manifest: string;
      readonly stagingDir: string;
      readonly last: LastBuild | undefined;
      readonly dependencies: TemplateDependencies;
      readonly code: string;
      /** Articles by their seed's cache key (see LoadResult), which saves serialising them. */
      readonly articleKeys?: ReadonlyMap<Article, string>;
    },
  ): PageCache {
    const version = pagesVersion(options.code, options.dependencies);
    const fingerprint = (): Map<string, readonly string[]> => pageFingerprints(archive, options.dependencies, options.code, options.articleKeys);
    const linked = options.last?.linked ?? new Map<string, OutputEntry>();
    // Nothing to reuse (a cold build): every page is rendered, and its fingerprint is needed only for the manifest,
    // so it is made after the render, beside the search index's last shards, rather than before it (~0.35 s at 10,000).
    if (linked.size === 0) return new PageCache(options.manifest, version, { render: new Map(), reuse: new Map(), pages: () => pagesOf(archive, fingerprint()) });
    const pages = pagesOf(archive, fingerprint());
    const render = new Map<string, number[]>();
    const reuse = new Map<string, OutputEntry>();
    for (const [name, files] of pages.files) {
      const chosen: number[] = [];
      render.set(name, chosen);
      files.forEach((file, index) => {
        const entry = linked.get(file);
        if (entry !== undefined && entry.fingerprint === pages.fingerprints.get(file)) reuse.set(file, entry);
        else chosen.push(index);
      });
    }
    const unlinked = [...linked.keys()].filter((file) => !reuse.has(file));
    for (const file of unlinked) unlinkSync(path.join(options.stagingDir, file));
    // Folders of pages that are gone, left empty: a cold build would not have them.
    for (const dir of new Set(unlinked.filter((file) => !pages.fingerprints.has(file)).map((file) => path.dirname(file)))) removeEmpty(options.stagingDir, dir);
    return new PageCache(options.manifest, version, { render, reuse, pages });
  }

  /** Pages taken from the last build. */
  get reused(): number {
    return this.#reuse.size;
  }

  /** URLs of the reused pages. */
  get reusedUrls(): string[] {
    return [...this.#reuse.keys()].map((file) => this.#all.urls.get(file) ?? "");
  }

  /** The reused files (relative to the output folder, `/`-separated): links to the live site's, never to be written. */
  get linked(): ReadonlySet<string> {
    return new Set(this.#reuse.keys());
  }

  /** The search digests the last build recorded for the reused pages, by URL: their files are the same. */
  get reusedDigests(): Map<string, string> {
    return new Map([...this.#reuse].flatMap(([file, entry]) => (entry.digest === undefined ? [] : [[this.#all.urls.get(file) ?? "", entry.digest] as const])));
  }

  /** Notes the size and time of each page file written in `stagingDir`, for the manifest. */
  record(stagingDir: string): void {
    this.#written = new Map();
    for (const [file, fingerprint] of this.#all.fingerprints) {
      if (this.#reuse.has(file)) continue;
      const { size, mtimeMs } = statSync(path.join(stagingDir, file));
      this.#written.set(file, { fingerprint, size, mtimeMs });
    }
  }

  /** Writes the manifest of the published output, with the search digests of its article pages by URL. */
  async save(digests: ReadonlyMap<string, string> = new Map()): Promise<void> {
    const outputs: Record<string, ManifestEntry> = {};
    for (const entries of [this.#reuse, this.#written]) {
      for (const [file, entry] of entries) {
        const digest = digests.get(this.#all.urls.get(file) ?? "");
        outputs[file] = digest === undefined ? [entry.fingerprint, entry.size, entry.mtimeMs] : [entry.fingerprint, entry.size, entry.mtimeMs, digest];
      }
    }
    const body = `${JSON.stringify({ ...header, version: this.#version, outputs })}\n`;
    await writeFileAtomic(this.#manifest, body + checksumLine(createHash("sha256").update(body).digest("hex")));
  }
}

/** Every page of the page arrays, by output file (relative, `/`-separated). */
interface CachedPages {
  /** Each page array's files, in the order of its records. */
  readonly files: Map<string, string[]>;
  readonly fingerprints: Map<string, string>;
  readonly urls: Map<string, string>;
}

function pagesOf(archive: Archive, fingerprints: ReadonlyMap<string, readonly string[]>): CachedPages {
  const pages: CachedPages = { files: new Map(), fingerprints: new Map(), urls: new Map() };
  for (const [name, prints] of fingerprints) {
    pages.files.set(
      name,
      pageRecords(archive, name).map((record, index) => {
        const url = pageUrl(record);
        if (url === undefined) throw new Error(`Internal error: a record of archive.${name} has no \`url\` (nor \`article.url\`), so its page cannot be cached`);
        const file = outputFile(url);
        pages.fingerprints.set(file, prints[index] as string);
        pages.urls.set(file, url);
        return file;
      }),
    );
  }
  return pages;
}

/** Whether two names are one file (hard links), not copies. */
function sameFile(a: { readonly ino: number; readonly dev: number }, b: { readonly ino: number; readonly dev: number }): boolean {
  return a.ino === b.ino && a.dev === b.dev;
}

/** Removes `dir` (relative to `root`) and then its parents while they are empty, up to `root`. */
function removeEmpty(root: string, dir: string): void {
  for (let at = dir; at !== "." && at !== "" && at !== "/"; at = path.dirname(at)) {
    try {
      rmdirSync(path.join(root, at));
    } catch {
      return;
    }
  }
}

/** The manifest's version and entries, or why it cannot be trusted; a missing one is empty. */
async function readManifest(file: string): Promise<{ version: string; outputs: Map<string, OutputEntry> } | string> {
  const bytes = await readFile(file).catch(() => undefined);
  if (bytes === undefined) return { version: "", outputs: new Map() };
  const body = verifiedBody(bytes);
  if (typeof body === "string") return body;
  try {
    const parsed = JSON.parse(body.toString("utf8")) as { cache?: unknown; format?: unknown; version?: unknown; outputs?: Record<string, ManifestEntry> };
    if (parsed.cache !== header.cache || parsed.format !== header.format || typeof parsed.version !== "string" || parsed.outputs === undefined) return "another format";
    const outputs = new Map(Object.entries(parsed.outputs).map(([name, [fingerprint, size, mtimeMs, digest]]) => [name, { fingerprint, size, mtimeMs, ...(digest === undefined ? {} : { digest }) }]));
    return { version: parsed.version, outputs };
  } catch {
    return "malformed";
  }
}

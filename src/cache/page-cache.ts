import type { Archive, Article } from "../article.ts";
import { outputFile, pageRecords, pageUrl } from "../render/page-model.ts";
import type { TemplateDependencies } from "../render/template-dependencies.ts";
import type { LastBuild } from "./last-build.ts";
import { pageFingerprints } from "./page-fingerprints.ts";
import { type ManifestEntry, type OutputEntry, pagesVersion, writeManifest } from "./page-manifest.ts";

/** The article pages of the seeds parsed again, to be rendered before the page plan (see `buildSite`). */
export interface ChangedPages {
  /** Their indexes in the archive's `articlePages`. */
  readonly indexes: readonly number[];
  /** The search digest the last build recorded for each other article page it left, by URL. */
  readonly lastDigests: ReadonlyMap<string, string>;
  /** The last build without their files: the render writes new ones. */
  readonly last: LastBuild;
}

/** Takes the article pages of the articles at `urls` out of the last build. */
export function takeChangedPages(archive: Archive, last: LastBuild, urls: ReadonlySet<string>): ChangedPages {
  const indexes: number[] = [];
  const lastDigests = new Map<string, string>();
  const pages = new Map(last.pages);
  archive.articlePages.forEach(({ article }, index) => {
    const file = outputFile(article.url);
    if (urls.has(article.url)) {
      indexes.push(index);
      pages.delete(file);
    } else {
      const digest = pages.get(file)?.digest;
      if (digest !== undefined) lastDigests.set(article.url, digest);
    }
  });
  return { indexes, lastDigests, last: { ...last, pages } };
}

/**
 * Which pages a build renders and which it takes from the last build: a page the last build published with the same
 * fingerprint stays as it is in the live site; every other page is rendered into the staging folder. The manifest
 * lives in the cache, one per output folder.
 */
export class PageCache {
  /** Indexes of the records to render, for each page array; the other templates are always rendered. */
  readonly render: ReadonlyMap<string, readonly number[]>;
  readonly #manifest: string;
  readonly #version: string;
  readonly #reuse: Map<string, OutputEntry>;
  /** The pages of the page arrays, or how to make them when first needed. */
  #pages: CachedPages | (() => CachedPages);

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

  /** Compares the archive's pages with those of the last build (none for a cold build). */
  static plan(
    archive: Archive,
    options: {
      readonly manifest: string;
      readonly last: LastBuild | undefined;
      readonly dependencies: TemplateDependencies;
      readonly code: string;
      /** Articles by their seed's cache key (see LoadResult), which saves serialising them. */
      readonly articleKeys?: ReadonlyMap<Article, string>;
    },
  ): PageCache {
    const version = pagesVersion(options.code, options.dependencies);
    const fingerprint = (): Map<string, readonly string[]> => pageFingerprints(archive, options.dependencies, options.code, options.articleKeys);
    const last = options.last?.pages ?? new Map<string, OutputEntry>();
    // Nothing to reuse (a cold build): every page is rendered, and its fingerprint is needed only for the manifest,
    // so it is made after the render, beside the search index's last shards, rather than before it (~0.35 s at 10,000).
    if (last.size === 0) return new PageCache(options.manifest, version, { render: new Map(), reuse: new Map(), pages: () => pagesOf(archive, fingerprint()) });
    const pages = pagesOf(archive, fingerprint());
    const render = new Map<string, number[]>();
    const reuse = new Map<string, OutputEntry>();
    for (const [name, files] of pages.files) {
      const chosen: number[] = [];
      render.set(name, chosen);
      files.forEach((file, index) => {
        const entry = last.get(file);
        if (entry !== undefined && entry.fingerprint === pages.fingerprints.get(file)) reuse.set(file, entry);
        else chosen.push(index);
      });
    }
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

  /** The reused files (relative to the output folder, `/`-separated): the live site's, never to be rendered. */
  get reusedFiles(): ReadonlySet<string> {
    return new Set(this.#reuse.keys());
  }

  /** The search digests the last build recorded for the reused pages, by URL: their files are the same. */
  get reusedDigests(): Map<string, string> {
    return new Map([...this.#reuse].flatMap(([file, entry]) => (entry.digest === undefined ? [] : [[this.#all.urls.get(file) ?? "", entry.digest] as const])));
  }

  /** Writes the manifest of the published output: every page's fingerprint, with the search digests of the article pages by URL. */
  async save(digests: ReadonlyMap<string, string> = new Map()): Promise<void> {
    const outputs: Record<string, ManifestEntry> = {};
    for (const [file, fingerprint] of this.#all.fingerprints) {
      const digest = digests.get(this.#all.urls.get(file) ?? "");
      outputs[file] = digest === undefined ? [fingerprint] : [fingerprint, digest];
    }
    await writeManifest(this.#manifest, this.#version, outputs);
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


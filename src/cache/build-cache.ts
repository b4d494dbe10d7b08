import { constants } from "node:fs";
import { access, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { Archive, Article } from "../article.ts";
import { describeFailure } from "../environment.ts";
import type { TemplateDependencies } from "../render/template-dependencies.ts";
import { cacheFile } from "./cache-file.ts";
import { codeVersion } from "./code-version.ts";
import { type LastBuild, readLastBuild } from "./last-build.ts";
import { type ChangedPages, PageCache, takeChangedPages } from "./page-cache.ts";
import { pagesVersion } from "./page-manifest.ts";
import { pruneCache } from "./prune-cache.ts";
import { RecordCache } from "./record-cache.ts";

/** The folders a build reads and writes. */
export interface BuildFolders {
  readonly seeds: string;
  readonly out: string;
}

/**
 * The build cache, as a build uses it: `.cache/dateline/` of the current folder holds, for each seeds folder, the
 * records of its seeds (see RecordCache), and for each output folder, the manifest of its pages (see PageCache). A
 * build opens it, hands the record store to loading, plans its pages with it, saves what it built and prunes what no
 * build uses.
 */
export class BuildCache {
  readonly #dir: string;
  readonly #folders: BuildFolders;
  readonly #fresh: boolean;
  readonly #manifest: string;
  /** The last build's pages, as its manifest lists them; none for a fresh build. */
  readonly #lastBuild: Promise<LastBuild> | undefined;

  private constructor(dir: string, folders: BuildFolders, fresh: boolean, dependencies: Promise<TemplateDependencies>) {
    this.#dir = dir;
    this.#folders = folders;
    this.#fresh = fresh;
    this.#manifest = cacheFile(dir, "pages", folders.out);
    if (fresh) return;
    this.#lastBuild = Promise.all([codeVersion(), dependencies]).then(([code, found]) => readLastBuild(this.#manifest, pagesVersion(code, found)));
    this.#lastBuild.catch(() => undefined);
  }

  /**
   * Opens the cache in `dir` and starts reading the last build's manifest. A cache that cannot be used costs the build
   * time, not its output: undefined, with a note saying why. A `fresh` cache is filled, not read.
   */
  static async open(dir: string, folders: BuildFolders, dependencies: Promise<TemplateDependencies>, options: { fresh: boolean; note?: (message: string) => void }): Promise<BuildCache | undefined> {
    try {
      await mkdir(dir, { recursive: true });
      await access(dir, constants.W_OK);
    } catch (cause) {
      options.note?.(`build cache ${path.relative(process.cwd(), dir) || dir} cannot be used (${describeFailure(cause)}); building without it`);
      return undefined;
    }
    return new BuildCache(dir, folders, options.fresh, dependencies);
  }

  /** The store of parsed and enriched seeds of the seeds folder, for loading to read and fill. */
  async records(): Promise<RecordCache> {
    return RecordCache.open(cacheFile(this.#dir, "records", this.#folders.seeds), await codeVersion(), this.#fresh);
  }

  /** The last build's pages, or none; says why a damaged manifest was ignored (once). */
  async lastBuild(note?: (message: string) => void): Promise<LastBuild | undefined> {
    const last = await this.#lastBuild;
    if (last?.discarded !== undefined && note !== undefined) note(`page cache ignored: ${last.discarded}`);
    return last;
  }

  /**
   * Forgets the last build's pages before the live site starts changing in place: a build killed meanwhile leaves
   * no manifest describing a site that is no longer quite that one, and the next build renders every page.
   */
  async invalidate(): Promise<void> {
    await rm(this.#manifest, { force: true });
  }

  /** Takes the article pages of the articles at `urls` out of the last build, to render them first (see `takeChangedPages`). */
  takeChanged(archive: Archive, last: LastBuild, urls: ReadonlySet<string>): ChangedPages {
    return takeChangedPages(archive, last, urls);
  }

  /** Which pages to render and which to take from the last build (see `PageCache.plan`). */
  async plan(archive: Archive, last: LastBuild | undefined, dependencies: TemplateDependencies, articleKeys: ReadonlyMap<Article, string>): Promise<PageCache> {
    return PageCache.plan(archive, { manifest: this.#manifest, last, dependencies, code: await codeVersion(), articleKeys });
  }

  /** Where a replaced site goes, to be deleted by a background process. */
  get trash(): string {
    return path.join(this.#dir, "trash");
  }

  /** Marks this build's cache files as used, and removes those of folders no build has used for long. */
  async prune(): Promise<void> {
    await pruneCache(this.#dir, [cacheFile(this.#dir, "records", this.#folders.seeds), this.#manifest]);
  }
}

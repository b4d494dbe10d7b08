import { constants } from "node:fs";
import { access, mkdir } from "node:fs/promises";
import path from "node:path";
import type { Archive, Article } from "../article.ts";
import { describeFailure } from "../environment.ts";
import type { TemplateDependencies } from "../render/template-dependencies.ts";
import { cacheFile } from "./cache-file.ts";
import { codeVersion } from "./code-version.ts";
import { type LastBuild, linkLastBuild } from "./link-last-build.ts";
import { type ChangedPages, PageCache, takeChangedPages } from "./page-cache.ts";
import { pagesVersion } from "./page-manifest.ts";
import { pruneCache } from "./prune-cache.ts";
import { RecordCache } from "./record-cache.ts";

/** Where a build's output goes: the output folder, and the staging folder it is rendered into. */
export interface BuildFolders {
  readonly seeds: string;
  readonly out: string;
  readonly staging: string;
}

/**
 * The build cache, as a build uses it: `.cache/dateline/` of the current folder holds, for each seeds folder, the
 * records of its seeds (see RecordCache), and for each output folder, the manifest of its pages (see PageCache) and
 * the site it held before its last build (the spare, see `linkLastBuild`). A build opens it, hands the record store
 * to loading, plans its pages with it, saves what it built and prunes what no build uses.
 */
export class BuildCache {
  readonly #dir: string;
  readonly #folders: BuildFolders;
  readonly #fresh: boolean;
  readonly #manifest: string;
  readonly #spare: string;
  /** The last build's pages, linked into the staging folder while the archive loads; none for a fresh build. */
  readonly #lastBuild: Promise<LastBuild> | undefined;

  private constructor(dir: string, folders: BuildFolders, fresh: boolean, dependencies: Promise<TemplateDependencies>) {
    this.#dir = dir;
    this.#folders = folders;
    this.#fresh = fresh;
    this.#manifest = cacheFile(dir, "pages", folders.out);
    this.#spare = cacheFile(dir, "spare", folders.out);
    if (fresh) return;
    // Seconds of file-system work at 10,000 articles, which the other core does while the archive loads.
    this.#lastBuild = Promise.all([codeVersion(), dependencies]).then(([code, found]) =>
      linkLastBuild({ manifest: this.#manifest, outDir: folders.out, stagingDir: folders.staging, version: pagesVersion(code, found), spare: this.#spare }),
    );
    this.#lastBuild.catch(() => undefined);
  }

  /**
   * Opens the cache in `dir` and starts linking the last build's pages into the staging folder. A cache that cannot
   * be used costs the build time, not its output: undefined, with a note saying why. A `fresh` cache is filled, not read.
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

  /** The last build's pages linked into the staging folder, or none; says why a damaged manifest was ignored. */
  async lastBuild(note?: (message: string) => void): Promise<LastBuild | undefined> {
    const last = await this.#lastBuild;
    if (last?.discarded !== undefined) note?.(`page cache ignored: ${last.discarded}`);
    return last;
  }

  /** Takes the article pages of the articles at `urls` out of the last build, to render them first (see `takeChangedPages`). */
  takeChanged(archive: Archive, last: LastBuild, urls: ReadonlySet<string>): ChangedPages {
    return takeChangedPages(archive, last, urls, this.#folders.staging);
  }

  /** Which pages to render and which to take from the last build (see `PageCache.plan`). */
  async plan(archive: Archive, last: LastBuild | undefined, dependencies: TemplateDependencies, articleKeys: ReadonlyMap<Article, string>): Promise<PageCache> {
    return PageCache.plan(archive, { manifest: this.#manifest, stagingDir: this.#folders.staging, last, dependencies, code: await codeVersion(), articleKeys });
  }

  /** Where the site being replaced goes: kept as the spare for the next build, or to the trash. */
  get leftovers(): { trash: string; spare: string } {
    return { trash: path.join(this.#dir, "trash"), spare: this.#spare };
  }

  /** Marks this build's cache files as used, and removes those of folders no build has used for long. */
  async prune(): Promise<void> {
    await pruneCache(this.#dir, [cacheFile(this.#dir, "records", this.#folders.seeds), this.#manifest, this.#spare]);
  }

  /** Settles the linking of the last build (before the staging folder it links into is removed). */
  async settle(): Promise<void> {
    await this.#lastBuild?.catch(() => undefined);
  }
}

import type { Article, Archive } from "../article.ts";
import type { BuildCache } from "../cache/build-cache.ts";
import type { LastBuild } from "../cache/last-build.ts";
import type { ChangedPages, PageCache } from "../cache/page-cache.ts";
import type { TemplateDependencies } from "../render/template-dependencies.ts";
import type { IndexOptions } from "../search/index.ts";

/** What the page plan needs to know of the loaded archive. */
export interface PlannedArchive {
  readonly archive: Archive;
  /** URLs of the articles whose seeds were parsed again: new or changed since the last build. */
  readonly parsedUrls: ReadonlySet<string>;
  readonly articleKeys: ReadonlyMap<Article, string>;
}

/**
 * Which pages a build renders, in which order, and which it takes over from the last build. A rebuild after seeds
 * changed renders their article pages first (`early`), before the rest of the plan is made (~0.5 s at 10,000
 * articles), so that the search index, which starts their shards at once, works meanwhile; the plan of every other
 * page follows (`complete`). Without a cache every page is rendered.
 */
export class PagePlan {
  /** The article pages of new or changed seeds, rendered before the rest of the plan is made. */
  readonly early: ChangedPages | undefined;
  readonly #loaded: PlannedArchive;
  readonly #cache: BuildCache | undefined;
  readonly #last: LastBuild | undefined;
  readonly #dependencies: TemplateDependencies;
  #pages: PageCache | undefined;

  private constructor(loaded: PlannedArchive, cache: BuildCache | undefined, last: LastBuild | undefined, dependencies: TemplateDependencies, early: ChangedPages | undefined) {
    this.#loaded = loaded;
    this.#cache = cache;
    this.#last = last;
    this.#dependencies = dependencies;
    this.early = early;
  }

  /** Starts the plan: the pages to render early, or, when there are none, the whole plan at once. */
  static async start(loaded: PlannedArchive, cache: BuildCache | undefined, dependencies: TemplateDependencies, note?: (message: string) => void): Promise<PagePlan> {
    const last = await cache?.lastBuild(note);
    const early =
      cache !== undefined && last !== undefined && last.pages.size > 0 && loaded.parsedUrls.size > 0 && dependencies.pageArrays.has("articlePages")
        ? cache.takeChanged(loaded.archive, last, loaded.parsedUrls)
        : undefined;
    const plan = new PagePlan(loaded, cache, last, dependencies, early);
    if (early === undefined) await plan.complete();
    return plan;
  }

  /** The page arrays, each rendered from its records one page each. */
  get pageArrays(): string[] {
    return [...this.#dependencies.pageArrays.keys()];
  }

  /** Makes the plan of every page not rendered early; the links of the pages that changed are removed. */
  async complete(): Promise<PageCache | undefined> {
    this.#pages ??= await this.#cache?.plan(this.#loaded.archive, this.early?.last ?? this.#last, this.#dependencies, this.#loaded.articleKeys);
    return this.#pages;
  }

  /** The pages taken over from the last build, once the plan is complete. */
  get pages(): PageCache | undefined {
    return this.#pages;
  }

  /**
   * What the search index is told at its start: which articles changed (in a build that reuses pages, their shards are
   * likely to be indexed again, so they start at once), and what it may take over of the last build's.
   */
  indexOptions(previous: string | undefined): IndexOptions {
    if (previous === undefined) return {};
    const pages = this.#pages;
    const changed = this.early !== undefined || (pages !== undefined && pages.reused > 0) ? { changed: this.#loaded.parsedUrls } : {};
    const taken = this.early !== undefined ? { lastDigests: this.early.lastDigests } : pages ? { digests: pages.reusedDigests, written: pages.reusedUrls } : {};
    return { previous, ...taken, ...changed };
  }

  /** The records of each page array to render after the early pages, or undefined for all of them. */
  get rest(): Map<string, readonly number[]> | undefined {
    const pages = this.#pages;
    if (pages === undefined) return undefined;
    const early = new Set(this.early?.indexes);
    return new Map([...pages.render].map(([name, indexes]) => [name, name === "articlePages" ? indexes.filter((index) => !early.has(index)) : indexes]));
  }
}

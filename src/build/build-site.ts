import path from "node:path";
import type { Archive, Site } from "../article.ts";
import { BuildCache } from "../cache/build-cache.ts";
import { describeFailure } from "../environment.ts";
import { SeedsError, type Problem } from "../errors.ts";
import { listFiles } from "../files/list-files.ts";
import { templatesDir } from "../files/package-root.ts";
import { hasErrors, loadArchive, type LoadResult } from "../load/index.ts";
import { plural } from "../text/plural.ts";
import { discardStaging, publishSite, stageSite, type Staging } from "../publish/index.ts";
import type { RenderOptions, RenderSummary } from "../render/index.ts";
import { templateDependencies } from "../render/template-dependencies.ts";
import { type SearchIndexer, startIndexing } from "../search/index.ts";
import { PagePlan } from "./plan-pages.ts";

/** What `dateline build` needs to know. */
export interface BuildOptions {
  readonly seeds: string;
  readonly out: string;
  readonly site: Site;
  /** Build the good seeds when some have errors, instead of failing. */
  readonly skipInvalid: boolean;
  /** Told about each stage as it ends, and about problems as soon as they are known. */
  readonly report?: Reporter;
  /**
   * The build cache's folder (the CLI uses `.cache/dateline/` of the current folder): unchanged seeds are not
   * parsed again, unchanged pages not rendered again. Without one, everything is built from scratch.
   */
  readonly cacheDir?: string;
  /** Take nothing from the cache nor from the search index being replaced (a cold build), but fill the cache for the next build. */
  readonly fresh?: boolean;
  /** Articles per search shard; by default 2,000 (see `planShards`). */
  readonly shardSize?: number;
}

/** Receives a build's progress. */
export interface Reporter {
  problems(problems: readonly Problem[]): void;
  stage(name: string, detail: string, seconds: number): void;
  page?(outputPath: string): void;
  /** Something worth knowing that is not a problem of the seeds, e.g. a cache that could not be used. */
  note?(message: string): void;
}

/** What a finished build did. */
export interface BuildSummary {
  readonly seeds: number;
  readonly articles: number;
  readonly duplicates: number;
  readonly skipped: number;
  /** HTML pages written, and every file (feeds, API, search index, assets…). */
  readonly pages: number;
  readonly files: number;
  /** Seeds taken from the cache; files Eleventy rendered, and page files taken from the last build. */
  readonly cached: number;
  readonly rendered: number;
  readonly reused: number;
  readonly seconds: number;
}

/**
 * seeds → parse → enrich → collect → render → index → publish: the whole build, composed here and nowhere else.
 * Renders into a staging folder beside the output and swaps it in only when complete, so a failed or killed build
 * leaves the existing site as it was. Two stages overlap the next: the last build's pages are linked into the
 * staging folder while the seeds load, and the search index is built beside the render, a shard as soon as its
 * pages are rendered.
 */
export async function buildSite(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const { report } = options;
  const staging = await stageSite(options.out, options.seeds);
  const dependencies = templateDependencies(templatesDir);
  dependencies.catch(() => undefined);
  const folders = { seeds: options.seeds, out: staging.outDir, staging: staging.dir };
  const cache = options.cacheDir === undefined ? undefined : await BuildCache.open(options.cacheDir, folders, dependencies, { fresh: options.fresh ?? false, note: (message) => report?.note?.(message) });
  let indexer: SearchIndexer | undefined;
  try {
    const loaded = await loadArchive(options.seeds, options.site, cache === undefined ? {} : { records: await cache.records() });
    // Walked while the seeds loaded; a refusal is a usage error, said before anything of the seeds.
    await staging.owned;
    reportLoad(loaded, report);
    if (hasErrors(loaded.problems) && !options.skipInvalid) throw new SeedsError(loaded.problems);

    const renderStart = performance.now();
    const plan = await PagePlan.start(loaded, cache, await dependencies, (message) => report?.note?.(message));
    indexer = startIndexing(staging.dir, options.site, loaded.archive.articles, { ...plan.indexOptions(options.fresh ? undefined : staging.outDir), ...(options.shardSize !== undefined ? { shardSize: options.shardSize } : {}) });
    const rendered = await renderPages(loaded.archive, staging.dir, plan, indexer, report);
    const renderSeconds = (performance.now() - renderStart) / 1000;

    const indexStart = performance.now();
    const indexing = indexer.finish();
    indexing.catch(() => undefined);
    // Done while the last shards are indexed: the manifest's notes of the pages written, and the list of files
    // (the indexer's own are listed once it is done).
    plan.pages?.record(staging.dir);
    const unsaved = await loaded.cacheSaved;
    if (unsaved !== undefined) report?.note?.(unsaved);
    const reused = plan.pages?.reused ?? 0;
    report?.stage("render", `${plural(rendered.pages, "file")}${reused > 0 ? `, ${reused.toLocaleString("en-US")} reused` : ""}`, renderSeconds);
    const written = listFiles(staging.dir, ["pagefind"]);
    const indexed = await indexing;
    // Its seconds are those after the render: the shards indexed during the render cost no time of their own.
    report?.stage("index", `${plural(indexed.searchable, "article")} searchable, ${plural(indexed.pages, "page")} indexed, ${plural(indexed.shards, "shard")}${indexed.reused > 0 ? ` (${indexed.reused.toLocaleString("en-US")} reused)` : ""}`, (performance.now() - indexStart) / 1000);

    const publishStart = performance.now();
    const files = [...written, ...listFiles(path.join(staging.dir, "pagefind")).map((file) => `pagefind/${file}`)];
    await publish(staging, files, cache, report);
    // The manifest describes the published output, so it is written only once that is in place.
    await plan.pages?.save(indexed.digests).catch((cause: unknown) => report?.note?.(`page cache not saved: ${describeFailure(cause)}`));
    await cache?.prune().catch((cause: unknown) => report?.note?.(`build cache not pruned: ${describeFailure(cause)}`));
    report?.stage("publish", path.relative(process.cwd(), staging.outDir) || ".", (performance.now() - publishStart) / 1000);
    return {
      seeds: loaded.seeds,
      articles: loaded.archive.articles.length,
      duplicates: loaded.duplicates,
      skipped: loaded.skipped,
      pages: written.filter((file) => file.endsWith(".html")).length,
      // With the list of them (`.dateline/files.txt`), which publishing writes.
      files: files.length + 1,
      cached: loaded.cached,
      rendered: rendered.pages,
      reused,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (cause) {
    await cache?.settle();
    await indexer?.abandon();
    await discardStaging(staging);
    throw cause;
  }
}

/** Reports the problems of the seeds, then the load's stages: parse, enrich and collect. */
function reportLoad(loaded: LoadResult, report: Reporter | undefined): void {
  report?.problems(loaded.problems);
  if (loaded.cacheNote !== undefined) report?.note?.(loaded.cacheNote);
  const parsed = loaded.seeds - loaded.cached;
  const threads = loaded.threads > 0 ? ` in ${loaded.threads + 1} threads` : "";
  report?.stage("parse", `${plural(loaded.seeds, "seed")}${loaded.cached > 0 ? `, ${parsed.toLocaleString("en-US")} parsed, ${loaded.cached.toLocaleString("en-US")} cached` : ""}${threads}`, loaded.timings.parse);
  // Each seed is enriched as soon as it is parsed: enrich's seconds are part of parse's, summed over the threads.
  report?.stage("enrich", `${plural(loaded.seeds - loaded.skipped, "article")}${loaded.threads > 0 ? ", during parse" : ""}`, loaded.timings.enrich);
  report?.stage("collect", `${plural(loaded.archive.articles.length, "article")}, ${plural(loaded.duplicates, "duplicate")}`, loaded.timings.collect);
}

/**
 * Renders the pages the plan chooses, handing each to the search index as it comes: the early pages first, then,
 * once the plan is complete (and the search index told which pages it takes over), the rest.
 */
async function renderPages(archive: Archive, dir: string, plan: PagePlan, indexer: SearchIndexer, report: Reporter | undefined): Promise<RenderSummary> {
  // Eleventy's modules (0.35-0.45 s to load) are loaded only once the search index has started, so that a shard it
  // starts early is indexed meanwhile.
  const { renderSite } = await import("../render/index.ts");
  const { pageArrays } = plan;
  const render = (which: RenderOptions): Promise<RenderSummary> =>
    renderSite(archive, dir, {
      pageArrays,
      ...(report?.page ? { onPage: report.page } : {}),
      onRendered: (url, html) => indexer.rendered(url, html),
      onRun: (run) => indexer.written(run.urls),
      ...which,
    });
  let first: RenderSummary = { pages: 0, runs: 0 };
  const { early } = plan;
  if (early !== undefined) {
    const select = new Map(pageArrays.map((name) => [name, name === "articlePages" ? early.indexes : []]));
    first = await render({ select, pageArraysOnly: true, linked: new Set(early.last.linked.keys()) });
    const pages = await plan.complete();
    if (pages !== undefined) indexer.written(pages.reusedUrls, pages.reusedDigests);
  }
  const { rest, pages } = plan;
  const second = await render(rest !== undefined && pages !== undefined ? { select: rest, linked: pages.linked } : {});
  return { pages: first.pages + second.pages, runs: first.runs + second.runs };
}

/** Swaps the staging folder in; what fails after, the site published, is a note (see `publishSite`). */
async function publish(staging: Staging, files: readonly string[], cache: BuildCache | undefined, report: Reporter | undefined): Promise<void> {
  const unpublished = await publishSite(staging, files, cache?.leftovers);
  if (unpublished !== undefined) report?.note?.(unpublished);
}

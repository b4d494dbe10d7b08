import path from "node:path";
import type { Archive, Site } from "../article.ts";
import type { EntityFixes } from "../collect/entity-fixes.ts";
import { BuildCache } from "../cache/build-cache.ts";
import { describeFailure } from "../environment.ts";
import { SeedsError, type Problem } from "../errors.ts";
import { listFiles } from "../files/list-files.ts";
import { hasErrors, loadArchive, type LoadResult } from "../load/index.ts";
import { saveUrlRegistry } from "../load/url-registry-file.ts";
import { plural } from "../text/plural.ts";
import { checkOwned, discardStaging, hasMarker, publishInPlace, publishSite, readMarker, stageSite } from "../publish/index.ts";
import type { RenderOptions, RenderSummary } from "../render/index.ts";
import { pageRecords } from "../render/page-model.ts";
import { siteTemplates } from "../render/site-templates.ts";
import { writeRedirectPages } from "../render/redirect-pages.ts";
import { templateDependencies } from "../render/template-dependencies.ts";
import { keptBundleFiles, type SearchIndexer, startIndexing } from "../search/index.ts";
import { copyArticleImages } from "./copy-article-images.ts";
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
  /** Build the seeds marked `draft: true` too (`--drafts`). */
  readonly drafts?: boolean;
  /** The archive is a US newswire's (`--us-wire`): see `EnrichOptions`. */
  readonly usWire?: boolean;
  /** The site project's entity fixes, applied at collect: a change renders again the pages it touches, enriches nothing again. */
  readonly entityFixes?: EntityFixes;
  /**
   * The site project's URL registry (`dateline.urls.tsv`): read before the build (from the site being replaced when
   * it does not exist yet), written back once the site is published, and only if it changed.
   */
  readonly urlRegistry?: string;
  /** Write the registry back (true by default); a preview (`dateline serve`) only reads it. */
  readonly saveUrlRegistry?: boolean;
}

/** Receives a build's progress. */
export interface Reporter {
  problems(problems: readonly Problem[]): void;
  stage(name: string, detail: string, seconds: number): void;
  /** How far a long stage is: `done` of `total` (seeds parsed or taken from the cache, pages rendered). */
  progress?(stage: "parse" | "render", done: number, total: number): void;
  /** Something worth knowing that is not a problem of the seeds, e.g. a cache that could not be used. */
  note?(message: string): void;
}

/** What a finished build did. */
export interface BuildSummary {
  readonly seeds: number;
  readonly articles: number;
  readonly duplicates: number;
  readonly skipped: number;
  /** Seeds left out as drafts. */
  readonly drafts: number;
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
 * Renders into a staging folder beside the output. A first build (or one that reuses nothing) swaps it in as a whole
 * once complete; a build that the last build's manifest lets reuse pages renders only those that changed and moves
 * them into the live site (`publishInPlace`), so it costs what changed. Either way a failed or killed build leaves a
 * complete site. The search index is built beside the render, a shard as soon as its pages are rendered.
 */
export async function buildSite(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const { report } = options;
  const staging = await stageSite(options.out, options.seeds);
  // The theme's overrides are part of the templates: a change to one changes the pages' fingerprints.
  const dependencies = siteTemplates(options.site).then(templateDependencies);
  dependencies.catch(() => undefined);
  const folders = { seeds: options.seeds, out: staging.outDir };
  const cache = options.cacheDir === undefined ? undefined : await BuildCache.open(options.cacheDir, folders, dependencies, { fresh: options.fresh ?? false, note: (message) => report?.note?.(message) });
  // Updated in place when the last build's pages can be reused and the output is the site it published: only files on
  // its list are replaced or deleted, and a file of the user's where a new one would go is refused (`publishInPlace`).
  // Else replaced as a whole, which it may be only if it holds nothing Dateline did not write: a walk of the whole
  // site (10-30 s at 114,000 articles, which an update in place must not cost), beside the load.
  const inPlace = (cache?.lastBuild() ?? Promise.resolve(undefined)).then((last) => last !== undefined && last.pages.size > 0 && hasMarker(staging.outDir));
  const owned = inPlace.then((yes) => (yes ? undefined : checkOwned(staging.outDir, options.out)));
  // Awaited after the load; until then a refusal must not count as unhandled.
  owned.catch(() => undefined);
  let indexer: SearchIndexer | undefined;
  try {
    const urlRegistry = options.urlRegistry === undefined ? {} : { urlRegistry: { file: options.urlRegistry, site: options.out } };
    const onSeeds = report?.progress ? { onSeeds: (done: number, total: number) => report.progress?.("parse", done, total) } : {};
    const loaded = await loadArchive(options.seeds, options.site, { ...onSeeds, drafts: options.drafts ?? false, enrich: { usWire: options.usWire ?? false }, ...(options.entityFixes !== undefined ? { entityFixes: options.entityFixes } : {}), ...urlRegistry, ...(cache === undefined ? {} : { records: await cache.records() }) });
    // Walked while the seeds loaded; a refusal is a usage error, said before anything of the seeds.
    await owned;
    reportLoad(loaded, report);
    // A registry line left out could rename its article: --skip-invalid does not skip one.
    const badRegistry = loaded.problems.some((problem) => problem.id === "invalid-url-registry");
    if (hasErrors(loaded.problems) && (!options.skipInvalid || badRegistry)) throw new SeedsError(loaded.problems);

    const renderStart = performance.now();
    const plan = await PagePlan.start(loaded, cache, await dependencies, (message) => report?.note?.(message));
    const updating = await inPlace;
    indexer = startIndexing(staging.dir, options.site, loaded.archive.articles, { ...plan.indexOptions(options.fresh ? undefined : staging.outDir), inPlace: updating, ...(options.shardSize !== undefined ? { shardSize: options.shardSize } : {}) });
    const rendered = await renderPages(loaded.archive, staging.dir, plan, indexer, report);
    await copyArticleImages(loaded.archive.articles, options.seeds, staging.dir);
    await writeRedirectPages(loaded.archive, staging.dir);
    const renderSeconds = (performance.now() - renderStart) / 1000;

    const indexStart = performance.now();
    const indexing = indexer.finish();
    indexing.catch(() => undefined);
    const unsaved = await loaded.cacheSaved;
    if (unsaved !== undefined) report?.note?.(unsaved);
    const reused = plan.pages?.reused ?? 0;
    report?.stage("render", `${plural(rendered.pages, "file")}${reused > 0 ? `, ${reused.toLocaleString("en-US")} reused` : ""}`, renderSeconds);
    const indexed = await indexing;
    // Its seconds are those after the render: the shards indexed during the render cost no time of their own.
    report?.stage("index", `${plural(indexed.searchable, "article")} searchable, ${plural(indexed.pages, "page")} indexed, ${plural(indexed.shards, "shard")}${indexed.reused > 0 ? ` (${indexed.reused.toLocaleString("en-US")} reused)` : ""}`, (performance.now() - indexStart) / 1000);

    const publishStart = performance.now();
    const staged = listFiles(staging.dir);
    // Read once, now: at a million articles the list holds millions of paths, which the render need not carry.
    const previous = updating ? readMarker(staging.outDir) : undefined;
    // Updated in place, the site is what was staged and what stays as it is: the pages and search bundles reused.
    const files = previous ? [...new Set([...staged, ...(plan.pages?.reusedFiles ?? []), ...keptBundleFiles(previous, indexed.kept)])] : staged;
    if (previous) await publishInPlace(staging, { files, staged, previous, ...(cache ? { beforeCommit: () => cache.invalidate() } : {}) });
    else {
      const unpublished = await publishSite(staging, files, cache?.trash);
      if (unpublished !== undefined) report?.note?.(unpublished);
    }
    // Only once the site is published: a build that fails leaves the registry as it was.
    if (options.urlRegistry !== undefined && options.saveUrlRegistry !== false) await saveUrlRegistry(options.urlRegistry, loaded.archive.registry);
    // The manifest describes the published output, so it is written only once that is in place.
    await plan.pages?.save(indexed.digests).catch((cause: unknown) => report?.note?.(`page cache not saved: ${describeFailure(cause)}`));
    await cache?.prune().catch((cause: unknown) => report?.note?.(`build cache not pruned: ${describeFailure(cause)}`));
    report?.stage("publish", path.relative(process.cwd(), staging.outDir) || ".", (performance.now() - publishStart) / 1000);
    return {
      seeds: loaded.seeds,
      articles: loaded.archive.articles.length,
      duplicates: loaded.duplicates,
      skipped: loaded.skipped,
      drafts: loaded.drafts,
      pages: files.filter((file) => file.endsWith(".html")).length,
      // With the lists of them and of what changed (`.dateline/files.txt`, `changes.txt`), which publishing writes.
      files: files.length + 2,
      cached: loaded.cached,
      rendered: rendered.pages,
      reused,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (cause) {
    await indexer?.abandon();
    // What failed is the error; a staging folder left behind is removed by the next build.
    await discardStaging(staging).catch(() => undefined);
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
  // For the progress, the pages of the page arrays to render as far as the plan knows (the other templates are a few):
  // the early pages until the plan is complete, then every page it chose; all of them without a cache.
  const earlyCount = plan.early?.indexes.length ?? 0;
  const planned = (): number =>
    plan.early !== undefined && plan.pages === undefined ? earlyCount : (plan.rest ? [...plan.rest.values()] : pageArrays.map((name) => pageRecords(archive, name))).reduce((sum, list) => sum + list.length, earlyCount);
  let rendered = 0;
  let expected = report?.progress ? planned() : 0;
  const onPage = report?.progress ? { onPage: () => report.progress?.("render", ++rendered, Math.max(rendered, expected)) } : {};
  const render = (which: RenderOptions): Promise<RenderSummary> =>
    renderSite(archive, dir, {
      pageArrays,
      ...onPage,
      onRendered: (url, html) => indexer.rendered(url, html),
      onRun: (run) => indexer.written(run.urls),
      ...which,
    });
  let first: RenderSummary = { pages: 0, runs: 0 };
  const { early } = plan;
  if (early !== undefined) {
    const select = new Map(pageArrays.map((name) => [name, name === "articlePages" ? early.indexes : []]));
    first = await render({ select, pageArraysOnly: true, reused: new Set(early.last.pages.keys()) });
    const pages = await plan.complete();
    if (pages !== undefined) indexer.written(pages.reusedUrls, pages.reusedDigests);
    if (report?.progress) expected = planned();
  }
  const { rest, pages } = plan;
  const second = await render(rest !== undefined && pages !== undefined ? { select: rest, reused: pages.reusedFiles } : {});
  return { pages: first.pages + second.pages, runs: first.runs + second.runs };
}

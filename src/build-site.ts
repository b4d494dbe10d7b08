import { constants } from "node:fs";
import { access, mkdir } from "node:fs/promises";
import path from "node:path";
import type { Site } from "./article.ts";
import { cacheFile } from "./cache/cache-file.ts";
import { codeVersion } from "./cache/code-version.ts";
import { listFiles } from "./files/list-files.ts";
import { linkLastBuild, PageCache, pagesVersion, takeChangedPages } from "./cache/page-cache.ts";
import { pruneCache } from "./cache/prune-cache.ts";
import { templateDependencies } from "./render/template-dependencies.ts";
import { describeFailure } from "./environment.ts";
import { SeedsError, type Problem } from "./errors.ts";
import { hasErrors, loadArchive } from "./load-archive.ts";
import { templatesDir } from "./files/package-root.ts";
import { plural } from "./plural.ts";
import { discardStaging, publishSite, stageSite } from "./publish/index.ts";
import type { RenderOptions } from "./render/index.ts";
import { type SearchIndexer, startIndexing } from "./search/index.ts";

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
 * seeds → parse → enrich → collect → render → index → publish. Renders into a staging folder
 * beside the output and swaps it in only when complete, so a failed or killed build
 * leaves the existing site as it was.
 */
export async function buildSite(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const { report } = options;
  const staging = await stageSite(options.out, options.seeds);
  const { fresh = false } = options;
  // A cache that cannot be used costs this build time, not its output: it goes on without one.
  const cacheDir = options.cacheDir === undefined ? undefined : await usableCache(options.cacheDir, report);
  const manifest = cacheDir === undefined ? undefined : cacheFile(cacheDir, "pages", staging.outDir);
  const spare = cacheDir === undefined ? undefined : cacheFile(cacheDir, "spare", staging.outDir);
  // The last build's pages are linked into the staging folder while the archive loads: seconds of file-system work
  // at 10,000 articles, which the other core does meanwhile.
  const versions = Promise.all([codeVersion(), templateDependencies(templatesDir)]);
  versions.catch(() => undefined);
  const lastBuild =
    manifest === undefined || fresh
      ? undefined
      : versions.then(([code, dependencies]) => linkLastBuild({ manifest, outDir: staging.outDir, stagingDir: staging.dir, version: pagesVersion(code, dependencies), ...(spare ? { spare } : {}) }));
  lastBuild?.catch(() => undefined);
  let indexer: SearchIndexer | undefined;
  try {
    const loaded = await loadArchive(options.seeds, options.site, cacheDir === undefined ? {} : { cacheDir, fresh });
    report?.problems(loaded.problems);
    if (loaded.cacheNote !== undefined) report?.note?.(loaded.cacheNote);
    const parsed = loaded.seeds - loaded.cached;
    const threads = loaded.threads > 0 ? ` in ${loaded.threads + 1} threads` : "";
    report?.stage("parse", `${plural(loaded.seeds, "seed")}${loaded.cached > 0 ? `, ${parsed.toLocaleString("en-US")} parsed, ${loaded.cached.toLocaleString("en-US")} cached` : ""}${threads}`, loaded.timings.parse);
    // Each seed is enriched as soon as it is parsed: enrich's seconds are part of parse's, summed over the threads.
    report?.stage("enrich", `${plural(loaded.seeds - loaded.skipped, "article")}${loaded.threads > 0 ? ", during parse" : ""}`, loaded.timings.enrich);
    report?.stage("collect", `${plural(loaded.archive.articles.length, "article")}, ${plural(loaded.duplicates, "duplicate")}`, loaded.timings.collect);
    if (hasErrors(loaded.problems) && !options.skipInvalid) throw new SeedsError(loaded.problems);

    const renderStart = performance.now();
    // Made here rather than by Eleventy's first write, so stages running beside the render can write into it.
    await mkdir(staging.dir, { recursive: true });
    const [code, dependencies] = await versions;
    const last = await lastBuild;
    if (last?.discarded !== undefined) report?.note?.(`page cache ignored: ${last.discarded}`);
    const pageArrays = [...dependencies.pageArrays.keys()];
    // A rebuild after seeds changed: their article pages change for sure, so they are rendered first, before the page
    // plan (~0.5 s at 10,000 articles), and handed to the search index, which began their shards at once; the plan, the
    // other pages and the shards taken over from the last build follow while Pagefind indexes those shards.
    const changedPages =
      manifest !== undefined && last !== undefined && last.linked.size > 0 && loaded.parsedUrls.size > 0 && dependencies.pageArrays.has("articlePages")
        ? takeChangedPages(loaded.archive, last, loaded.parsedUrls, staging.dir)
        : undefined;
    const planCache = (): PageCache | undefined =>
      manifest === undefined
        ? undefined
        : PageCache.plan(loaded.archive, { manifest, stagingDir: staging.dir, last: changedPages?.last ?? last, dependencies, code, articleKeys: loaded.articleKeys });
    let cache = changedPages === undefined ? planCache() : undefined;
    // Pagefind runs in a process of its own: a shard is indexed on the other core as soon as its pages are rendered.
    // Articles parsed again are new or changed, and their shards likely to be indexed again, in a build that reuses pages.
    const changed = changedPages !== undefined || (cache !== undefined && cache.reused > 0) ? { changed: loaded.parsedUrls } : {};
    const taken = changedPages !== undefined ? { lastDigests: changedPages.lastDigests } : cache ? { digests: cache.reusedDigests, written: cache.reusedUrls } : {};
    indexer = startIndexing(staging.dir, options.site, loaded.archive.articles, fresh ? {} : { previous: staging.outDir, ...taken, ...changed });
    const searchIndex = indexer;
    // Eleventy's modules (0.35-0.45 s to load) are loaded only once the search index has started, so that a shard it
    // starts early is indexed meanwhile.
    const { renderSite } = await import("./render/index.ts");
    const render = (which: RenderOptions): ReturnType<typeof renderSite> =>
      renderSite(loaded.archive, staging.dir, {
        pageArrays,
        ...(report?.page ? { onPage: report.page } : {}),
        onRendered: (url, html) => searchIndex.rendered(url, html),
        onRun: (run) => searchIndex.written(run.urls),
        ...which,
      });
    let first = { pages: 0, runs: 0 };
    if (changedPages !== undefined) {
      const select = new Map(pageArrays.map((name) => [name, name === "articlePages" ? changedPages.indexes : []]));
      first = await render({ select, pageArraysOnly: true, linked: new Set(changedPages.last.linked.keys()) });
      cache = planCache();
      if (cache !== undefined) indexer.written(cache.reusedUrls, cache.reusedDigests);
    }
    const early = new Set(changedPages?.indexes);
    const rest = await render(cache ? { select: withoutEarly(cache.render, early), linked: cache.linked } : {});
    const rendered = { pages: first.pages + rest.pages, runs: first.runs + rest.runs };
    const renderSeconds = (performance.now() - renderStart) / 1000;
    const indexStart = performance.now();
    const indexing = indexer.finish();
    indexing.catch(() => undefined);
    // Done while the last shards are indexed: the manifest's notes of the pages written, and the count of files
    // (the indexer counts its own).
    cache?.record(staging.dir);
    const unsaved = await loaded.cacheSaved;
    if (unsaved !== undefined) report?.note?.(unsaved);
    const reused = cache?.reused ?? 0;
    report?.stage("render", `${plural(rendered.pages, "file")}${reused > 0 ? `, ${reused.toLocaleString("en-US")} reused` : ""}`, renderSeconds);
    const written = listFiles(staging.dir, ["pagefind"]);
    const indexed = await indexing;
    // Its seconds are those after the render (the manifest's notes and the count of files are made in them): the
    // shards indexed during the render cost no time of their own.
    report?.stage("index", `${plural(indexed.searchable, "article")} searchable, ${plural(indexed.pages, "page")} indexed, ${plural(indexed.shards, "shard")}${indexed.reused > 0 ? ` (${indexed.reused.toLocaleString("en-US")} reused)` : ""}`, (performance.now() - indexStart) / 1000);
    const publishStart = performance.now();
    const files = [...written, ...listFiles(path.join(staging.dir, "pagefind")).map((file) => `pagefind/${file}`)];
    const unpublished = await publishSite(staging, files, cacheDir === undefined ? undefined : { trash: path.join(cacheDir, "trash"), ...(spare ? { spare } : {}) });
    // From here the site is published: what fails costs the next build time, and is a note, not a failed build.
    if (unpublished !== undefined) report?.note?.(unpublished);
    // The manifest describes the published output, so it is written only once that is in place.
    await cache?.save(indexed.digests).catch((cause: unknown) => report?.note?.(`page cache not saved: ${describeFailure(cause)}`));
    if (cacheDir !== undefined) {
      const used = [cacheFile(cacheDir, "records", options.seeds), cacheFile(cacheDir, "pages", staging.outDir), cacheFile(cacheDir, "spare", staging.outDir)];
      await pruneCache(cacheDir, used).catch((cause: unknown) => report?.note?.(`build cache not pruned: ${describeFailure(cause)}`));
    }
    report?.stage("publish", path.relative(process.cwd(), staging.outDir) || ".", (performance.now() - publishStart) / 1000);
    return {
      seeds: loaded.seeds,
      articles: loaded.archive.articles.length,
      duplicates: loaded.duplicates,
      skipped: loaded.skipped,
      pages: written.filter((file) => file.endsWith(".html")).length,
      files: files.length + 1,
      cached: loaded.cached,
      rendered: rendered.pages,
      reused,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (cause) {
    await lastBuild?.catch(() => undefined);
    await indexer?.abandon();
    await discardStaging(staging);
    throw cause;
  }
}

/** The records to render of each page array, but for the article pages at `early` (rendered already). */
function withoutEarly(render: ReadonlyMap<string, readonly number[]>, early: ReadonlySet<number>): Map<string, readonly number[]> {
  return new Map([...render].map(([name, indexes]) => [name, name === "articlePages" ? indexes.filter((index) => !early.has(index)) : indexes]));
}

/** The build cache's folder if it can be used (made, and written to), else undefined, with a note saying why. */
async function usableCache(cacheDir: string, report: Reporter | undefined): Promise<string | undefined> {
  try {
    await mkdir(cacheDir, { recursive: true });
    await access(cacheDir, constants.W_OK);
    return cacheDir;
  } catch (cause) {
    report?.note?.(`build cache ${path.relative(process.cwd(), cacheDir) || cacheDir} cannot be used (${describeFailure(cause)}); building without it`);
    return undefined;
  }
}

import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Site } from "./article.ts";
import { SeedsError, type Problem } from "./errors.ts";
import { hasErrors, loadArchive } from "./load-archive.ts";
import { plural } from "./plural.ts";
import { discardStaging, publishSite, stageSite } from "./publish/index.ts";
import { renderSite } from "./render/index.ts";
import { indexSite } from "./search/index.ts";

/** What `dateline build` needs to know. */
export interface BuildOptions {
  readonly seeds: string;
  readonly out: string;
  readonly site: Site;
  /** Build the good seeds when some have errors, instead of failing. */
  readonly skipInvalid: boolean;
  /** Told about each stage as it ends, and about problems as soon as they are known. */
  readonly report?: Reporter;
}

/** Receives a build's progress. */
export interface Reporter {
  problems(problems: readonly Problem[]): void;
  stage(name: string, detail: string, seconds: number): void;
  page?(outputPath: string): void;
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
  const loaded = await loadArchive(options.seeds, options.site);
  report?.problems(loaded.problems);
  report?.stage("parse", plural(loaded.seeds, "seed"), loaded.timings.parse);
  report?.stage("enrich", plural(loaded.seeds - loaded.skipped, "article"), loaded.timings.enrich);
  report?.stage("collect", `${plural(loaded.archive.articles.length, "article")}, ${plural(loaded.duplicates, "duplicate")}`, loaded.timings.collect);
  if (hasErrors(loaded.problems) && !options.skipInvalid) throw new SeedsError(loaded.problems);

  try {
    const renderStart = performance.now();
    const rendered = await renderSite(loaded.archive, staging.dir, report?.page ? { onPage: report.page } : {});
    report?.stage("render", plural(rendered.pages, "file"), (performance.now() - renderStart) / 1000);
    const indexStart = performance.now();
    const articleUrls = loaded.archive.articles.map((article) => article.url);
    const indexed = await indexSite(staging.dir, options.site, articleUrls);
    report?.stage("index", `${plural(indexed.searchable, "article")} searchable in ${plural(indexed.pages, "page")}`, (performance.now() - indexStart) / 1000);
    const { pages, files } = await countFiles(staging.dir);
    const publishStart = performance.now();
    await publishSite(staging);
    report?.stage("publish", path.relative(process.cwd(), staging.outDir) || ".", (performance.now() - publishStart) / 1000);
    return {
      seeds: loaded.seeds,
      articles: loaded.archive.articles.length,
      duplicates: loaded.duplicates,
      skipped: loaded.skipped,
      pages,
      files,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (cause) {
    await discardStaging(staging);
    throw cause;
  }
}

async function countFiles(dir: string): Promise<{ pages: number; files: number }> {
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  return { pages: entries.filter((entry) => entry.name.endsWith(".html")).length, files: entries.length };
}

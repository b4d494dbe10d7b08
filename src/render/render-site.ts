import { cp } from "node:fs/promises";
import path from "node:path";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import Eleventy from "@11ty/eleventy";
import type { Archive } from "../article.ts";
import { outputFile, pageRecords, pageUrl } from "./page-model.ts";
import { templateDependencies } from "./template-dependencies.ts";
import { packageRoot } from "../files/package-root.ts";
import { assetsFolder, datelinePlugin } from "./plugin.ts";
import { siteTemplates } from "./site-templates.ts";
import { PageWriter } from "./page-writer.ts";
import type { WriteBatch } from "./write-files.ts";

/** Options for one render. */
export interface RenderOptions {
  /** Called after each page is rendered, with the page's output path. */
  readonly onPage?: (outputPath: string) => void;
  /** Indexes of the records to render, for each page array; by default all of them. */
  readonly select?: ReadonlyMap<string, readonly number[]>;
  /** Archive arrays paginated one record a page (see templateDependencies); by default read from the templates. */
  readonly pageArrays?: readonly string[];
  /** Most pages one Eleventy run renders; by default a quarter of them, between 2,500 and 5,000. */
  readonly sliceSize?: number;
  /**
   * Called with each page's URL and content as soon as it is rendered, before Eleventy writes its file (so the
   * next stage can start on a page at once, but must take it from `content`).
   */
  readonly onRendered?: (url: string, content: string) => void;
  /**
   * Called after each Eleventy run, once its files are written, in the runs' order: the next run goes on meanwhile, and
   * the render ends once every call is done.
   */
  readonly onRun?: (run: RenderRun) => void | Promise<void>;
  /**
   * Files (relative, `/`-separated) that the build takes from the live site as they are: rendering one again would
   * be wasted work the page plan meant to save, so a template that would is an error, raised before it writes.
   */
  readonly reused?: ReadonlySet<string>;
  /** Render the selected records of the page arrays only, not the other templates (a later render does those). */
  readonly pageArraysOnly?: boolean;
}

/** What one Eleventy run wrote. */
export interface RenderRun {
  /** URLs of the page arrays' records it rendered. */
  readonly urls: readonly string[];
}

/** What a render did. */
export interface RenderSummary {
  /** Files Eleventy wrote from templates. */
  readonly pages: number;
  /** Eleventy runs, one per slice. */
  readonly runs: number;
}

type EleventyConfig = Parameters<typeof datelinePlugin>[0] & {
  benchmarkManager: { getAll(): Record<string, { setIsVerbose(verbose: boolean): void }> };
  ignores: Set<string>;
  setUseGitIgnore(use: boolean): void;
  addPreprocessor(name: string, extensions: string, callback: (this: { inputPath: string }, data: { pagination?: { data?: unknown; size?: unknown } }) => false | undefined): void;
};

/**
 * Collects garbage now. Node has no API to start a collection; turning on V8's --expose-gc at run time and taking `gc`
 * from a new context reaches it without asking users for a command-line flag. Done when first needed, between two
 * slices of a render, not when this module is imported.
 */
function collectGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

// Eleventy keeps every page it renders (data, content, results) until its run ends, so memory grows with the pages
// of a run: an archive is rendered in slices, a fresh Eleventy each, and one run's memory is freed before the next.
// A run costs ~0.25 s more than its pages; four or more runs let the search index start on the first slices' pages.
const slicesAtLeast = 4;
// At 114,258 articles a run of 10,000 pages added up to 1.1 GB of heap to a 1.3 GB base (the process peaked at
// 2.7 GB); runs of at most 5,000 keep it well under 3 GB.
const sliceSizes = { min: 2500, max: 5000 };

/**
 * Renders the archive into `outDir` with Eleventy, using the package's templates and `.eleventy.js`. Pages come
 * from in-memory records through pagination, not collections, so the cost stays linear in the number of articles.
 * Pages of the page arrays are rendered in slices; the other templates (the 404 page, robots.txt…) in the first.
 */
export async function renderSite(archive: Archive, outDir: string, options: RenderOptions = {}): Promise<RenderSummary> {
  // Once per render, not per slice: with a theme, finding its overlay hashes every template and asset.
  const templates = await siteTemplates(archive.site);
  // The largest array first, in its own order: the article pages, newest first, which the search index wants first.
  const pageArrays = [...(options.pageArrays ?? (await templateDependencies(templates)).pageArrays.keys())].sort((a, b) => pageRecords(archive, b).length - pageRecords(archive, a).length);
  const chosen = pageArrays.flatMap((name) => {
    const records = pageRecords(archive, name);
    return (options.select?.get(name) ?? records.map((_record, index) => index)).map((index) => ({ name, record: records[index] }));
  });
  const sliceSize = options.sliceSize ?? Math.min(sliceSizes.max, Math.max(sliceSizes.min, Math.ceil(chosen.length / slicesAtLeast)));
  // One for the whole render, so that a folder is made once; a thread of its own only if a next slice renders beside
  // its writes (a test's in-process builds of a hundred pages each started one, through tsx, for nothing).
  const writer = new PageWriter({ thread: chosen.length > sliceSize });
  // A slice's files are written while the next slice renders; its `onRun` follows its files, in the slices' order.
  let written: Promise<void> = Promise.resolve();
  // One slice: its Eleventy run, then its files and `onRun` set going; returns how many files it renders. A function
  // of its own, so that nothing of the slice (its pages' HTML) is still reachable here when the next slice starts.
  const renderSlice = async (start: number): Promise<number> => {
    const slice = chosen.slice(start, start + sliceSize);
    const view: Archive = { ...archive, ...Object.fromEntries(pageArrays.map((name) => [name, slice.filter((page) => page.name === name).map((page) => page.record)])) };
    const run = await renderRun(view, outDir, {
      templates,
      pageArrays: new Set(pageArrays),
      first: start === 0 && options.pageArraysOnly !== true,
      reused: options.reused ?? new Set(),
      ...(options.onPage ? { onPage: options.onPage } : {}),
      ...(options.onRendered ? { onRendered: options.onRendered } : {}),
    });
    const urls = slice.map((page) => pageUrl(page.record) ?? "");
    written = Promise.all([written, writer.write(run.files)]).then(() => options.onRun?.({ urls }));
    // Awaited at the end; until then a failure must not count as unhandled.
    written.catch(() => undefined);
    return run.files.length;
  };
  let pages = 0;
  let runs = 0;
  try {
    for (let start = 0; start === 0 || start < chosen.length; start += sliceSize) {
      pages += await renderSlice(start);
      runs++;
      // V8 collects lazily: without a full collection here, the heap would hold this run's pages while the next allocates its own.
      if (start + sliceSize < chosen.length) collectGarbage();
    }
    await written;
  } finally {
    // No file may still be being written when a failed build removes its staging folder.
    await written.catch(() => undefined);
    await writer.close();
  }
  return { pages, runs };
}

/**
 * One Eleventy run over an archive whose page arrays hold one slice of the pages: the files it rendered, for the caller
 * to write. Eleventy renders them to JSON, which writes nothing, not even the passthrough files: the first run copies
 * the assets.
 */
async function renderRun(
  archive: Archive,
  outDir: string,
  options: {
    /** The templates folder (`siteTemplates`). */
    readonly templates: string;
    readonly pageArrays: ReadonlySet<string>;
    readonly first: boolean;
    readonly reused: ReadonlySet<string>;
    readonly onPage?: (outputPath: string) => void;
    readonly onRendered?: (url: string, content: string) => void;
  },
): Promise<{ readonly files: WriteBatch }> {
  const paginating = new Map<string, string>();
  const { templates } = options;
  const eleventy = new Eleventy(templates, outDir, {
    quietMode: true,
    configPath: path.join(packageRoot, ".eleventy.js"),
    pathPrefix: archive.site.pathPrefix,
    config: (eleventyConfig: EleventyConfig) => {
      // Eleventy warns on stderr when a filter takes over 8 % of a run, even in quiet mode: its configuration's
      // benchmark group is made before quiet mode applies (Eleventy 3.1.8). Dateline reports its own stage times.
      for (const group of Object.values(eleventyConfig.benchmarkManager.getAll())) group.setIsVerbose(false);
      // Installed as a package, the templates are inside node_modules/, which Eleventy ignores by default, as it does
      // what the project's .gitignore names: the input folder holds templates only, so nothing of it is ignored.
      eleventyConfig.ignores.delete("**/node_modules/**");
      eleventyConfig.setUseGitIgnore(false);
      eleventyConfig.addPlugin(datelinePlugin, { archive, templates });
      // Transforms run on every template's output before it is written; a cold build reuses no file to guard.
      if (options.reused.size > 0) {
        eleventyConfig.addTransform("dateline-reused", function (content) {
          const file = this.page.outputPath === false ? undefined : path.relative(outDir, path.resolve(this.page.outputPath)).split(path.sep).join("/");
          if (file !== undefined && options.reused.has(file)) throw new Error(`Internal error: a template would write ${file}, a page taken from the last build`);
          return content;
        });
      }
      // One transform for what each page tells the build: progress, its HTML for the search index, and a turn of the event loop.
      const { onPage, onRendered } = options;
      let sinceTurn = 0;
      eleventyConfig.addTransform("dateline-page", async function (content) {
        if (this.page.outputPath) onPage?.(this.page.outputPath);
        if (typeof this.page.url === "string" && typeof content === "string") onRendered?.(this.page.url, content);
        if (++sinceTurn >= pagesPerTurn) {
          sinceTurn = 0;
          await new Promise((resolve) => setImmediate(resolve));
        }
        return content;
      });
      // Templates of the page arrays render their slice in every run; the others only in the first.
      eleventyConfig.addPreprocessor("dateline-slices", "*", function (data) {
        const paginated = data.pagination?.data;
        const name = typeof paginated === "string" && paginated.startsWith("archive.") ? paginated.slice("archive.".length) : undefined;
        if (name !== undefined && options.pageArrays.has(name)) {
          if (data.pagination?.size !== 1) throw new Error(`Internal error: ${this.inputPath} paginates archive.${name} ${String(data.pagination?.size)} a page, but it is rendered in slices`);
          paginating.set(path.resolve(this.inputPath), name);
          return undefined;
        }
        return options.first ? undefined : false;
      });
    },
  });
  // Eleventy's own log would interleave with ours; its errors are thrown and reported with their causes.
  eleventy.disableLogger();
  // The plugin's assets, which Eleventy copies only when it writes (the dev server's case). Copied at once, while it renders.
  const assets = options.first ? cp(assetsFolder(templates), path.join(outDir, "assets"), { recursive: true }) : undefined;
  assets?.catch(() => undefined);
  let written: Written[];
  try {
    written = (await eleventy.toJSON()) as Written[];
    await assets;
  } catch (cause) {
    // No copy may still be going when the build removes its staging folder.
    await assets?.catch(() => undefined);
    const message = cause instanceof Error ? cause.message : String(cause);
    const root = rootCause(cause);
    throw new Error(`Rendering failed: ${message}${root === message ? "" : `: ${root}`}`, { cause });
  }
  checkOutputs(archive, outDir, options.pageArrays, paginating, written);
  // A template with `permalink: false` is rendered to JSON too, but has no file.
  return { files: written.flatMap((page) => (page.outputPath === false ? [] : [[page.outputPath, page.content] as const])) };
}

// Eleventy renders a run's pages in one chain of promises that waits for no I/O, so for the seconds a run takes
// nothing else on this thread moved: the search index, which starts each shard when a worker says the last one is
// done, indexed one shard a run while a core stood idle. A transform may be async: the page transform lets the event loop
// turn every few pages (at 10,000 articles the render writes ~2,000 files a second).
const pagesPerTurn = 16;

/** The message of the innermost error: Eleventy wraps the one a filter or transform threw in `originalError`s. */
function rootCause(error: unknown): string {
  let inner = error;
  for (;;) {
    const next = inner instanceof Error ? ((inner as { originalError?: unknown }).originalError ?? inner.cause) : undefined;
    if (!(next instanceof Error)) return inner instanceof Error ? inner.message : String(inner);
    inner = next;
  }
}

/** What Eleventy's `write` says of a template it wrote. */
interface Written {
  readonly inputPath: string;
  readonly outputPath: string | false;
  readonly content: string | Buffer;
}

/** The cache knows a page's file from its record's URL: make sure Eleventy wrote exactly those files. */
function checkOutputs(archive: Archive, outDir: string, pageArrays: ReadonlySet<string>, paginating: ReadonlyMap<string, string>, written: readonly Written[]): void {
  const expected = new Set([...pageArrays].flatMap((name) => pageRecords(archive, name).map((record) => path.join(outDir, outputFile(pageUrl(record) ?? "")))));
  const got = written.filter((page) => paginating.has(path.resolve(page.inputPath)) && page.outputPath !== false).map((page) => path.resolve(page.outputPath as string));
  const unexpected = got.find((file) => !expected.has(file));
  if (unexpected !== undefined || got.length !== expected.size) {
    throw new Error(`Internal error: the page arrays' templates wrote ${unexpected ?? `${got.length} files for ${expected.size} records`}; a page's permalink must be its record's \`url\` (or \`article.url\`)`);
  }
}

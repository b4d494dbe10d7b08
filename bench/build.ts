// npm run bench — full builds of real corpus archives, Dateline beside a plain-Eleventy baseline (plus the Pagefind CLI on
// its output) and, when `hugo` is installed, the same site in Hugo, measured in the same run: wall and CPU seconds, peak
// memory of the process tree and of each process, pages and bytes written, Dateline's time per stage. Then warm rebuilds
// at 10,000 articles (one seed changed, one added) and parse + enrich throughput. BENCH_FULL=1 adds 114,258 articles.
import { execFileSync } from "node:child_process";
import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";
import { cliModule } from "../bin/compiled.js";
import type { Archive } from "../src/article.ts";
import { loadArchive } from "../src/load/index.ts";
import { listSeeds } from "../src/parse/index.ts";
import { corpusSeeds, median, root } from "./corpus.ts";
import { measure, outputSize, type Measured } from "./measure.ts";
import { emptyTrash, setAside } from "./set-aside.ts";

interface Size {
  readonly label: string;
  readonly limit: number;
  readonly multiply: number;
  readonly runs: number;
  /** Also time warm rebuilds after one seed changed and one was added. */
  readonly warm: boolean;
  /**
   * Whether to build the plain-Eleventy baseline (with Pagefind over it): not at 114,258, where its collections cost
   * O(N²) (about 11 minutes predicted, /work/shared/PERFORMANCE.md) and one Pagefind index needs 9.4 GiB.
   * There Hugo stands in, without Pagefind.
   */
  readonly eleventy: boolean;
  /** Time the cold build once, as the first build of the warm rebuilds' project, rather than in runs of its own (at 114,258, where a cold build is minutes). */
  readonly coldInWarm?: boolean;
}

// BENCH_ONLY=114258 (or 1000, 10000) measures that size alone.
const only = process.env["BENCH_ONLY"];
const sizes: Size[] = ([
  { label: "1,000", limit: 1000, multiply: 1, runs: 3, warm: false, eleventy: true },
  { label: "10,000", limit: 10_000, multiply: 1, runs: 3, warm: true, eleventy: true },
  ...(process.env["BENCH_FULL"] ? [{ label: "114,258", limit: 19_043, multiply: 6, runs: 3, warm: true, eleventy: false, coldInWarm: true }] : []),
] as Size[]).filter((size) => only === undefined || size.label.replace(/,/g, "") === only);
const stages = ["parse", "enrich", "collect", "render", "index", "publish"] as const;
const bin = (...parts: string[]): string => path.join(root, "node_modules", ...parts);
const site = { title: "Baseline", lang: "en", pathPrefix: "/" };
const hugo = hasHugo();

function hasHugo(): boolean {
  try {
    execFileSync("hugo", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const escape = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** The same articles as Markdown posts with front matter, beside the baseline's templates (Eleventy, and Hugo's `years` and `months` terms). */
async function baselineSources(archive: Archive, work: string, kinds: readonly ("site" | "hugo")[]): Promise<void> {
  for (const kind of kinds) {
    const dir = path.join(work, `baseline-${kind}`);
    await setAside(dir);
    await cp(path.join(root, "bench", "baseline", kind), dir, { recursive: true });
    const posts = kind === "site" ? path.join(dir, "posts") : path.join(dir, "content", "posts");
    await mkdir(posts, { recursive: true });
    for (const article of archive.articles) {
      // Hugo's year and month pages are taxonomy terms: a month term `1987/03` has its page at /1987/03/.
      const terms = kind === "hugo" ? `years: ["${article.date.slice(0, 4)}"]\nmonths: ["${article.date.slice(0, 7).replace("-", "/")}"]\n` : "";
      await writeFile(
        path.join(posts, `${article.id}.md`),
        `---\ntitle: ${JSON.stringify(article.title)}\ndate: ${article.date}\n${terms}---\n\n${article.paragraphs.map(escape).join("\n\n")}\n`,
      );
    }
  }
}

function stageSeconds(stderr: string): Record<string, number> {
  const seconds: Record<string, number> = {};
  for (const [, name = "", value = "0"] of stderr.matchAll(/^(\w+) .*?([\d.]+) s$/gm)) seconds[name] = Number(value);
  return seconds;
}

/** Runs `dateline build` in `work` (its `.cache/` lives there), the seeds and output given relative to it. */
function dateline(work: string, seeds: string, out: string): Promise<Measured> {
  return measure(process.execPath, [path.join(root, "bin", "dateline.js"), "build", "--seeds", seeds, "--out", out], work);
}

interface Run {
  readonly wall: number;
  readonly cpu: number;
  readonly peakMiB: number;
  readonly processMiB: Readonly<Record<string, number>>;
}

/** Median wall, CPU and peaks of some runs (peaks: the median run's, per process the largest). */
function summarise(runs: readonly Run[]): Run {
  const processMiB: Record<string, number> = {};
  for (const run of runs) for (const [name, mib] of Object.entries(run.processMiB)) processMiB[name] = Math.max(processMiB[name] ?? 0, mib);
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)), peakMiB: median(runs.map((r) => r.peakMiB)), processMiB };
}

/** Two runs one after the other, as one: the baseline's generator, then Pagefind over its output. */
function sequence(first: Measured, second: Measured): Run & { first: number; second: number } {
  const processMiB: Record<string, number> = { ...first.processMiB };
  for (const [name, mib] of Object.entries(second.processMiB)) processMiB[name] = Math.max(processMiB[name] ?? 0, mib);
  return { wall: first.wall + second.wall, cpu: first.cpu + second.cpu, peakMiB: Math.max(first.peakMiB, second.peakMiB), processMiB, first: first.wall, second: second.wall };
}

/** Parse + enrich throughput over a seeds folder, beside the floor of reading the files. */
async function throughput(seeds: string): Promise<{ mb: number; articles: number; readMBs: number; threads: number; loadMBs: number; loadArticles: number; oneThreadMBs: number; oneThreadArticles: number }> {
  const files = await listSeeds(seeds);
  const started = performance.now();
  let bytes = 0;
  for (const seed of files) bytes += readFileSync(path.join(seeds, seed.source)).length;
  const readSeconds = (performance.now() - started) / 1000;
  const threaded = await loadArchive(seeds, site);
  const alone = await loadArchive(seeds, site, { threads: 0 });
  const mb = bytes / 1e6;
  return {
    mb,
    articles: files.length,
    readMBs: mb / readSeconds,
    threads: threaded.threads + 1,
    loadMBs: mb / threaded.timings.parse,
    loadArticles: files.length / threaded.timings.parse,
    oneThreadMBs: mb / alone.timings.parse,
    oneThreadArticles: files.length / alone.timings.parse,
  };
}

/**
 * Waits (up to a minute) until the process a build leaves behind to delete the site it replaced is done: a user's
 * next build comes seconds later at the soonest, and one started at once would time that deletion too.
 */
async function trashEmptied(project: string): Promise<void> {
  const trash = path.join(project, ".cache", "dateline", "trash");
  for (let waited = 0; waited < 60_000; waited += 100) {
    if ((await readdir(trash).catch(() => [])).length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Warm rebuilds in a copy of the seeds: each run changes one seed (or adds one) since the last build. */
async function warmRebuilds(
  seeds: string,
  work: string,
  runs: number,
): Promise<{ cold: Measured; site: string; change: Run; add: Run; changeRendered: string; addRendered: string; changeStages: Record<string, number>; addStages: Record<string, number> }> {
  const project = path.join(work, "warm");
  await setAside(project);
  await mkdir(project, { recursive: true });
  await cp(seeds, path.join(project, "seeds"), { recursive: true });
  const cold = await dateline(project, "seeds", "site");
  const names = (await listSeeds(path.join(project, "seeds"))).map((seed) => seed.source);
  const changed = path.join(project, "seeds", names[Math.floor(names.length / 2)] ?? "");
  const original = await readFile(changed, "utf8");
  const change: Measured[] = [];
  const add: Measured[] = [];
  for (let run = 0; run < runs; run++) {
    await writeFile(changed, original.replace("\n", ` A sentence added in rebuild ${run + 1}.\n`));
    await trashEmptied(project);
    change.push(await dateline(project, "seeds", "site"));
    // A new story: the last seed with one more sentence, so its body (and so its hash) is its own.
    const template = await readFile(path.join(project, "seeds", names[names.length - 1] ?? ""), "utf8");
    await writeFile(path.join(project, "seeds", `zz_added_${run + 1}.txt`), template.replace("\n", ` Added story ${run + 1}.\n`));
    await trashEmptied(project);
    add.push(await dateline(project, "seeds", "site"));
    process.stderr.write(`warm run ${run + 1}: one seed changed ${change.at(-1)?.wall.toFixed(1)} s, one added ${add.at(-1)?.wall.toFixed(1)} s\n`);
  }
  const rendered = (runs: Measured[]): string => /^render +(.*?) +[\d.]+ s$/m.exec(runs.at(-1)?.stderr ?? "")?.[1] ?? "";
  const medianStages = (runs: Measured[]): Record<string, number> =>
    Object.fromEntries(stages.map((stage) => [stage, median(runs.map((run) => stageSeconds(run.stderr)[stage] ?? 0))]));
  return { cold, site: path.join(project, "site"), change: summarise(change), add: summarise(add), changeRendered: rendered(change), addRendered: rendered(add), changeStages: medianStages(change), addStages: medianStages(add) };
}

// Dateline compiles itself on its first run after an install or a change of src/ (bin/compiled.js): done here, once,
// before anything is timed.
await cliModule();
await emptyTrash(true);
const results = [];
for (const size of sizes) {
  const seeds = await corpusSeeds(size.limit, size.multiply);
  const work = path.join(root, "bench", "out", `build-${size.limit}x${size.multiply}`);
  await mkdir(work, { recursive: true });
  // A size timed only through the warm project builds no baseline: its archive need not be loaded here.
  const archive = size.coldInWarm ? undefined : (await loadArchive(seeds, site)).archive;
  if (archive) await baselineSources(archive, work, [...(size.eleventy ? ["site" as const] : []), ...(hugo ? ["hugo" as const] : [])]);
  const ourRuns: (Measured & { stages: Record<string, number> })[] = [];
  const eleventy: ReturnType<typeof sequence>[] = [];
  const hugoRuns: ReturnType<typeof sequence>[] = [];
  const warm = size.warm ? await warmRebuilds(seeds, work, size.runs) : undefined;
  if (size.coldInWarm && warm) ourRuns.push({ ...warm.cold, stages: stageSeconds(warm.cold.stderr) });
  for (let run = 0; run < (size.coldInWarm ? 0 : size.runs); run++) {
    // Cold: no output and no cache, as for a first build.
    await setAside(path.join(work, "dateline"));
    await setAside(path.join(work, ".cache"));
    const ours = await dateline(work, seeds, "dateline");
    ourRuns.push({ ...ours, stages: stageSeconds(ours.stderr) });

    let line = `${size.label} run ${run + 1}: Dateline ${ours.wall.toFixed(1)} s`;
    if (size.eleventy) {
      await setAside(path.join(work, "baseline"));
      const built = await measure(process.execPath, [bin("@11ty", "eleventy", "cmd.cjs"), "--config=../../baseline/eleventy.config.js", "--input=baseline-site", "--output=baseline", "--quiet"], work);
      eleventy.push(sequence(built, await measure(process.execPath, [bin("pagefind", "lib", "runner", "bin.cjs"), "--site", "baseline"], work)));
      line += `, Eleventy + Pagefind ${eleventy.at(-1)?.wall.toFixed(1)} s`;
    }
    if (hugo) {
      await setAside(path.join(work, "baseline-hugo-out"));
      const hugoBuilt = await measure("hugo", ["--quiet", "--source", path.join(work, "baseline-hugo"), "--destination", path.join(work, "baseline-hugo-out")], work);
      const indexed = size.eleventy ? await measure(process.execPath, [bin("pagefind", "lib", "runner", "bin.cjs"), "--site", "baseline-hugo-out"], work) : undefined;
      hugoRuns.push(indexed ? sequence(hugoBuilt, indexed) : sequence(hugoBuilt, { wall: 0, cpu: 0, peakMiB: 0, processMiB: {}, stderr: "" }));
      line += `, Hugo${indexed ? " + Pagefind" : ""} ${hugoRuns.at(-1)?.wall.toFixed(1)} s`;
    }
    process.stderr.write(`${line}\n`);
  }
  const articles = archive?.articles.length ?? Number(/^collect +([\d,]+) articles/m.exec(ourRuns[0]?.stderr ?? "")?.[1]?.replace(/,/g, "") ?? 0);
  // Per article the same as at 10,000: not measured again at 114,258, where it would cost minutes.
  const speed = size.coldInWarm ? undefined : await throughput(seeds);
  const ours = summarise(ourRuns);
  results.push({
    size: size.label,
    articles,
    runs: size.runs,
    dateline: {
      ...ours,
      stages: Object.fromEntries(stages.map((stage) => [stage, median(ourRuns.map((r) => r.stages[stage] ?? 0))])),
      ...(await outputSize(size.coldInWarm && warm ? warm.site : path.join(work, "dateline"))),
    },
    ...(size.eleventy ? { eleventy: { ...summarise(eleventy), generator: median(eleventy.map((r) => r.first)), pagefind: median(eleventy.map((r) => r.second)), ...(await outputSize(path.join(work, "baseline"))) } } : {}),
    ...(hugoRuns.length > 0 ? { hugo: { ...summarise(hugoRuns), generator: median(hugoRuns.map((r) => r.first)), pagefind: median(hugoRuns.map((r) => r.second)), ...(await outputSize(path.join(work, "baseline-hugo-out"))) } } : {}),
    ...(warm ? { warm: { change: warm.change, add: warm.add, changeRendered: warm.changeRendered, addRendered: warm.addRendered, changeStages: warm.changeStages, addStages: warm.addStages } } : {}),
    ...(speed ? { throughput: speed } : {}),
  });
}

await writeFile(path.join(root, "bench", "results.json"), `${JSON.stringify({ node: process.version, hugo, results }, null, 2)}\n`);
const f = (n: number, digits = 1): string => n.toFixed(digits);
const n = (value: number): string => Math.round(value).toLocaleString("en-US");
const peaks = (run: Run): string =>
  Object.entries(run.processMiB)
    .filter(([, mib]) => mib >= 50)
    .map(([name, mib]) => `${name} ${n(mib)}`)
    .join(", ");

console.log("\nCold builds (no output, no cache), medians:\n");
console.log(`articles | Dateline wall s | CPU s | tree peak MiB | pages | MB written | Eleventy + Pagefind wall s | ratio | ${hugo ? "Hugo + Pagefind wall s | ratio | " : ""}Dateline stages: parse / enrich / collect / render / index / publish s`);
console.log(`--:|--:|--:|--:|--:|--:|--:|--:|${hugo ? "--:|--:|" : ""}--`);
for (const r of results) {
  const d = r.dateline;
  const e = "eleventy" in r ? r.eleventy : undefined;
  const h = "hugo" in r ? r.hugo : undefined;
  console.log(
    `${n(r.articles)} | ${f(d.wall)} | ${f(d.cpu)} | ${n(d.peakMiB)} | ${n(d.pages)} | ${f(d.bytes / 1e6)} | ` +
      (e ? `${f(e.wall)} (${f(e.generator)} + ${f(e.pagefind)}) | ${f(d.wall / e.wall, 2)} | ` : "— | — | ") +
      (h ? `${f(h.wall)} (${f(h.generator)}${h.pagefind > 0 ? ` + ${f(h.pagefind)}` : ", no Pagefind"}) | ${f(d.wall / h.wall, 2)} | ` : "") +
      stages.map((stage) => f(d.stages[stage] ?? 0, 2)).join(" / "),
  );
}

console.log("\nPeak resident memory of each process (MiB; Dateline's worker threads are inside `node`):\n");
console.log("articles | Dateline | Eleventy baseline | Hugo baseline | Dateline node MiB per 1,000 articles");
console.log("--:|--|--|--|--:");
for (const r of results) {
  const node = r.dateline.processMiB["node"] ?? 0;
  console.log(`${n(r.articles)} | ${peaks(r.dateline)} | ${"eleventy" in r && r.eleventy ? peaks(r.eleventy) : "—"} | ${"hugo" in r && r.hugo ? peaks(r.hugo) : "—"} | ${f((node / r.articles) * 1000, 0)}`);
}

console.log("\nWarm rebuilds (same project, medians; cold is the median above):\n");
console.log("articles | cold s | one seed changed s | ratio | rendered | stages | one seed added s | ratio | rendered | stages");
console.log("--:|--:|--:|--:|--|--|--:|--:|--|--");
for (const r of results) {
  if (!("warm" in r) || !r.warm) continue;
  const { change, add, changeRendered, addRendered, changeStages, addStages } = r.warm;
  const list = (seconds: Record<string, number>): string => stages.map((stage) => f(seconds[stage] ?? 0, 2)).join(" / ");
  console.log(
    `${n(r.articles)} | ${f(r.dateline.wall)} | ${f(change.wall)} | ${f(change.wall / r.dateline.wall, 2)} | ${changeRendered} | ${list(changeStages)} | ` +
      `${f(add.wall)} | ${f(add.wall / r.dateline.wall, 2)} | ${addRendered} | ${list(addStages)}`,
  );
}
// Issue 21's target: at 114,258 articles a rebuild after one changed or one added seed takes at most 4 % of the cold build.
for (const r of results) {
  if (r.articles < 100_000 || !("warm" in r) || !r.warm) continue;
  for (const [what, run] of [["one seed changed", r.warm.change], ["one seed added", r.warm.add]] as const) {
    const ratio = run.wall / r.dateline.wall;
    console.log(`target: rebuild after ${what} at ${n(r.articles)} articles ≤ 4 % of cold: ${f(ratio * 100)} % — ${ratio <= 0.04 ? "met" : "MISSED"}`);
  }
}

console.log("\nParse + enrich throughput (in process, no cache), beside the floor of reading the seed files:\n");
console.log("articles | MB | read MB/s | parse + enrich MB/s | articles/s | threads | one thread MB/s | articles/s");
console.log("--:|--:|--:|--:|--:|--:|--:|--:");
for (const r of results) {
  if (!("throughput" in r) || !r.throughput) continue;
  const t = r.throughput;
  console.log(`${n(t.articles)} | ${f(t.mb)} | ${f(t.readMBs, 0)} | ${f(t.loadMBs, 2)} | ${n(t.loadArticles)} | ${t.threads} | ${f(t.oneThreadMBs, 2)} | ${n(t.oneThreadArticles)}`);
}
console.log(`\nMedians of ${sizes.map((s) => s.runs).join("/")} runs on this machine, measured in one run; results in bench/results.json.`);
await emptyTrash(false);

// npm run bench — full builds of real corpus archives, Dateline beside a plain-Eleventy baseline (plus the
// Pagefind CLI on its output) measured in the same run: wall and CPU seconds, peak memory of the whole process
// tree, pages and bytes written, Dateline's time per stage. BENCH_FULL=1 adds the 114,258-article archive.
import { cp, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadArchive } from "../src/load-archive.ts";
import { corpusSeeds, median, root } from "./corpus.ts";
import { measure, outputSize, type Measured } from "./measure.ts";

interface Size {
  readonly label: string;
  readonly limit: number;
  readonly multiply: number;
  readonly runs: number;
}

const sizes: Size[] = [
  { label: "1,000", limit: 1000, multiply: 1, runs: 3 },
  { label: "10,000", limit: 10_000, multiply: 1, runs: 3 },
  ...(process.env["BENCH_FULL"] ? [{ label: "114,258", limit: 19_043, multiply: 6, runs: 1 }] : []),
];
const stages = ["parse", "enrich", "collect", "render", "index", "publish"] as const;
const bin = (...parts: string[]): string => path.join(root, "node_modules", ...parts);

/** The same articles as Markdown posts with front matter, beside the baseline's templates. */
async function baselineSource(seeds: string, dir: string): Promise<number> {
  await rm(dir, { recursive: true, force: true });
  await cp(path.join(root, "bench", "baseline", "site"), dir, { recursive: true });
  const { archive } = await loadArchive(seeds, { title: "Baseline", lang: "en", pathPrefix: "/" });
  const escape = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  await Promise.all(
    archive.articles.map((article) =>
      writeFile(
        path.join(dir, "posts", `${article.id}.md`),
        `---\ntitle: ${JSON.stringify(article.title)}\ndate: ${article.date}\n---\n\n${article.paragraphs.map(escape).join("\n\n")}\n`,
      ),
    ),
  );
  return archive.articles.length;
}

function stageSeconds(stderr: string): Record<string, number> {
  const seconds: Record<string, number> = {};
  for (const [, name = "", value = "0"] of stderr.matchAll(/^(\w+) .*?([\d.]+) s$/gm)) seconds[name] = Number(value);
  return seconds;
}

const results = [];
for (const size of sizes) {
  const seeds = await corpusSeeds(size.limit, size.multiply);
  const work = path.join(root, "bench", "out", `build-${size.limit}x${size.multiply}`);
  await mkdir(work, { recursive: true });
  const articles = await baselineSource(seeds, path.join(work, "baseline-src"));
  const dateline: (Measured & { stages: Record<string, number> })[] = [];
  const baseline: { wall: number; cpu: number; peakMiB: number; eleventy: number; pagefind: number }[] = [];
  for (let run = 0; run < size.runs; run++) {
    await rm(path.join(work, "dateline"), { recursive: true, force: true });
    const ours = await measure(process.execPath, [path.join(root, "bin", "dateline.js"), "build", "--seeds", seeds, "--out", path.join(work, "dateline")], root);
    dateline.push({ ...ours, stages: stageSeconds(ours.stderr) });

    await rm(path.join(work, "baseline"), { recursive: true, force: true });
    const eleventy = await measure(process.execPath, [bin("@11ty", "eleventy", "cmd.cjs"), "--config=../../baseline/eleventy.config.js", "--input=baseline-src", "--output=baseline", "--quiet"], work);
    const pagefind = await measure(process.execPath, [bin("pagefind", "lib", "runner", "bin.cjs"), "--site", "baseline"], work);
    baseline.push({ wall: eleventy.wall + pagefind.wall, cpu: eleventy.cpu + pagefind.cpu, peakMiB: Math.max(eleventy.peakMiB, pagefind.peakMiB), eleventy: eleventy.wall, pagefind: pagefind.wall });
    process.stderr.write(`${size.label} run ${run + 1}: Dateline ${ours.wall.toFixed(1)} s, baseline ${(eleventy.wall + pagefind.wall).toFixed(1)} s\n`);
  }
  const ourOutput = await outputSize(path.join(work, "dateline"));
  const theirOutput = await outputSize(path.join(work, "baseline"));
  const m = (values: number[]): number => median(values);
  results.push({
    size: size.label,
    articles,
    runs: size.runs,
    dateline: {
      wall: m(dateline.map((r) => r.wall)),
      cpu: m(dateline.map((r) => r.cpu)),
      peakMiB: m(dateline.map((r) => r.peakMiB)),
      stages: Object.fromEntries(stages.map((stage) => [stage, m(dateline.map((r) => r.stages[stage] ?? 0))])),
      ...ourOutput,
    },
    baseline: {
      wall: m(baseline.map((r) => r.wall)),
      cpu: m(baseline.map((r) => r.cpu)),
      peakMiB: m(baseline.map((r) => r.peakMiB)),
      eleventy: m(baseline.map((r) => r.eleventy)),
      pagefind: m(baseline.map((r) => r.pagefind)),
      ...theirOutput,
    },
  });
}

await writeFile(path.join(root, "bench", "results.json"), `${JSON.stringify({ node: process.version, results }, null, 2)}\n`);
const f = (n: number, digits = 1): string => n.toFixed(digits);
console.log("articles | Dateline wall s | CPU s | peak MiB | pages | MB written | baseline wall s (11ty + pagefind) | CPU s | peak MiB | pages | ratio wall | stages: parse / enrich / collect / render / index / publish s");
console.log("--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--");
for (const r of results) {
  const d = r.dateline;
  const b = r.baseline;
  console.log(
    `${r.articles.toLocaleString("en-US")} | ${f(d.wall)} | ${f(d.cpu)} | ${f(d.peakMiB, 0)} | ${d.pages.toLocaleString("en-US")} | ${f(d.bytes / 1e6)} | ` +
      `${f(b.wall)} (${f(b.eleventy)} + ${f(b.pagefind)}) | ${f(b.cpu)} | ${f(b.peakMiB, 0)} | ${b.pages.toLocaleString("en-US")} | ${f(d.wall / b.wall, 2)} | ` +
      stages.map((stage) => f(d.stages[stage] ?? 0, 2)).join(" / "),
  );
}
console.log(`\nMedians of ${sizes.map((s) => s.runs).join("/")} runs on this machine, measured in one run; results in bench/results.json.`);

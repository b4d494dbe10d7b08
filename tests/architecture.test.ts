// The shape of the build core, drawn from its imports: the stages do not know the cache, and nothing imports in a circle.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

const src = path.join(import.meta.dirname, "..", "src");

/** Every module of src/ (relative, `/`-separated) with the modules of src/ it imports, types included. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const files = readdirSync(src, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"));
  for (const file of files.map((name) => name.split(path.sep).join("/"))) {
    const text = readFileSync(path.join(src, file), "utf8");
    const imports = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\sfrom\s+"(\.[^"]+)"|import\("(\.[^"]+)"\)/g)].map((match) => path.posix.join(path.posix.dirname(file), match[1] ?? match[2] ?? ""));
    graph.set(file, imports);
  }
  return graph;
}

describe("the build core", () => {
  const graph = importGraph();

  test("should give no stage folder an import of the cache", () => {
    const stages = ["parse", "enrich", "collect", "render", "search", "publish", "load"];
    const offending = [...graph].flatMap(([file, imports]) => (stages.includes(file.split("/")[0] ?? "") ? imports.filter((target) => target.startsWith("cache/")).map((target) => `${file} → ${target}`) : []));
    expect(offending).toEqual([]);
  });

  test("should leave the composing of the pipeline to build/: only the command line and the package's entry import it", () => {
    const calls = [...graph].flatMap(([file, imports]) => {
      const stage = file.split("/")[0];
      return imports.filter((target) => target.startsWith("build/") && stage !== "build" && stage !== "cli" && file !== "index.ts").map((target) => `${file} → ${target}`);
    });
    expect(calls).toEqual([]);
  });

  test("should have no circular imports", () => {
    const cycles: string[] = [];
    const state = new Map<string, "visiting" | "done">();
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "visiting") {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(" → "));
        return;
      }
      state.set(file, "visiting");
      for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
      state.set(file, "done");
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});

import { execFileSync, spawn } from "node:child_process";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

/** What one whole-process run cost. */
export interface Measured {
  readonly wall: number;
  /** CPU seconds (user + system) of the command and every process it waited for. */
  readonly cpu: number;
  /** Peak of the summed resident memory of the whole process tree, sampled every 100 ms, in MiB. */
  readonly peakMiB: number;
  /** Peak resident memory of any one process, by command name (`node`, `pagefind_extended`…), in MiB. */
  readonly processMiB: Readonly<Record<string, number>>;
  readonly stderr: string;
}

const ticks = 100; // USER_HZ on Linux

async function childCpu(): Promise<number> {
  // Fields 16 and 17 of /proc/self/stat: CPU of reaped children (and theirs).
  const fields = (await readFile("/proc/self/stat", "utf8")).split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[13]) + Number(fields[14])) / ticks;
}

/** Resident memory of each process in the tree under `pid` (children of every thread), in KiB, with its command name. */
export async function treeRss(pid: number): Promise<{ name: string; kib: number }[]> {
  const found: { name: string; kib: number }[] = [];
  const stack = [pid];
  while (stack.length > 0) {
    const current = stack.pop() as number;
    const status = await readFile(`/proc/${current}/status`, "utf8").catch(() => "");
    found.push({ name: /^Name:\s+(.*)$/m.exec(status)?.[1] ?? "?", kib: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) });
    for (const task of await readdir(`/proc/${current}/task`).catch(() => [] as string[])) {
      const children = await readFile(`/proc/${current}/task/${task}/children`, "utf8").catch(() => "");
      for (const child of children.split(" ").filter(Boolean)) stack.push(Number(child));
    }
  }
  return found;
}

/** Runs a command to completion, measuring wall and CPU time and the peak memory of its process tree. */
export async function measure(command: string, args: readonly string[], cwd: string): Promise<Measured> {
  // Each run starts with none of the earlier runs' writes still waiting to go to disk.
  execFileSync("sync");
  const cpuBefore = await childCpu();
  const started = performance.now();
  const child = spawn(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let peak = 0;
  const processMiB: Record<string, number> = {};
  const sampler = setInterval(() => {
    if (child.pid === undefined) return;
    void treeRss(child.pid).then((processes) => {
      peak = Math.max(peak, processes.reduce((sum, { kib }) => sum + kib, 0) / 1024);
      for (const { name, kib } of processes) processMiB[name] = Math.max(processMiB[name] ?? 0, kib / 1024);
    });
  }, 100);
  const code = await new Promise<number>((resolve) => child.on("close", (status) => resolve(status ?? 1)));
  clearInterval(sampler);
  const wall = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} exited ${code}:\n${stderr.slice(-2000)}`);
  return { wall, cpu: (await childCpu()) - cpuBefore, peakMiB: peak, processMiB, stderr };
}

/** Files and bytes below a folder. */
export async function outputSize(dir: string): Promise<{ files: number; bytes: number; pages: number }> {
  let files = 0;
  let bytes = 0;
  let pages = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    if (entry.name.endsWith(".html")) pages++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes, pages };
}

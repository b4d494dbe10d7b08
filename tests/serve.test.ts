// `dateline serve` as a user runs it: a real process on a project of its own, a real browser, real edits.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { appendFile, cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { warning } from "../src/errors.ts";
import { startPreviewServer, type PreviewServer } from "../src/serve/preview-server.ts";
import { RepeatedWarnings } from "../src/serve/repeated-warnings.ts";
import { watchProject } from "../src/serve/watch-project.ts";
import { launchChromium, watchProblems } from "./helpers/browser.ts";
import { removeTempDirs, root, tempDir } from "./helpers/cli.ts";

const article = "2022/03/06/china-calls-for-direct-negotiations-between-ukraine-and-russia/";

/** A running `dateline serve`, and what it has printed so far. */
interface Serving {
  readonly child: ChildProcess;
  readonly url: string;
  output: { stdout: string; stderr: string };
}

/** Starts `dateline serve --port 0` in `cwd` and waits until it says where it serves. */
async function startServe(cwd: string, args: readonly string[] = []): Promise<Serving> {
  const child = spawn(process.execPath, [path.join(root, "bin", "dateline.js"), "serve", "--port", "0", ...args], { cwd, env: { ...process.env, NO_COLOR: "1" } });
  const output = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output.stderr += chunk.toString()));
  await printed(() => output.stdout, /^Serving http:\/\/127\.0\.0\.1:\d+\//m);
  const url = /Serving (\S+)/.exec(output.stdout)?.[1] ?? "";
  return { child, url, output };
}

/** Waits until `read()` holds `pattern` `times` times; fails with what it holds after 90 s. */
async function printed(read: () => string, pattern: RegExp, times = 1): Promise<void> {
  const global = new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`);
  for (const started = Date.now(); (read().match(global)?.length ?? 0) < times; await new Promise((resolve) => setTimeout(resolve, 100))) {
    if (Date.now() - started > 90_000) throw new Error(`Waited 90 s for ${pattern} ×${times} in:\n${read()}`);
  }
}

/** The ids of the processes whose process group is `group`, or whose parent is `parent`. */
function processesOf(group: number, parent: number): number[] {
  const found: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // After the command's name in brackets: state, parent, process group.
      const fields = readFileSync(`/proc/${name}/stat`, "utf8").replace(/^.*\) /s, "").split(" ");
      // A zombie has ended already: only its reaper (init, once its parent is gone) has still to collect it.
      if (fields[0] !== "Z" && (Number(fields[2]) === group || Number(fields[1]) === parent)) found.push(Number(name));
    } catch {
      // Ended while listed.
    }
  }
  return found;
}

describe("dateline serve on a project", () => {
  let project: string;
  let serving: Serving;
  let browser: Browser | undefined;
  const preview = (): string => path.join(project, ".cache", "dateline", "preview");

  beforeAll(async () => {
    project = await tempDir("serve");
    await cp(path.join(root, "tests", "fixtures", "site"), path.join(project, "stories"), { recursive: true });
    await writeFile(path.join(project, "dateline.config.yaml"), "title: Preview Wire\nseeds: stories\nlanguage: en-GB\n");
    await mkdir(path.join(project, "templates", "_includes", "partials"), { recursive: true });
    await writeFile(path.join(project, "templates", "_includes", "partials", "footer.njk"), '<footer class="site-footer"><p>A footer of the project’s own</p></footer>\n');
    serving = await startServe(project);
    await printed(() => serving.output.stderr, /^Built /m);
  });

  afterAll(async () => {
    await browser?.close();
    if (serving !== undefined && serving.child.exitCode === null) serving.child.kill("SIGKILL");
    await removeTempDirs();
  });

  test("should serve the project as configured, with the reload script in each page and none in the files", async () => {
    const response = await fetch(`${serving.url}${article}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain('<script src="/__dateline/reload.js" defer></script></head>');
    expect(html).toMatch(/<title>China calls [^<]+ · Preview Wire<\/title>/);
    expect(html).toContain('<html lang="en-GB"');
    expect(html).toContain("A footer of the project’s own");
    // The pages' policy allows it: a script of the site's own origin.
    expect(html).toContain("script-src 'self'");
    const file = await readFile(path.join(preview(), article, "index.html"), "utf8");
    expect(file).toContain("A footer of the project’s own");
    expect(file).not.toContain("__dateline");
    // The published output folder is left alone.
    expect(existsSync(path.join(project, "_site"))).toBe(false);

    const script = await fetch(`${serving.url}__dateline/reload.js`);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await script.text()).toContain('new EventSource("/__dateline/events")');
    const missing = await fetch(`${serving.url}no/such/page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("__dateline/reload.js");
  });

  test("should rebuild when a seed changes, reload the open page, and find the new text in search", async () => {
    browser = await launchChromium();
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${serving.url}${article}`);
    const builds = serving.output.stderr.match(/^Built /gm)?.length ?? 0;
    const reloaded = page.waitForEvent("load", { timeout: 90_000 });
    await appendFile(path.join(project, "stories", "000_7aa871e253b4211d.txt"), "\nObservers from Zanzibarland attended the call.\n");
    await reloaded;
    expect(serving.output.stderr.match(/^Built /gm)?.length).toBe(builds + 1);
    expect(await page.locator("article").innerText()).toContain("Observers from Zanzibarland attended the call.");
    expect(await (await fetch(`${serving.url}${article}`)).text()).toContain("Zanzibarland");

    await page.goto(`${serving.url}search/?q=zanzibarland`);
    await page.waitForFunction(() => /result.*[^…]$/.test(document.getElementById("search-status")?.textContent ?? ""));
    expect(await page.locator("#search-results li a").first().getAttribute("href")).toBe(`/${article}`);
    expect(problems).toEqual([]);
  });

  test("should print the warnings once, then only a count of those as before", () => {
    const { stderr } = serving.output;
    expect(stderr.match(/\[duplicate-article\]/g)?.length).toBe(1);
    expect(stderr).toMatch(/^\d+ warnings? as before$/m);
  });

  test("should keep serving the last site and say where the problem is when a seed breaks", async () => {
    const failures = serving.output.stderr.match(/still serving the last site/g)?.length ?? 0;
    await writeFile(path.join(project, "stories", "bad.txt"), " date 2022-02-30 A day that never was.\n");
    await printed(() => serving.output.stderr, /still serving the last site/, failures + 1);
    expect(serving.output.stderr).toContain("stories/bad.txt:1:7: error: Unexpected date `2022-02-30`");
    const response = await fetch(`${serving.url}${article}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Zanzibarland");

    // Fixed, it builds again.
    const builds = serving.output.stderr.match(/^Built /gm)?.length ?? 0;
    await rm(path.join(project, "stories", "bad.txt"));
    await printed(() => serving.output.stderr, /^Built /m, builds + 1);
  });

  test("should stop on Ctrl-C with its build and leave no process or staging folder behind", async () => {
    const parent = serving.child.pid ?? 0;
    const [server] = processesOf(-1, parent).filter((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("serve"));
    expect(server).toBeDefined();
    // Stopped in the middle of a build.
    const changes = serving.output.stderr.match(/^Changed /gm)?.length ?? 0;
    await appendFile(path.join(project, "stories", "003_chinese.txt"), "\nOne more paragraph.\n");
    await printed(() => serving.output.stderr, /^Changed /m, changes + 1);
    const ended = new Promise<number | null>((resolve) => serving.child.once("exit", (code) => resolve(code)));
    serving.child.kill("SIGINT");
    expect(await ended).toBe(130);
    // The build's group is killed as the server exits, and the kernel ends its processes a moment later: one still
    // there after 5 seconds was left behind.
    for (const end = Date.now() + 5000; processesOf(server ?? 0, server ?? 0).length > 0 && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(processesOf(server ?? 0, server ?? 0)).toEqual([]);
    expect((await readdir(path.join(project, ".cache", "dateline"))).filter((name) => name.startsWith(".dateline-tmp"))).toEqual([]);
    expect(existsSync(path.join(preview(), "index.html"))).toBe(true);
  });
});

test("should print no warnings and no stages with --quiet", async () => {
  const project = await tempDir("serve-quiet");
  await cp(path.join(root, "tests", "fixtures", "site"), path.join(project, "seeds"), { recursive: true });
  const serving = await startServe(project, ["--quiet"]);
  try {
    await printed(() => serving.output.stderr, /^Built /m);
    expect(serving.output.stderr).not.toContain("duplicate-article");
    expect(serving.output.stderr).not.toMatch(/^render /m);
  } finally {
    const ended = new Promise((resolve) => serving.child.once("exit", resolve));
    serving.child.kill("SIGINT");
    await ended;
  }
});

describe("the preview server", () => {
  let server: PreviewServer;
  let site: string;

  beforeAll(async () => {
    site = await tempDir("preview-server");
    await mkdir(path.join(site, "2022"), { recursive: true });
    await writeFile(path.join(site, "index.html"), "<!doctype html><html><head><title>Home</title></head><body>home</body></html>");
    await writeFile(path.join(site, "2022", "index.html"), "<!doctype html><html><head><title>2022</title></head><body>year</body></html>");
    await writeFile(path.join(site, "404.html"), "<!doctype html><html><head><title>Missing</title></head><body>missing</body></html>");
    await writeFile(path.join(site, "feed.json"), "{}");
    server = await startPreviewServer({ root: site, pathPrefix: "/news/", host: "127.0.0.1", port: 0 });
  });

  afterAll(async () => {
    await server?.close();
  });

  test("should serve the site below its path prefix and redirect the root to it", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/news\/$/);
    const origin = new URL(server.url).origin;
    const home = await fetch(`${origin}/`, { redirect: "manual" });
    expect([home.status, home.headers.get("location")]).toEqual([302, "/news/"]);
    const folder = await fetch(`${origin}/news/2022`, { redirect: "manual" });
    expect([folder.status, folder.headers.get("location")]).toEqual([302, "/news/2022/"]);
    expect(await (await fetch(`${origin}/news/2022/`)).text()).toContain("year");
    expect((await fetch(`${origin}/news/feed.json`)).headers.get("content-type")).toBe("application/feed+json; charset=utf-8");
    const head = await fetch(server.url, { method: "HEAD" });
    expect([head.status, await head.text()]).toEqual([200, ""]);
  });

  test("should answer 404 with the site's 404 page for anything outside it", async () => {
    const origin = new URL(server.url).origin;
    for (const url of ["/2022/", "/news/nothing/", "/news/..%2f..%2fetc/passwd", "/news/%2e%2e/%2e%2e/etc/passwd", "//news/"]) {
      const response = await fetch(`${origin}${url}`);
      expect([url, response.status]).toEqual([url, 404]);
      expect(await response.text()).toContain("missing");
    }
    expect((await fetch(`${origin}/news/%E0%A4%A`)).status).toBe(400);
  });

  test("should send a reload event to every open page when told", async () => {
    const response = await fetch(`${new URL(server.url).origin}/__dateline/events`);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const reader = response.body?.getReader();
    let text = "";
    const read = async (): Promise<void> => {
      while (!text.includes("event: reload")) text += new TextDecoder().decode((await reader?.read())?.value ?? new Uint8Array());
    };
    const received = read();
    await expect.poll(() => text).toContain(": build 0");
    server.reload();
    await received;
    expect(text).toContain("event: reload\ndata: 1\n\n");
    await reader?.cancel();
  });
});

describe("repeated warnings", () => {
  test("should show every warning of the first build, then only new ones and a count of the others", () => {
    const duplicate = warning("duplicate-article", "seeds/b.txt", 1, 1, "the same body as seeds/a.txt");
    const encoding = warning("not-utf8", "seeds/c.txt", 2, 5, "read as Windows-1252");
    const repeated = new RepeatedWarnings();
    expect(repeated.sort([duplicate])).toEqual({ shown: [duplicate], repeated: 0 });
    expect(repeated.sort([duplicate, encoding])).toEqual({ shown: [encoding], repeated: 1 });
    expect(repeated.sort([duplicate, encoding])).toEqual({ shown: [], repeated: 2 });
    // A warning gone and back is new again.
    expect(repeated.sort([encoding])).toEqual({ shown: [], repeated: 1 });
    expect(repeated.sort([duplicate, encoding])).toEqual({ shown: [duplicate], repeated: 1 });
  });
});

describe("watching a project", () => {
  afterAll(removeTempDirs);

  test("should see a change in a folder whose own path has a hidden part, and leave out hidden files below it", async () => {
    // A seeds folder given as ../x, or a project inside a hidden folder: only the part below the folder is filtered.
    const seeds = path.join(await tempDir("watch"), ".hidden-parent", "seeds");
    await mkdir(seeds, { recursive: true });
    const changes: string[][] = [];
    const watcher = watchProject({ folders: [path.relative(process.cwd(), seeds)], files: [] }, (paths) => changes.push(paths), (message) => expect.fail(message), 50);
    try {
      await writeFile(path.join(seeds, ".a.txt.swp"), "swap");
      await writeFile(path.join(seeds, "a.txt"), " date 2022-03-06 Talks resumed.\n");
      await expect.poll(() => changes.flat().map((file) => path.basename(file)), { timeout: 5000 }).toContain("a.txt");
      expect(changes.flat().map((file) => path.basename(file))).not.toContain(".a.txt.swp");
    } finally {
      watcher.close();
    }
  });
});

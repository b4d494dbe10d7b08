import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dateline, removeTempDirs, root, tempDir } from "./helpers/cli.ts";

const run = promisify(execFile);
afterAll(removeTempDirs);

describe("dateline init, from the packed package", () => {
  let tarball: string;
  let project: string;
  let bin: string;
  let initialDependency: string | undefined;

  // What a user does, offline: the packed tarball is the dependency; the others come from this repository's own
  // node_modules, hard-linked into the project first, so npm finds them all installed and fetches nothing.
  beforeAll(async () => {
    const packed = await tempDir("pack");
    const { stdout } = await run("npm", ["pack", "--pack-destination", packed, "--silent"], { cwd: root });
    tarball = path.join(packed, stdout.trim().split("\n").at(-1) ?? "");
    const home = await tempDir("init");
    project = path.join(home, "wire-archive");
    // init runs from the package the tarball holds, as `npx dateline init` would: unpacked as npm unpacks it, among
    // its dependencies (npm installs the same tarball into the project below).
    const tools = path.join(home, "tools");
    await mkdir(tools);
    await run("cp", ["-al", path.join(root, "node_modules"), path.join(tools, "node_modules")]);
    const unpacked = path.join(tools, "node_modules", "dateline");
    await mkdir(unpacked);
    await run("tar", ["xzf", tarball, "-C", unpacked, "--strip-components=1"]);
    bin = path.join(unpacked, "bin", "dateline.js");
    const init = await run(process.execPath, [bin, "init", "wire-archive"], { cwd: home });
    expect(init.stdout).toContain("Made wire-archive/");
    initialDependency = (JSON.parse(await readFile(path.join(project, "package.json"), "utf8")) as { dependencies: Record<string, string> }).dependencies["dateline"];
    await installTarball(project, tarball);
  });

  test("should scaffold the config, an example seed, a README, .gitignore and the Pages workflow", async () => {
    const pkg = JSON.parse(await readFile(path.join(project, "package.json"), "utf8")) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(pkg.scripts["build"]).toBe("dateline build");
    // init depends on the published package at this version or a later compatible one; the install made it the tarball.
    const { version } = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as { version: string };
    expect(initialDependency).toBe(`^${version}`);
    expect(pkg.dependencies["dateline"]).toMatch(/dateline-.*\.tgz$/);
    expect(await readdir(path.join(project, "seeds"))).toEqual(["2022-03-07-talks-in-geneva.md"]);
    expect(await readFile(path.join(project, "dateline.config.yaml"), "utf8")).toContain("title: wire-archive\n");
    expect(await readFile(path.join(project, ".gitignore"), "utf8")).toContain("_site/\n.cache/\n");
    const workflow = await readFile(path.join(project, ".github", "workflows", "pages.yml"), "utf8");
    expect(workflow).toContain("actions/upload-pages-artifact@v3");
    expect(workflow).toContain("actions/deploy-pages@v4");
    expect(workflow).toContain('npm run build -- --base-url "${{ steps.pages.outputs.base_url }}"');
    expect(await readFile(path.join(project, "README.md"), "utf8")).toMatch(/^# wire-archive\n/);
  });

  test("should build the scaffolded project with npm run build, with the project's header and stylesheet", async () => {
    await mkdir(path.join(project, "templates", "_includes", "partials"), { recursive: true });
    await writeFile(path.join(project, "templates", "_includes", "partials", "header.njk"), '<a class="brand" href="/">{{ archive.site.title }}, our own header</a>\n');
    await mkdir(path.join(project, "assets"));
    await writeFile(path.join(project, "assets", "site.css"), ".brand { color: rebeccapurple; }\n");
    const build = await run("npm", ["run", "build", "--silent"], { cwd: project });
    expect(build.stdout).toMatch(/^Built 1 article from 1 seed/m);

    const site = path.join(project, "_site");
    const home = await readFile(path.join(site, "index.html"), "utf8");
    expect(home).toContain("<title>wire-archive</title>");
    expect(home).toContain('<a class="brand" href="/">wire-archive, our own header</a>');
    expect(home).not.toContain('<nav class="site-nav"');
    // The project's stylesheet comes after Dateline's, so its rules win.
    const sheets = [...home.matchAll(/<link rel="stylesheet" href="\/assets\/([\w.-]+)\?v=\w+">/g)].map((match) => match[1]);
    expect(sheets).toEqual(["dateline.css", "site.css"]);
    expect(await readFile(path.join(site, "assets", "site.css"), "utf8")).toBe(".brand { color: rebeccapurple; }\n");
    const article = await readFile(path.join(site, "2022", "03", "07", "talks-in-geneva", "index.html"), "utf8");
    expect(article).toContain('<h1 class="story-headline">Talks in Geneva</h1>');
    expect(article).toContain("wire-archive, our own header");
  });

  test("should refuse a folder that is not empty, and write nothing into it", async () => {
    const listed = await readdir(project);
    const config = await readFile(path.join(project, "dateline.config.yaml"), "utf8");
    const refused = await dateline(["init", project]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.split("\n")[0]).toBe(`dateline: ${project} is not empty; init makes a new project in a new or empty folder`);
    expect(await readdir(project)).toEqual(listed);
    expect(await readFile(path.join(project, "dateline.config.yaml"), "utf8")).toBe(config);
  });
});

describe("dateline init, from a clone of this repository", () => {
  test("should depend on the clone, so the project installs before Dateline is published", async () => {
    const project = path.join(await tempDir("init-clone"), "archive");
    const made = await dateline(["init", project]);
    expect(made.code).toBe(0);
    const pkg = JSON.parse(await readFile(path.join(project, "package.json"), "utf8")) as { dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.dependencies["dateline"]).toBe(`file:${root}`);
    expect(pkg.scripts["start"]).toBe("dateline serve");
  });
});

describe("dateline new", () => {
  test("should write a Markdown seed named from the date and headline that checks clean, print its path, and never overwrite it", async () => {
    const dir = await tempDir("new");
    await mkdir(path.join(dir, "seeds"));
    const made = await dateline(["new", "Talks in Geneva: day two", "--date", "2022-03-08"], dir);
    expect(made.code).toBe(0);
    expect(made.stdout).toBe(`${path.join("seeds", "2022-03-08-talks-in-geneva-day-two.md")}\n`);
    const text = await readFile(path.join(dir, "seeds", "2022-03-08-talks-in-geneva-day-two.md"), "utf8");
    expect(text).toMatch(/^---\ntitle: 'Talks in Geneva: day two'\ndate: 2022-03-08\n---\n\n/);
    const check = await dateline(["check"], dir);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("1 article, 0 errors");

    const again = await dateline(["new", "Talks in Geneva: day two", "--date", "2022-03-08"], dir);
    expect(again.code).toBe(2);
    expect(again.stderr.split("\n")[0]).toMatch(/exists already/);
    expect(await readFile(path.join(dir, "seeds", "2022-03-08-talks-in-geneva-day-two.md"), "utf8")).toBe(text);
  });

  test("should refuse a date that is not a day", async () => {
    const dir = await tempDir("new");
    await mkdir(path.join(dir, "seeds"));
    const run = await dateline(["new", "Headline", "--date", "2022-02-30"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe("dateline: --date 2022-02-30 is not a day: write it as YYYY-MM-DD, e.g. 2022-03-06");
    expect(await readdir(path.join(dir, "seeds"))).toEqual([]);
  });
});

/** `npm install <tarball>` with no network: every other package is hard-linked from this repository's node_modules. */
async function installTarball(dir: string, file: string): Promise<void> {
  if (!existsSync(path.join(dir, "node_modules"))) {
    await run("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")]);
    // npm rewrites its record of node_modules in place: a link to this repository's would write the project's into it.
    await rm(path.join(dir, "node_modules", ".package-lock.json"), { force: true });
  }
  await run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", file], { cwd: dir });
}

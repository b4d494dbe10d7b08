import { existsSync } from "node:fs";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { commitFolder, commitUpdate, publishInPlace } from "../src/publish/publish-in-place.ts";
import { recoverSite, stageSite } from "../src/publish/publish-site.ts";
import { readMarker, writeMarker } from "../src/publish/site-marker.ts";
import { hashTree, removeTempDirs, tempDir } from "./helpers/cli.ts";

afterAll(removeTempDirs);

/** A published site of three pages, with its list of files, and a staging folder beside it holding the next build's changes. */
async function siteAndUpdate(): Promise<{ out: string; staging: Awaited<ReturnType<typeof stageSite>>; files: string[]; staged: string[]; previous: Set<string> }> {
  const dir = await tempDir("in-place");
  const out = path.join(dir, "site");
  const seeds = path.join(dir, "seeds");
  await mkdir(seeds);
  const live = { "index.html": '<a href="/old/">old</a>', "old/index.html": "old page", "same/index.html": "same page" };
  for (const [file, text] of Object.entries(live)) {
    await mkdir(path.dirname(path.join(out, file)), { recursive: true });
    await writeFile(path.join(out, file), text);
  }
  await writeMarker(out, Object.keys(live));
  const staging = await stageSite(out, seeds);
  // The next build: the home page now links to a new page instead of the old one; the unchanged page is rendered
  // again, the same, and another is left as it is in the live site.
  const next = { "index.html": '<a href="/new/">new</a>', "new/index.html": "new page", "same/index.html": "same page" };
  for (const [file, text] of Object.entries(next)) {
    await mkdir(path.dirname(path.join(staging.dir, file)), { recursive: true });
    await writeFile(path.join(staging.dir, file), text);
  }
  return { out, staging, files: Object.keys(next), staged: Object.keys(next), previous: readMarker(out) ?? new Set() };
}

const expected = { "index.html": '<a href="/new/">new</a>', "new/index.html": "new page", "same/index.html": "same page" };

async function texts(out: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const file of Object.keys(await hashTree(out))) if (!file.startsWith(".dateline/")) found[file] = await readFile(path.join(out, file), "utf8");
  return found;
}

describe("a site updated in place", () => {
  test("should move in only what was added or changed, delete what is gone with its folder, and list them", async () => {
    const { out, staging, files, staged, previous } = await siteAndUpdate();
    const same = await stat(path.join(out, "same", "index.html"));
    await publishInPlace(staging, { files, staged, previous });
    expect(await texts(out)).toEqual(expected);
    expect(existsSync(path.join(out, "old"))).toBe(false);
    // The page rendered again to the same bytes is left as it was, not replaced.
    expect((await stat(path.join(out, "same", "index.html"))).ino).toBe(same.ino);
    expect(await readFile(path.join(out, ".dateline", "changes.txt"), "utf8")).toBe("M index.html\nA new/index.html\nD old/index.html\n");
    expect([...(readMarker(out) ?? [])].sort()).toEqual([".dateline/changes.txt", ...files].sort());
    expect(existsSync(staging.dir) || existsSync(commitFolder(out))).toBe(false);
  });

  test("should be finished by the next build when killed after its commit point, at any step, and leave a whole site meanwhile", async () => {
    const { out, staging, files, staged, previous } = await siteAndUpdate();
    const commit = await commitUpdate(staging, { files, staged, previous });
    // Killed at the commit point: the live site is the old one, whole, its list naming the new files too.
    expect(await texts(out)).toEqual({ "index.html": '<a href="/old/">old</a>', "old/index.html": "old page", "same/index.html": "same page" });
    expect(readMarker(out)).toEqual(expect.objectContaining({ size: 5 }));
    // Killed after the first step, the new page moved in: the home page still links to the old one, which is still there.
    await mkdir(path.join(out, "new"));
    await rename(path.join(commit, "new", "index.html"), path.join(out, "new", "index.html"));
    expect(await readFile(path.join(out, "index.html"), "utf8")).toContain("/old/");
    expect(existsSync(path.join(out, "old", "index.html"))).toBe(true);
    // The next build's first step.
    await recoverSite(out);
    expect(await texts(out)).toEqual(expected);
    expect(existsSync(commit)).toBe(false);
    expect([...(readMarker(out) ?? [])].sort()).toEqual([".dateline/changes.txt", ...files].sort());
    // Finishing twice changes nothing.
    const done = await hashTree(out);
    await recoverSite(out);
    expect(await hashTree(out)).toEqual(done);
  });

  test("should leave the site as it was when the build stops before its commit point", async () => {
    const { out, staging, files, staged, previous } = await siteAndUpdate();
    const before = await texts(out);
    await expect(publishInPlace(staging, { files, staged, previous, beforeCommit: () => Promise.reject(new Error("stopped")) })).rejects.toThrow("stopped");
    expect(await texts(out)).toEqual(before);
    await recoverSite(out);
    expect(await texts(out)).toEqual(before);
  });
});

describe("a site updated in place holding a file of the user's", () => {
  test("should leave it as it is, and refuse, moving nothing, an update that would write where it is", async () => {
    const { out, staging, files, staged, previous } = await siteAndUpdate();
    await writeFile(path.join(out, "notes.txt"), "mine");
    await mkdir(path.join(out, "new"));
    await writeFile(path.join(out, "new", "index.html"), "my page");
    const before = await texts(out);
    await expect(publishInPlace(staging, { files, staged, previous })).rejects.toThrow(/holds new\/index\.html, which Dateline did not write/);
    expect(await texts(out)).toEqual(before);

    const next = await siteAndUpdate();
    await writeFile(path.join(next.out, "notes.txt"), "mine");
    await publishInPlace(next.staging, { files: next.files, staged: next.staged, previous: next.previous });
    expect(await texts(next.out)).toEqual({ ...expected, "notes.txt": "mine" });
  });
});

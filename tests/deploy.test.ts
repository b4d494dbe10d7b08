import { readFile } from "node:fs/promises";
import path from "node:path";
import yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { metaContentSecurityPolicy, securityHeaders } from "../src/render/security.ts";
import { dateline, removeTempDirs, root, tempDir } from "./helpers/cli.ts";

afterAll(removeTempDirs);

interface Step {
  uses?: string;
  run?: string;
  id?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { "runs-on": string; needs?: string; steps: Step[]; environment?: { name: string } }>;
}

describe("the GitHub Pages workflow", () => {
  let workflow: Workflow;
  beforeAll(async () => {
    workflow = yaml.load(await readFile(path.join(root, ".github", "workflows", "pages.yml"), "utf8")) as Workflow;
  });

  test("should run on pushes to main with the permissions Pages deployment needs", () => {
    expect(Object.keys(workflow.on)).toEqual(["push", "workflow_dispatch"]);
    expect(workflow.permissions).toEqual({ contents: "read", pages: "write", "id-token": "write" });
  });

  test("should install, test, then build with the URL and path that Pages gives", () => {
    const steps = workflow.jobs["build"]!.steps;
    const order = steps.map((step) => step.uses?.replace(/@.*/, "") ?? step.run);
    expect(order).toEqual([
      "actions/checkout",
      "actions/setup-node",
      "npm ci",
      "npm test",
      "actions/configure-pages",
      'npm run build -- --base-url "${{ steps.pages.outputs.base_url }}"',
      "actions/upload-pages-artifact",
    ]);
    expect(steps[1]?.with?.["node-version"]).toBe(20);
    expect(steps.find((step) => step.uses?.startsWith("actions/configure-pages"))?.id).toBe("pages");
    expect(steps.at(-1)?.with?.["path"]).toBe("_site");
  });

  test("should deploy the built artifact with the official action", () => {
    const deploy = workflow.jobs["deploy"]!;
    expect(deploy.needs).toBe("build");
    expect(deploy.environment?.name).toBe("github-pages");
    expect(deploy.steps.map((step) => step.uses?.replace(/@.*/, ""))).toEqual(["actions/deploy-pages"]);
  });

  test("should pin every action to a major version", () => {
    const uses = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => (step.uses ? [step.uses] : [])));
    for (const action of uses) expect(action).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });
});

describe("the Netlify configuration", () => {
  test("should build seeds/ into _site/ with the site's URL on Node 20", async () => {
    const toml = await readFile(path.join(root, "netlify.toml"), "utf8");
    expect(toml).toContain('command = "npm run build -- --base-url \\"$URL\\""');
    expect(toml).toContain('publish = "_site"');
    expect(toml).toContain('NODE_VERSION = "20"');
  });
});

describe("the _headers file written into the site", () => {
  let headers: string;
  /** The headers of the rule for one path pattern. */
  const rule = (pattern: string): Record<string, string> => {
    const block = headers.split(/\n\n+/).find((part) => part.split("\n")[0] === pattern);
    if (block === undefined) throw new Error(`no rule for ${pattern}`);
    return Object.fromEntries(block.split("\n").slice(1).map((line) => line.trim().split(/: (.*)/s).slice(0, 2) as [string, string]));
  };

  beforeAll(async () => {
    const out = path.join(await tempDir("headers"), "site");
    expect((await dateline(["build", "--out", out, "--quiet"])).code).toBe(0);
    headers = await readFile(path.join(out, "_headers"), "utf8");
  });

  test("should send the security headers on every page, with the same policy as the pages' meta tag", () => {
    expect(rule("/*")).toEqual({ ...securityHeaders, "Cache-Control": "public, max-age=300, must-revalidate" });
    expect(securityHeaders["Content-Security-Policy"]).toBe(`${metaContentSecurityPolicy}; frame-ancestors 'none'`);
  });

  test("should cache hashed search files and fingerprinted assets for a year", () => {
    for (const pattern of ["/assets/*", "/pagefind/fragment/*", "/pagefind/index/*", "/pagefind/filter/*", "/pagefind/*.pf_meta", "/pagefind/shards/*"]) {
      expect(rule(pattern)["Cache-Control"], pattern).toBe("public, max-age=31536000, immutable");
    }
  });

  test("should give Pagefind's files and the feeds their content types", () => {
    expect(rule("/pagefind/fragment/*")["Content-Type"]).toBe("application/octet-stream");
    expect(rule("/pagefind/*.pagefind")["Content-Type"]).toBe("application/octet-stream");
    expect(rule("/feed.json")["Content-Type"]).toBe("application/feed+json; charset=utf-8");
    expect(rule("/feed.xml")["Content-Type"]).toBe("application/atom+xml; charset=utf-8");
  });
});

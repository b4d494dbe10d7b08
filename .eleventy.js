// Eleventy configuration for `dateline build` and `dateline serve`, which add the plugin with an archive they have
// already checked. Run by Eleventy's own command instead (`eleventy --config .eleventy.js` in a project folder), it
// renders the seeds and site options `dateline check` reads there, its problems printed and bad seeds left out.
export default async function (eleventyConfig) {
  if (eleventyConfig.hasPlugin("datelinePlugin")) return;
  // Imported only here: Dateline's commands run a compiled Dateline (bin/compiled.js), not src/.
  await import("tsx/esm");
  const { datelinePlugin, formatProblem, loadArchive } = await import("./src/index.ts");
  const { parseCommand } = await import("./src/cli/options.ts");
  const { failed } = await import("./src/cli/failed.ts");
  const { seeds, site } = await parseCommand(["check"]).catch((cause) => {
    failed(process.stderr, cause);
    throw cause;
  });
  eleventyConfig.addPlugin(datelinePlugin, {
    load: async () => {
      const { archive, problems } = await loadArchive(seeds, site);
      for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
      return archive;
    },
  });
}

// The folders are given on the command line or by `dateline build`, which renders into a staging folder: a `dir`
// here would override both.
export const config = { templateFormats: ["njk"] };

// Eleventy configuration for `npm start` (the dev server) and for `dateline build`.
// `dateline build` has added the plugin with an archive it has already checked; for the dev
// server, the plugin loads seeds/ itself on every rebuild, so edited seeds show up live.
export default async function (eleventyConfig) {
  if (eleventyConfig.hasPlugin("datelinePlugin")) return;
  // Imported only here: `dateline build` runs a compiled Dateline (bin/compiled.js), not src/.
  await import("tsx/esm");
  const { datelinePlugin, devServerArchive } = await import("./src/index.ts");
  // The seeds folder and site options of dateline.config.yaml, as `dateline check` reads them (flags aside).
  const { devServerOptions } = await import("./src/cli/dev-server-options.ts");
  const { seeds, site } = await devServerOptions();
  eleventyConfig.addPlugin(datelinePlugin, { load: () => devServerArchive(seeds, site) });
  eleventyConfig.addWatchTarget(`./${seeds}/`);
}

// The folders are given on the command line (`npm start`) or by `dateline build`, which
// renders into a staging folder: a `dir` here would override both.
export const config = { templateFormats: ["njk"] };

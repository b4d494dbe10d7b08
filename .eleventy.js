// Eleventy configuration for `npm start` (the dev server) and for `dateline build`.
// `dateline build` hands the plugin an archive it has already checked; here the
// plugin loads seeds/ itself on every rebuild, so edited seeds show up live.
import "tsx/esm";

const { datelinePlugin, devServerArchive } = await import("./src/index.ts");

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(datelinePlugin, { load: () => devServerArchive("seeds") });
  eleventyConfig.addWatchTarget("./seeds/");
}

// The folders are given on the command line (`npm start`) or by `dateline build`, which
// renders into a staging folder: a `dir` here would override both.
export const config = { templateFormats: ["njk"] };

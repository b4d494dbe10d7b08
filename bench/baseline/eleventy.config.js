// The baseline: a minimal plain-Eleventy archive of the same articles, built the way most Eleventy
// blogs are: one Markdown file per post, a `posts` collection, a paginated index of 30, year archives.
export default function (eleventyConfig) {
  eleventyConfig.addCollection("posts", (api) => api.getFilteredByGlob("./**/posts/*.md").sort((a, b) => b.date - a.date));
  eleventyConfig.addCollection("years", (api) => {
    const years = new Map();
    for (const post of api.getFilteredByGlob("./**/posts/*.md").sort((a, b) => b.date - a.date)) {
      const year = post.date.getUTCFullYear();
      if (!years.has(year)) years.set(year, []);
      years.get(year).push(post);
    }
    return [...years].map(([year, posts]) => ({ year, posts }));
  });
  eleventyConfig.addFilter("isoDate", (date) => date.toISOString().slice(0, 10));
}

export const config = { markdownTemplateEngine: false, htmlTemplateEngine: "njk" };

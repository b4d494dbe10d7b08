// Posts are Markdown with no template engine, so the permalink is a function rather than a template.
export default {
  layout: "layout.njk",
  tags: ["post"],
  permalink: (data) => `/posts/${data.page.fileSlug}/`,
};

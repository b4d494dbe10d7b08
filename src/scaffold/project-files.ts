/** The files `dateline init` writes, by path inside the new project, for a project named `name` depending on Dateline as `dependency` (an npm version range or a `file:` path). */
export function projectFiles(name: string, dependency: string): Readonly<Record<string, string>> {
  return {
    "package.json": `${JSON.stringify(
      {
        name,
        private: true,
        type: "module",
        scripts: { start: "dateline serve", build: "dateline build", check: "dateline check", new: "dateline new" },
        dependencies: { dateline: dependency },
      },
      null,
      2,
    )}\n`,
    "dateline.config.yaml": `# yaml-language-server: $schema=node_modules/dateline/schema/dateline.config.schema.json
# Flags of dateline build override these keys; every key is listed in Dateline's README ("One config file").
title: ${name}
description: A searchable archive of news articles.
language: en
# Where the site is served: feeds, the sitemap and canonical links need it to be absolute.
# baseUrl: https://example.org
seeds: seeds
output: _site
# nav:
#   - { text: About, url: /about/ }
`,
    "dateline.entities.yaml": `# Your corrections to the people, places and organisations Dateline finds in the seeds, applied at every
# build (Dateline's README, "Fixing names"). Uncomment and adapt; a name no article has is a warning.
# people:
#   Ronald Reagan:                   # the name its page shows
#     aliases: [Reagan, Ron Reagan]  # other names of the same person, merged into it
#     sameAs: Q9960                  # a Wikidata id or an https:// URL: JSON-LD sameAs, a link on its page
# places:
#   United States:
#     aliases: [U.S.]
# organisations:
#   Jaguar:
#     from: person                   # found as a person, it is this organisation
# ignore:                            # names that are no entity
#   all: [Treasury Secretary]
#   organisations: [Reuters]
`,
    "seeds/2022-03-07-talks-in-geneva.md": `---
title: Talks in Geneva
date: 2022-03-07
tags: [diplomacy]
---

Diplomats met in Geneva on Monday for a first round of talks, the foreign ministry said.

Replace this seed with your own: \`npx dateline new "Your headline"\` writes one, and \`npm run build\` makes the site in _site/.
`,
    "README.md": `# ${name}

A news archive built with [Dateline](https://www.npmjs.com/package/dateline).

- \`npm run build\` turns the seeds in \`seeds/\` into a static site in \`_site/\`.
- \`npx dateline new "Headline"\` writes a new seed; \`npm run check\` checks them all.
- \`dateline.config.yaml\` sets the title, the base URL and the rest; \`templates/\` and \`assets/\` override Dateline's own, file by file.
- \`dateline.entities.yaml\` corrects the people, places and organisations found in the seeds: other names of one, a name to show, names to ignore.
- Pushed to GitHub, \`.github/workflows/pages.yml\` builds and publishes the site (Settings → Pages → Source: GitHub Actions).
`,
    ".gitignore": "node_modules/\n_site/\n.cache/\n.dateline-*/\n",
    ".github/workflows/pages.yml": `# Builds the archive from seeds/ and publishes it with GitHub Pages (Settings → Pages → Source: GitHub Actions).
name: Deploy to GitHub Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm install
      - id: pages
        uses: actions/configure-pages@v5
      # base_url is https://<owner>.github.io/<repo> for a project site: Dateline takes its path as the prefix.
      - run: npm run build -- --base-url "\${{ steps.pages.outputs.base_url }}"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: _site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`,
  };
}

/** The help text, shown by `--help` and after a usage error. */
export const usage = `Usage:
  dateline build [--config FILE] [--seeds DIR] [--out DIR] [--base-url URL] [--path-prefix /PREFIX/]
                 [--title TEXT] [--lang TAG] [--skip-invalid] [--no-cache] [--quiet] [--drafts] [--us-wire]
                 [--entity-fixes FILE]
  dateline serve [--port N] [--host H] and the options of build
  dateline check [--config FILE] [--seeds DIR] [--drafts] [--us-wire] [--entity-fixes FILE]
  dateline init DIR
  dateline new "Headline" [--date YYYY-MM-DD] [--config FILE] [--seeds DIR]

Commands:
  build   Turn the seeds into a static site in --out (default _site/)
  serve   Build into .cache/dateline/preview/ (or --out), serve it on http://127.0.0.1:8080/, build
          again when a seed, templates/, assets/ or the config change, and reload open pages
  check   Check every seed and print its problems; write nothing
  init    Make a new site project in DIR (new or empty): package.json, dateline.config.yaml,
          seeds/ with an example, README, .gitignore and a GitHub Pages workflow
  new     Write a Markdown seed with this headline into the seeds folder and print its path

Options (build, serve and check read ./dateline.config.yaml too; a flag overrides its key):
  --config FILE         read this config file instead of ./dateline.config.yaml; its folders are
                        relative to it
  --seeds DIR           folder of .txt and .md seeds, read with sub-folders (default seeds/)
  --out DIR             output folder, replaced only when the build is complete (default _site/)
  --base-url URL        where the site is served, e.g. https://example.org: makes canonical,
                        feed and sitemap URLs absolute
  --path-prefix /P/     serve the site from a sub-folder, e.g. /archive/ (GitHub Pages project sites)
  --title TEXT          the site's name (default Dateline)
  --lang TAG            the articles' language, a BCP 47 tag (default en)
  --skip-invalid        build the good seeds and leave out the ones with errors
  --no-cache            build everything from scratch, ignoring what .cache/dateline/ holds
                        from earlier builds (it is filled again for the next one) and the
                        search index of the site being replaced
  --quiet               print only problems and the summary line
  --drafts              build and check the seeds marked draft: true too (left out by default)
  --us-wire             a US newswire's archive: a story with dollar amounts but no place is set in the United States
  --entity-fixes FILE   the entity fixes file (default ./dateline.entities.yaml, when there is one):
                        aliases, canonical names, names to ignore, kinds and sameAs links of entities
  --port N              serve's port (default 8080; 0 for any free port)
  --host H              serve's address (default 127.0.0.1; 0.0.0.0 shows the preview to the network)
  --date YYYY-MM-DD     the new seed's date (default today)
  -h, --help            show this help
  -v, --version         show the version

Exit status: 0 done, 1 the seeds have problems, 2 bad usage, 3 internal error (a bug in
Dateline), 4 the machine would not let the build finish (disk full, no permission, read-only),
130/143 stopped by SIGINT/SIGTERM.`;

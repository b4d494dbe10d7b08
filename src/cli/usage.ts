/** The help text, shown by `--help` and after a usage error. */
export const usage = `Usage:
  dateline build [--seeds DIR] [--out DIR] [--base-url URL] [--path-prefix /PREFIX/]
                 [--title TEXT] [--lang TAG] [--skip-invalid] [--no-cache] [--quiet]
  dateline check [--seeds DIR]

Commands:
  build   Turn the seeds into a static site in --out (default _site/)
  check   Check every seed and print its problems; write nothing

Options:
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
  -h, --help            show this help
  -v, --version         show the version

Exit status: 0 done, 1 the seeds have problems, 2 bad usage, 3 internal error (a bug in
Dateline), 4 the machine would not let the build finish (disk full, no permission, read-only),
130/143 stopped by SIGINT/SIGTERM.`;

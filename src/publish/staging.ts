/**
 * A temporary folder beside the output, to be swapped into place when complete (`publishSite`), or whose files are
 * moved into the output when it is updated in place (`publishInPlace`).
 */
export interface Staging {
  readonly dir: string;
  /** The output folder (the target of a link, if `--out` is one). */
  readonly outDir: string;
}

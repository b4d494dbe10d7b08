/** Whether two stats are of one file (hard links to it), not copies. */
export function sameFile(a: { readonly ino: number; readonly dev: number }, b: { readonly ino: number; readonly dev: number }): boolean {
  return a.ino === b.ino && a.dev === b.dev;
}

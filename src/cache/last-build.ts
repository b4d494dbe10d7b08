import { type OutputEntry, readManifest } from "./page-manifest.ts";

/** The page files of the live site as the last build's manifest describes them (see `readLastBuild`). */
export interface LastBuild {
  /** Output file → what the manifest says of it: every page file the last build published. */
  readonly pages: ReadonlyMap<string, OutputEntry>;
  /** Why the manifest of the last build was not used, if it was not. */
  readonly discarded: string | undefined;
}

/**
 * The pages of the last build into the output folder, as its manifest lists them, or none (a first build, another
 * Dateline or other templates: every fingerprint would differ). The manifest is trusted without looking at the live
 * files: a warm build touches only what changed, so a page edited or deleted by hand in the output is put right by
 * `dateline build --fresh` (README, "Incremental builds").
 */
export async function readLastBuild(manifest: string, version: string): Promise<LastBuild> {
  const read = await readManifest(manifest);
  if (typeof read === "string") return { pages: new Map(), discarded: read };
  return { pages: read.version === version ? read.outputs : new Map(), discarded: undefined };
}

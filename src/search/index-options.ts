/** How to index. */
export interface IndexOptions {
  /** The published site this build replaces: shards whose pages have not changed are copied from it. */
  readonly previous?: string;
  /**
   * The published site at `previous` is updated in place rather than replaced (see `publishInPlace`): a shard whose
   * bundle there is where it belongs and was built from the same pages is left there, untouched, instead of being
   * copied into the staging folder.
   */
  readonly inPlace?: boolean;
  /** The `pageDigest` of article pages known to be unchanged since the last build, which saves reading them. */
  readonly digests?: ReadonlyMap<string, string>;
  /** Articles per shard (tests use small ones); defaults to `defaultShardSize`. */
  readonly shardSize?: number;
  /** Article pages whose files are in place before the render (taken from the last build), as `written` says. */
  readonly written?: Iterable<string>;
  /**
   * URLs of articles new or changed since the last build (their seeds were parsed again). A shard holding one most
   * likely changes, so it starts indexing at once, beside the render, and is handed its other pages as they are
   * rendered; if its fingerprint, known once they all are, shows the last build's bundle still fits, that is kept.
   */
  readonly changed?: ReadonlySet<string>;
  /**
   * The search digests the last build recorded for its article pages, by URL, when a build starts indexing before it
   * knows which of them it will take over (see `written`): a shard begun for a changed article then reads its other
   * pages from the published site at once, and is indexed again if any of them turns out to give the index another part.
   */
  readonly lastDigests?: ReadonlyMap<string, string>;
}

/** What indexing the built site did. */
export interface IndexSummary {
  /** HTML pages Pagefind read in this build: the articles of the shards it indexed. */
  readonly pages: number;
  /** Pages in the index: only those with `data-pagefind-body`, the articles. */
  readonly searchable: number;
  readonly shards: number;
  /** Shards copied from the previous site instead of indexed again. */
  readonly reused: number;
  /** Files in `pagefind/`. */
  readonly files: number;
  /** The bundle folders left in place in the published site (`inPlace`), relative to `pagefind/`: `""` for the main bundle, else `shards/<id>/`. */
  readonly kept: readonly string[];
  /** The `pageDigest` of every article page, by URL, for the next build's `digests`. */
  readonly digests: ReadonlyMap<string, string>;
}

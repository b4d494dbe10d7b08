/**
 * Articles per shard as `DATELINE_SEARCH_SHARD_SIZE` gives them, for tests that need a multi-shard index from a small
 * site: undefined when unset or empty (the default size then), else a whole number of at least 2.
 */
export function shardSizeOption(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 2) throw new Error(`DATELINE_SEARCH_SHARD_SIZE must be a whole number of at least 2, not "${value}"`);
  return size;
}

/** The items of a list sorted by position that lie inside [start, end). */
export function within<T extends { readonly start: number; readonly end: number }>(list: readonly T[], start: number, end: number): T[] {
  const result: T[] = [];
  for (let i = firstIndex(list, (item) => item.start >= start); i < list.length && list[i]!.end <= end; i++) result.push(list[i]!);
  return result;
}

/** Binary search: the index of the first item for which `after` holds (it must hold for all items past it). */
export function firstIndex<T>(list: readonly T[], after: (item: T) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (after(list[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The first position in `list[lo..hi)` (sorted ascending) whose value is not below `value`: where
 * `value` is, or would be inserted. One binary search for postings, the vocabulary and word lists.
 */
export function lowerBound<T extends number | string>(list: ArrayLike<T>, value: T, lo = 0, hi = list.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether `value` is in `list` (sorted ascending): a posting, a vocabulary word. */
export function sortedHas<T extends number | string>(list: ArrayLike<T>, value: T): boolean {
  return list[lowerBound(list, value)] === value;
}

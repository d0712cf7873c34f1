/**
 * Set arithmetic on sorted, disjoint, non-adjacent inclusive intervals of
 * bigints. Every function returns a new list in that canonical form, so two
 * equal sets always have equal lists. Address sets and port sets build on it.
 */
export interface Interval {
  first: bigint;
  last: bigint;
}

/** Sorts and merges overlapping or adjacent intervals into canonical form. */
export function normalizeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => compareBigint(a.first, b.first));
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const previous = merged[merged.length - 1];
    if (previous !== undefined && interval.first <= previous.last + 1n) {
      if (interval.last > previous.last) previous.last = interval.last;
    } else {
      merged.push({ first: interval.first, last: interval.last });
    }
  }
  return merged;
}

export function unionIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  return normalizeIntervals([...a, ...b]);
}

export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const left = a[i]!;
    const right = b[j]!;
    const first = left.first > right.first ? left.first : right.first;
    const last = left.last < right.last ? left.last : right.last;
    if (first <= last) result.push({ first, last });
    // Advance whichever interval ends first; the other may still overlap the next one.
    if (left.last < right.last) i++;
    else j++;
  }
  return result;
}

export function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let j = 0;
  for (const interval of a) {
    let first = interval.first;
    while (j < b.length && b[j]!.last < first) j++;
    let k = j;
    while (k < b.length && b[k]!.first <= interval.last) {
      const cut = b[k]!;
      if (cut.first > first) result.push({ first, last: cut.first - 1n });
      first = cut.last + 1n;
      k++;
    }
    if (first <= interval.last) result.push({ first, last: interval.last });
  }
  return result;
}

export function intervalsEqual(a: readonly Interval[], b: readonly Interval[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((interval, i) => interval.first === b[i]!.first && interval.last === b[i]!.last);
}

/** Counts the values in the intervals. */
export function countIntervals(intervals: readonly Interval[]): bigint {
  return intervals.reduce((total, interval) => total + interval.last - interval.first + 1n, 0n);
}

function compareBigint(a: bigint, b: bigint): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

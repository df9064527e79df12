// Binary search over anything sorted: the first index in [0, length) for which `before(i)` is
// false, given that `before` is true for a prefix of the range and false after it. Returns
// `length` when it is true throughout. One implementation for every sorted table the search keeps.
export function lowerBound(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

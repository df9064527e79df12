// Statistics the benchmark scripts share.

/**
 * The nearest-rank percentile of `samples` (`p` from 0 to 100): the smallest sample with at
 * least p% of them at or below it. NaN for no samples.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

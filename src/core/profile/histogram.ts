import type { HistogramBin } from '../data/column-profile.ts';

/** Most bins a profile histogram has. */
export const MAX_BINS = 20;

/**
 * Equal-width bins over ascending, NaN-free values: min(distinct, 20) bins from the smallest to the largest value, the
 * last bin closed on the right. A constant column gives one zero-width bin; an empty one gives no bins.
 */
export function histogram(sorted: Float64Array, distinct: number, maxBins: number = MAX_BINS): HistogramBin[] {
  const n = sorted.length;
  if (n === 0) return [];
  const min = sorted[0];
  const max = sorted[n - 1];
  if (min === max) return [{ x0: min, x1: max, count: n }];
  // No more bins than distinct values, so a 1/2/3 class column shows three bars instead of twenty mostly empty ones.
  const bins = Math.max(1, Math.min(maxBins, distinct));
  const width = (max - min) / bins;
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i <= bins; i++) edges[i] = min + width * i;
  edges[bins] = max;
  const counts = new Float64Array(bins);
  // The values are sorted, so one forward walk assigns each to its bin without per-value division rounding issues.
  let bin = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i];
    while (bin < bins - 1 && v >= edges[bin + 1]) bin++;
    counts[bin]++;
  }
  const out: HistogramBin[] = [];
  for (let i = 0; i < bins; i++) out.push({ x0: edges[i], x1: edges[i + 1], count: counts[i] });
  return out;
}

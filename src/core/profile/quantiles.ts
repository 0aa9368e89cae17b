import type { Quantiles } from '../data/column-profile.ts';

/** The q-quantile (q in 0..1) of ascending, NaN-free values by linear interpolation (numpy's default); NaN when empty. */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const position = q * (n - 1);
  const lo = Math.floor(position);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo];
  const b = sorted[hi];
  // Equal neighbours skip the arithmetic so huge or extreme values never pick up rounding noise.
  return a === b ? a : a + (b - a) * (position - lo);
}

/** p0, p5, p25, p50, p75, p95 and p100 of ascending, NaN-free values (all NaN when empty). */
export function quantiles(sorted: Float64Array): Quantiles {
  return {
    p0: quantileSorted(sorted, 0),
    p5: quantileSorted(sorted, 0.05),
    p25: quantileSorted(sorted, 0.25),
    p50: quantileSorted(sorted, 0.5),
    p75: quantileSorted(sorted, 0.75),
    p95: quantileSorted(sorted, 0.95),
    p100: quantileSorted(sorted, 1),
  };
}

import { percentile } from '../metrics/percentile.ts';

/** Quantile bins of the reference for PSI. */
export const PSI_BINS = 10;
/** Smallest proportion a PSI bin may hold, so an empty bin gives a large but finite term. */
export const PSI_FLOOR = 1e-4;

/**
 * Inner edges of PSI's 10 quantile bins from ascending, NaN-free reference values: the 10%..90% quantiles by
 * linear interpolation (numpy's default), duplicates removed. Bins are (-inf, e1), [e1, e2), …, [ek, inf).
 */
export function psiEdges(sortedReference: Float64Array): number[] {
  if (sortedReference.length === 0) return [];
  const edges: number[] = [];
  for (let k = 1; k < PSI_BINS; k++) {
    const e = percentile(sortedReference, k / PSI_BINS);
    if (edges.length === 0 || e !== edges[edges.length - 1]) edges.push(e);
  }
  return edges;
}

/** Index of the left-closed bin holding `x`: the number of edges <= x (numpy's searchsorted side='right'). */
export function binOf(edges: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Counts per bin (edges.length + 1 of them) of the non-NaN values. */
export function binCounts(edges: readonly number[], values: Float64Array): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) counts[binOf(edges, v)]++;
  }
  return counts;
}

/** Counts → proportions floored at PSI_FLOOR (all floored when the total is 0). */
export function flooredProportions(counts: ArrayLike<number>): Float64Array {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  return Float64Array.from({ length: counts.length }, (_, i) => Math.max(total > 0 ? counts[i] / total : 0, PSI_FLOOR));
}

/** Population stability index Σ (a − e)·ln(a / e) from reference and new bin counts of equal length. */
export function psi(referenceCounts: ArrayLike<number>, newCounts: ArrayLike<number>): number {
  if (referenceCounts.length !== newCounts.length) throw new Error(`PSI needs equal bin counts, got ${referenceCounts.length} and ${newCounts.length}`);
  const e = flooredProportions(referenceCounts);
  const a = flooredProportions(newCounts);
  let sum = 0;
  for (let i = 0; i < e.length; i++) sum += (a[i] - e[i]) * Math.log(a[i] / e[i]);
  return sum;
}

import { kolmogorovSf } from './special-functions.ts';

/** A two-sample Kolmogorov–Smirnov result: the largest ECDF gap and its asymptotic two-sided p-value. */
export interface KsResult {
  readonly statistic: number;
  /** Kolmogorov's limiting distribution at sqrt(n·m/(n+m))·D (scipy.stats.kstwobign.sf). */
  readonly p_value: number;
}

/** Asymptotic p-value of a two-sample KS statistic `d` for sample sizes n and m. */
export function ksPValue(d: number, n: number, m: number): number {
  if (n === 0 || m === 0) return 1;
  return kolmogorovSf(Math.sqrt((n * m) / (n + m)) * d);
}

/** Two-sample KS on ascending, NaN-free samples: D = sup |F_a − F_b| (as scipy.stats.ks_2samp's statistic). */
export function ksTwoSample(sortedA: Float64Array, sortedB: Float64Array): KsResult {
  const n = sortedA.length;
  const m = sortedB.length;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n && j < m) {
    const x = Math.min(sortedA[i], sortedB[j]);
    while (i < n && sortedA[i] <= x) i++;
    while (j < m && sortedB[j] <= x) j++;
    d = Math.max(d, Math.abs(i / n - j / m));
  }
  return { statistic: n && m ? d : 0, p_value: ksPValue(d, n, m) };
}

/**
 * KS between a reference known by its percentiles (p0..p100) and its exact ECDF there (`cdf`), and new data counted on
 * that grid: D is the largest ECDF gap at the grid points (and just below p0). It never exceeds the exact statistic and
 * misses it by at most the reference mass between two neighbouring percentiles (about 1/100).
 * `newAtOrBelow[k]` counts new values <= percentiles[k], `newBelowFirst` those < percentiles[0], `newTotal` all of them.
 */
export function ksFromGrid(percentiles: readonly number[], cdf: readonly number[], referenceN: number, newAtOrBelow: ArrayLike<number>, newBelowFirst: number, newTotal: number): KsResult {
  if (!newTotal || !referenceN || percentiles.length === 0) return { statistic: 0, p_value: 1 };
  let d = newBelowFirst / newTotal;
  for (let k = 0; k < percentiles.length; k++) d = Math.max(d, Math.abs(cdf[k] - newAtOrBelow[k] / newTotal));
  return { statistic: d, p_value: ksPValue(d, referenceN, newTotal) };
}

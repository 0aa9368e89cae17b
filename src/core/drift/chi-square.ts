import { chiSquareSf } from './special-functions.ts';

/** Pearson's chi-square test of independence on a 2 × K table (reference vs new counts per category). */
export interface ChiSquareResult {
  readonly statistic: number;
  readonly dof: number;
  readonly p_value: number;
}

/**
 * Chi-square on reference and new counts per category (equal lengths), without Yates' correction, as
 * scipy.stats.chi2_contingency(table, correction=False). Categories empty on both sides are dropped first.
 */
export function chiSquareTwoSample(referenceCounts: ArrayLike<number>, newCounts: ArrayLike<number>): ChiSquareResult {
  const ref: number[] = [];
  const cur: number[] = [];
  for (let i = 0; i < referenceCounts.length; i++) {
    if (referenceCounts[i] + newCounts[i] > 0) {
      ref.push(referenceCounts[i]);
      cur.push(newCounts[i]);
    }
  }
  const nRef = ref.reduce((a, b) => a + b, 0);
  const nCur = cur.reduce((a, b) => a + b, 0);
  const total = nRef + nCur;
  if (ref.length < 2 || nRef === 0 || nCur === 0) return { statistic: 0, dof: Math.max(0, ref.length - 1), p_value: 1 };
  let stat = 0;
  for (let i = 0; i < ref.length; i++) {
    const col = ref[i] + cur[i];
    const eRef = (col * nRef) / total;
    const eCur = (col * nCur) / total;
    stat += (ref[i] - eRef) ** 2 / eRef + (cur[i] - eCur) ** 2 / eCur;
  }
  const dof = ref.length - 1;
  return { statistic: stat, dof, p_value: chiSquareSf(stat, dof) };
}

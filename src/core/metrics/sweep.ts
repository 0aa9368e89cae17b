import type { Confusion } from './types.ts';
import { checkBinaryInputs, checkThreshold } from './validate.ts';

/** Exact threshold sweep: one point per distinct score, thresholds descending, counts cumulative (rows). */
export interface Sweep {
  /** Distinct scores, descending. */
  thresholds: Float64Array;
  /** tp[i]: positives with score >= thresholds[i]. */
  tp: Float64Array;
  /** fp[i]: negatives with score >= thresholds[i]. */
  fp: Float64Array;
  nPos: number;
  nNeg: number;
}

/** Sorts scores (n) with labels (n, 0/1) once and returns the exact sweep (k <= n points); throws on NaN. */
export function thresholdSweep(scores: Float64Array, labels: Uint8Array): Sweep {
  checkBinaryInputs(scores, labels);
  const n = scores.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Compare rather than subtract: Infinity - Infinity is NaN and would corrupt the sort.
  order.sort((a, b) => {
    const sa = scores[a] as number;
    const sb = scores[b] as number;
    return sa > sb ? -1 : sa < sb ? 1 : 0;
  });

  const thresholds = new Float64Array(n);
  const tpAt = new Float64Array(n);
  const fpAt = new Float64Array(n);
  let k = 0;
  let tp = 0;
  let fp = 0;
  for (let j = 0; j < n; j++) {
    const i = order[j] as number;
    if (labels[i] === 1) tp++;
    else fp++;
    const s = scores[i] as number;
    // A point closes only after its whole tie group, so tied rows move together (ties count 1/2 in AUC).
    if (j + 1 === n || scores[order[j + 1] as number] !== s) {
      thresholds[k] = s === 0 ? 0 : s; // fold -0 into 0 so a threshold prints the way it compares
      tpAt[k] = tp;
      fpAt[k] = fp;
      k++;
    }
  }
  return {
    thresholds: thresholds.slice(0, k),
    tp: tpAt.slice(0, k),
    fp: fpAt.slice(0, k),
    nPos: tp,
    nNeg: fp,
  };
}

/** Number of sweep points whose threshold is >= t, by binary search over the descending thresholds. */
export function pointsAtOrAbove(thresholds: Float64Array, t: number): number {
  let lo = 0;
  let hi = thresholds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((thresholds[mid] as number) >= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Confusion counts (rows) at any threshold (score units), predicting positive when score >= threshold; O(log k). */
export function confusionAt(sweep: Sweep, threshold: number): Confusion {
  checkThreshold(threshold);
  const m = pointsAtOrAbove(sweep.thresholds, threshold);
  const tp = m === 0 ? 0 : (sweep.tp[m - 1] as number);
  const fp = m === 0 ? 0 : (sweep.fp[m - 1] as number);
  return { threshold, tp, fp, tn: sweep.nNeg - fp, fn: sweep.nPos - tp };
}

/** Confusion counts at sweep point i (its own threshold) in O(1), for loops over every point. */
export function confusionAtPoint(sweep: Sweep, i: number): Confusion {
  const tp = sweep.tp[i] as number;
  const fp = sweep.fp[i] as number;
  return { threshold: sweep.thresholds[i] as number, tp, fp, tn: sweep.nNeg - fp, fn: sweep.nPos - tp };
}

import { scoresByClass, type Sweep } from './sweep.ts';

/** ROC AUC in [0, 1] from an exact sweep (trapezoid, ties count 1/2); null when a class is absent. */
export function rocAucFromSweep(sweep: Sweep): number | null {
  const { tp, fp, nPos, nNeg } = sweep;
  if (nPos === 0 || nNeg === 0) return null;
  // Sum twice the trapezoid areas in counts: every term is an integer, so rounding happens once, at the division.
  let area2 = 0;
  let tpPrev = 0;
  let fpPrev = 0;
  for (let i = 0; i < tp.length; i++) {
    const t = tp[i] as number;
    const f = fp[i] as number;
    area2 += (f - fpPrev) * (t + tpPrev);
    tpPrev = t;
    fpPrev = f;
  }
  return area2 / (2 * nPos * nNeg);
}

/**
 * ROC AUC in [0, 1] for scores (n) and labels (n, 0/1), equal to sklearn's roc_auc_score; null with one class. The
 * sweep's merge with the area summed as it goes, point by point as rocAucFromSweep sums it (the same bits), without
 * the sweep's three arrays: permutation importance asks for hundreds of these.
 */
export function rocAuc(scores: Float64Array, labels: Uint8Array): number | null {
  const { pos, neg } = scoresByClass(scores, labels);
  if (pos.length === 0 || neg.length === 0) return null;
  let area2 = 0;
  let tp = 0;
  let fp = 0;
  let i = pos.length - 1;
  let j = neg.length - 1;
  while (i >= 0 || j >= 0) {
    const s = i < 0 ? neg[j] : j < 0 ? pos[i] : pos[i] > neg[j] ? pos[i] : neg[j];
    const tpPrev = tp;
    const fpPrev = fp;
    while (i >= 0 && pos[i] === s) { tp++; i--; }
    while (j >= 0 && neg[j] === s) { fp++; j--; }
    area2 += (fp - fpPrev) * (tp + tpPrev);
  }
  return area2 / (2 * pos.length * neg.length);
}

import { thresholdSweep, type Sweep } from './sweep.ts';

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

/** ROC AUC in [0, 1] for scores (n) and labels (n, 0/1), equal to sklearn's roc_auc_score; null with one class. */
export function rocAuc(scores: Float64Array, labels: Uint8Array): number | null {
  return rocAucFromSweep(thresholdSweep(scores, labels));
}

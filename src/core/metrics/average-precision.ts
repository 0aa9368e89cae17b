import { thresholdSweep, type Sweep } from './sweep.ts';

/** Average precision in [0, 1] from an exact sweep: sum of (R_n - R_{n-1}) * P_n; null when a class is absent. */
export function averagePrecisionFromSweep(sweep: Sweep): number | null {
  const { tp, fp, nPos, nNeg } = sweep;
  if (nPos === 0 || nNeg === 0) return null;
  // Step sum, not a trapezoid: interpolating between PR points overstates precision (sklearn does the same).
  let ap = 0;
  let tpPrev = 0;
  for (let i = 0; i < tp.length; i++) {
    const t = tp[i] as number;
    if (t !== tpPrev) ap += ((t - tpPrev) / nPos) * (t / (t + (fp[i] as number)));
    tpPrev = t;
  }
  return ap;
}

/** Average precision in [0, 1] for scores (n) and labels (n, 0/1), as sklearn's average_precision_score. */
export function averagePrecision(scores: Float64Array, labels: Uint8Array): number | null {
  return averagePrecisionFromSweep(thresholdSweep(scores, labels));
}

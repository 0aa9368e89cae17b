import type { Sweep } from './sweep.ts';

/** ROC points (k + 1 each): false and true positive rates in [0, 1] at descending thresholds (score units). */
export interface RocCurve {
  fpr: Float64Array;
  tpr: Float64Array;
  thresholds: Float64Array;
}

/**
 * Exact ROC curve from a sweep (k points), prefixed by (0, 0) at threshold +Infinity ("flag nothing").
 * A rate whose class is absent is NaN, since a typed array cannot hold null.
 */
export function rocCurve(sweep: Sweep): RocCurve {
  const k = sweep.thresholds.length;
  const fpr = new Float64Array(k + 1);
  const tpr = new Float64Array(k + 1);
  const thresholds = new Float64Array(k + 1);
  thresholds[0] = Infinity;
  const { nPos, nNeg } = sweep;
  if (nNeg === 0) fpr[0] = NaN;
  if (nPos === 0) tpr[0] = NaN;
  for (let i = 0; i < k; i++) {
    thresholds[i + 1] = sweep.thresholds[i] as number;
    fpr[i + 1] = nNeg === 0 ? NaN : (sweep.fp[i] as number) / nNeg;
    tpr[i + 1] = nPos === 0 ? NaN : (sweep.tp[i] as number) / nPos;
  }
  return { fpr, tpr, thresholds };
}

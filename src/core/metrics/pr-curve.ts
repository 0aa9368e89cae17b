import type { Sweep } from './sweep.ts';

/** Precision-recall points (k each) at descending thresholds (score units); precision and recall in [0, 1]. */
export interface PrCurve {
  precision: Float64Array;
  recall: Float64Array;
  thresholds: Float64Array;
}

/**
 * Exact PR curve from a sweep: one point per distinct score, highest threshold first.
 * No (recall 0, precision 1) end point is invented; recall is NaN when there are no positives.
 */
export function prCurve(sweep: Sweep): PrCurve {
  const k = sweep.thresholds.length;
  const precision = new Float64Array(k);
  const recall = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const tp = sweep.tp[i] as number;
    // Every sweep point flags at least its own tie group, so tp + fp > 0 here.
    precision[i] = tp / (tp + (sweep.fp[i] as number));
    recall[i] = sweep.nPos === 0 ? NaN : tp / sweep.nPos;
  }
  return { precision, recall, thresholds: sweep.thresholds.slice() };
}

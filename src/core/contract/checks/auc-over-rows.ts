import { rocAuc } from '../../metrics/roc-auc.ts';

/** ROC AUC in [0, 1] of `scores` (one per entry of `rows`) against y[rows] (0/1); null when a class is absent. */
export function aucOverRows(scores: Float64Array, y: Uint8Array, rows: Int32Array): number | null {
  const labels = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) labels[i] = y[rows[i]];
  return rocAuc(scores, labels);
}

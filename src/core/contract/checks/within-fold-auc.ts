import { rocAuc } from '../../metrics/roc-auc.ts';

/**
 * ROC AUC in [0, 1] counting only pairs of rows in the same fold: Σ_f AUC_f·pos_f·neg_f / Σ_f pos_f·neg_f, with
 * scores[i] and folds[i] (in [0, k)) for rows[i] and y 0/1 per snapshot row. Null when no fold has both classes.
 */
export function withinFoldAuc(scores: Float64Array, y: Uint8Array, rows: Int32Array, folds: Uint8Array, k: number): number | null {
  let weighted = 0;
  let pairs = 0;
  for (let f = 0; f < k; f++) {
    const members: number[] = [];
    for (let i = 0; i < rows.length; i++) if (folds[i] === f) members.push(i);
    const foldScores = Float64Array.from(members, (i) => scores[i]);
    const labels = Uint8Array.from(members, (i) => y[rows[i]]);
    const auc = rocAuc(foldScores, labels);
    if (auc === null) continue;
    let positives = 0;
    for (const label of labels) positives += label;
    const foldPairs = positives * (labels.length - positives);
    weighted += auc * foldPairs;
    pairs += foldPairs;
  }
  return pairs === 0 ? null : weighted / pairs;
}

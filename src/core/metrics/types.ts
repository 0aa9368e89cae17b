/** A 2x2 confusion matrix (counts of rows) at one threshold; positive means score >= threshold. */
export interface Confusion {
  threshold: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/**
 * Everything a binary evaluation reports, keyed by the shared JSON names (see docs/metrics.md).
 * A ratio is null when its denominator is 0; AUC/AP are null with one class only;
 * brier/log_loss/ece/mce are null with no rows or when a score lies outside [0, 1].
 */
export interface BinaryReport {
  n: number;
  n_pos: number;
  n_neg: number;
  threshold: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  accuracy: number | null;
  precision: number | null;
  recall: number | null;
  specificity: number | null;
  f1: number | null;
  balanced_accuracy: number | null;
  mcc: number | null;
  roc_auc: number | null;
  average_precision: number | null;
  brier: number | null;
  log_loss: number | null;
  ece: number | null;
  mce: number | null;
}

import type { Confusion } from './types.ts';

/** Ratios read off a confusion matrix, each in [0, 1] (MCC in [-1, 1]) or null when undefined. */
export interface Rates {
  accuracy: number | null;
  precision: number | null;
  recall: number | null;
  specificity: number | null;
  f1: number | null;
  balanced_accuracy: number | null;
  mcc: number | null;
  fpr: number | null;
  fnr: number | null;
}

// A zero denominator means the question has no answer for this data; reporting 0 would read as "always wrong".
function ratio(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

/** Accuracy, precision, recall, specificity, F1, balanced accuracy, MCC, FPR and FNR from 2x2 counts. */
export function rates(c: Confusion): Rates {
  const { tp, fp, tn, fn } = c;
  const recall = ratio(tp, tp + fn);
  const specificity = ratio(tn, tn + fp);
  // One square root of the exact product: counts are far below the range where the product could overflow.
  const mccDen = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
  return {
    accuracy: ratio(tp + tn, tp + fp + tn + fn),
    precision: ratio(tp, tp + fp),
    recall,
    specificity,
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    balanced_accuracy: recall === null || specificity === null ? null : (recall + specificity) / 2,
    mcc: ratio(tp * tn - fp * fn, mccDen),
    fpr: ratio(fp, fp + tn),
    fnr: ratio(fn, fn + tp),
  };
}

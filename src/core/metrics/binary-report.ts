import { averagePrecisionFromSweep } from './average-precision.ts';
import { brier } from './brier.ts';
import { calibrationBins } from './calibration.ts';
import { logLoss } from './log-loss.ts';
import { rates } from './rates.ts';
import { rocAucFromSweep } from './roc-auc.ts';
import { confusionAt, thresholdSweep, type Sweep } from './sweep.ts';
import type { BinaryReport, Confusion } from './types.ts';
import { isProbabilities } from './validate.ts';

/** Full binary report for scores (n) and labels (n, 0/1) at a threshold (score units); JSON keys as in docs/metrics.md. */
export function binaryReport(scores: Float64Array, labels: Uint8Array, threshold: number, sorted?: Sweep): BinaryReport {
  // One sweep serves the confusion matrix, AUC and AP, so they can never disagree about the ordering; a caller that
  // already has it (of these very scores and labels) passes it in to skip the sort.
  const sweep = sorted ?? thresholdSweep(scores, labels);
  // Margins or ranks are valid for ranking metrics but say nothing about calibration; null beats a made-up number.
  const probabilistic = scores.length > 0 && isProbabilities(scores);
  const cal = probabilistic ? calibrationBins(scores, labels) : null;
  return {
    n: scores.length,
    n_pos: sweep.nPos,
    n_neg: sweep.nNeg,
    ...thresholdFields(confusionAt(sweep, threshold)),
    roc_auc: rocAucFromSweep(sweep),
    average_precision: averagePrecisionFromSweep(sweep),
    brier: probabilistic ? brier(scores, labels) : null,
    log_loss: probabilistic ? logLoss(scores, labels) : null,
    ece: cal === null ? null : cal.ece,
    mce: cal === null ? null : cal.mce,
  };
}

/** The report fields that depend on the threshold, read off one confusion matrix. */
export function thresholdFields(c: Confusion): Pick<BinaryReport, 'threshold' | 'tp' | 'fp' | 'tn' | 'fn' | 'accuracy' | 'precision' | 'recall' | 'specificity' | 'f1' | 'balanced_accuracy' | 'mcc'> {
  const r = rates(c);
  return {
    threshold: c.threshold, tp: c.tp, fp: c.fp, tn: c.tn, fn: c.fn,
    accuracy: r.accuracy, precision: r.precision, recall: r.recall, specificity: r.specificity,
    f1: r.f1, balanced_accuracy: r.balanced_accuracy, mcc: r.mcc,
  };
}

/** A report moved to another threshold without re-sorting: threshold-free metrics (AUC, AP, Brier, …) are kept. */
export function reportAt(report: BinaryReport, c: Confusion): BinaryReport {
  return { ...report, ...thresholdFields(c) };
}

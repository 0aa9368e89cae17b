import { averagePrecisionFromSweep } from './average-precision.ts';
import { brierOfProbabilities } from './brier.ts';
import { calibrationOfProbabilities, type Calibration } from './calibration.ts';
import { logLossOfProbabilities } from './log-loss.ts';
import { rates } from './rates.ts';
import { rocAucFromSweep } from './roc-auc.ts';
import { confusionAt, thresholdSweep, type Sweep } from './sweep.ts';
import type { BinaryReport, Confusion } from './types.ts';
import { checkBinaryInputs, isProbabilities } from './validate.ts';

/**
 * Full binary report for scores (n) and labels (n, 0/1) at a threshold (score units); JSON keys as in docs/metrics.md.
 * `calibration`, when given, is `calibrationBins` of these very scores and labels (a caller that shows the bins too
 * computes them once).
 */
export function binaryReport(scores: Float64Array, labels: Uint8Array, threshold: number, sorted?: Sweep, calibration?: Calibration): BinaryReport {
  // One sweep serves the confusion matrix, AUC and AP, so they can never disagree about the ordering; a caller that
  // already has it (of these very scores and labels) passes it in to skip the sort.
  const sweep = sorted ?? thresholdSweep(scores, labels);
  // A sweep of other arrays would skip the checks below; a length mismatch is the cheap tell, and gets the full message.
  if (scores.length !== labels.length || scores.length !== sweep.nPos + sweep.nNeg) checkBinaryInputs(scores, labels);
  // Margins or ranks are valid for ranking metrics but say nothing about calibration; null beats a made-up number.
  const probabilistic = scores.length > 0 && isProbabilities(scores);
  // The sweep validated scores and labels (thresholdSweep checks them), and `probabilistic` the [0, 1] range, so the
  // probability metrics skip their own checking passes (six scans of a million rows).
  const cal = probabilistic ? (calibration ?? calibrationOfProbabilities(scores, labels)) : null;
  return {
    n: scores.length,
    n_pos: sweep.nPos,
    n_neg: sweep.nNeg,
    ...thresholdFields(confusionAt(sweep, threshold)),
    roc_auc: rocAucFromSweep(sweep),
    average_precision: averagePrecisionFromSweep(sweep),
    brier: probabilistic ? brierOfProbabilities(scores, labels) : null,
    log_loss: probabilistic ? logLossOfProbabilities(scores, labels) : null,
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

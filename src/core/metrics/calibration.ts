import { checkBinaryInputs, checkProbabilities } from './validate.ts';

/** Number of equal-width calibration bins on [0, 1]; the reliability diagram uses the same bins. */
export const CALIBRATION_BIN_COUNT = 10;

/** One reliability bin: [lo, hi) in probability units (the last bin includes 1), with its row count. */
export interface CalibrationBin {
  bin: number;
  lo: number;
  hi: number;
  count: number;
  /** Mean predicted probability in the bin; null when the bin is empty. */
  mean_pred: number | null;
  /** Fraction of positives in the bin; null when the bin is empty. */
  frac_pos: number | null;
}

/** Reliability bins (10) plus expected and maximum calibration error (probability units). */
export interface Calibration {
  bins: CalibrationBin[];
  /** Sum over non-empty bins of (n_b / N) * |frac_pos - mean_pred|; null with no rows. */
  ece: number | null;
  /** Largest |frac_pos - mean_pred| over non-empty bins; null with no rows. */
  mce: number | null;
}

/** Bins probabilities (n, in [0, 1]) with labels (n, 0/1) by bin = min(floor(p * 10), 9); returns bins, ECE, MCE. */
export function calibrationBins(scores: Float64Array, labels: Uint8Array): Calibration {
  checkBinaryInputs(scores, labels);
  checkProbabilities(scores);
  return calibrationOfProbabilities(scores, labels);
}

/** `calibrationBins` for inputs already validated (same length, labels 0/1, every score in [0, 1]): skips the checking passes. */
export function calibrationOfProbabilities(scores: Float64Array, labels: Uint8Array): Calibration {
  const nb = CALIBRATION_BIN_COUNT;
  const count = new Float64Array(nb);
  const sumPred = new Float64Array(nb);
  const sumPos = new Float64Array(nb);
  for (let i = 0; i < scores.length; i++) {
    const p = scores[i] as number;
    const b = Math.min(Math.floor(p * nb), nb - 1);
    count[b] = (count[b] as number) + 1;
    sumPred[b] = (sumPred[b] as number) + p;
    sumPos[b] = (sumPos[b] as number) + (labels[i] as number);
  }

  const n = scores.length;
  const bins: CalibrationBin[] = [];
  let ece = 0;
  let mce = 0;
  for (let b = 0; b < nb; b++) {
    const c = count[b] as number;
    const meanPred = c === 0 ? null : (sumPred[b] as number) / c;
    const fracPos = c === 0 ? null : (sumPos[b] as number) / c;
    if (meanPred !== null && fracPos !== null) {
      const gap = Math.abs(fracPos - meanPred);
      ece += (c / n) * gap;
      if (gap > mce) mce = gap;
    }
    bins.push({ bin: b, lo: b / nb, hi: (b + 1) / nb, count: c, mean_pred: meanPred, frac_pos: fracPos });
  }
  return { bins, ece: n === 0 ? null : ece, mce: n === 0 ? null : mce };
}

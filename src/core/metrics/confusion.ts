import type { Confusion } from './types.ts';
import { checkBinaryInputs, checkThreshold } from './validate.ts';

/** Confusion counts (rows) for scores (n) and labels (n, 0/1) at a threshold, by a direct O(n) pass. */
export function confusionMatrix(scores: Float64Array, labels: Uint8Array, threshold: number): Confusion {
  checkBinaryInputs(scores, labels);
  checkThreshold(threshold);
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const flagged = (scores[i] as number) >= threshold;
    if (labels[i] === 1) {
      if (flagged) tp++;
      else fn++;
    } else if (flagged) fp++;
    else tn++;
  }
  return { threshold, tp, fp, tn, fn };
}

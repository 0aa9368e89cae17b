import { checkBinaryInputs, checkProbabilities } from './validate.ts';

/** Brier score: mean of (p - y)^2 over probabilities (n, in [0, 1]) and labels (n, 0/1); null with no rows. */
export function brier(scores: Float64Array, labels: Uint8Array): number | null {
  checkBinaryInputs(scores, labels);
  checkProbabilities(scores);
  return brierOfProbabilities(scores, labels);
}

/** `brier` for inputs already validated (same length, labels 0/1, every score in [0, 1]): skips the two checking passes. */
export function brierOfProbabilities(scores: Float64Array, labels: Uint8Array): number | null {
  const n = scores.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = (scores[i] as number) - (labels[i] as number);
    sum += d * d;
  }
  return sum / n;
}

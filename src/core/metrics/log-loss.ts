import { checkBinaryInputs, checkProbabilities } from './validate.ts';

/**
 * Probabilities are clipped to [LOG_LOSS_EPS, 1 - LOG_LOSS_EPS] so that a confident mistake costs ~36.04 nats, not
 * Infinity: float64 machine epsilon, scikit-learn's `log_loss(eps="auto")` (its default since 1.2).
 */
export const LOG_LOSS_EPS = 2.220446049250313e-16;

/** Mean negative log-likelihood (nats) of labels (n, 0/1) under probabilities (n, in [0, 1]); null with no rows. */
export function logLoss(scores: Float64Array, labels: Uint8Array): number | null {
  checkBinaryInputs(scores, labels);
  checkProbabilities(scores);
  const n = scores.length;
  if (n === 0) return null;
  const lo = LOG_LOSS_EPS;
  const hi = 1 - LOG_LOSS_EPS;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const p = Math.min(Math.max(scores[i] as number, lo), hi);
    sum += labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return -sum / n;
}

import type { Preprocessing } from '../features/preprocessing.ts';
import { inputNames } from './input-names.ts';

/** One logistic-regression weight: raw (per model input), standardised (× the input's training std), with its readable name. */
export interface NamedCoefficient {
  readonly name: string;
  readonly column: string;
  readonly coef: number;
  /** coef × population std of the input on the training rows: the change in log-odds for a one-std move. */
  readonly standardised: number;
}

/**
 * Names and standardises logistic-regression coefficients. `xTrain` is the [n, d] row-major training design the model
 * was fitted on. Numeric inputs are already standardised (std 1, so standardised = coef); one-hot levels and missing
 * indicators get their 0/1 std sqrt(p(1 − p)). Sorted by |standardised|, largest first.
 */
export function lrCoefficients(pre: Preprocessing, coef: Float64Array, xTrain: Float32Array): NamedCoefficient[] {
  const names = inputNames(pre);
  const d = names.length;
  if (coef.length !== d) throw new Error(`expected ${d} coefficients for ${d} model inputs, got ${coef.length}`);
  const n = d === 0 ? 0 : xTrain.length / d;
  const sum = new Float64Array(d);
  const sq = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const x = xTrain[i * d + j];
      sum[j] += x;
      sq[j] += x * x;
    }
  }
  return names.map((input, j) => {
    const mean = n > 0 ? sum[j] / n : 0;
    const std = n > 0 ? Math.sqrt(Math.max(0, sq[j] / n - mean * mean)) : 0;
    return { name: input.name, column: input.column, coef: coef[j], standardised: coef[j] * std };
  }).sort((a, b) => Math.abs(b.standardised) - Math.abs(a.standardised));
}

import type { Preprocessing } from '../features/preprocessing.ts';
import { columnGroups } from './input-names.ts';
import { lrCoefficients, type NamedCoefficient } from './lr-coefficients.ts';
import { permutationImportance, type PermutationImportance } from './permutation-importance.ts';
import { scoringLatency, type ScoringLatency } from './scoring-latency.ts';

/** What a trained model relies on and what it costs to run: LR coefficients, permutation importance, scoring latency. */
export interface ModelReliance {
  /** Logistic regression only (binary): named, standardised coefficients, largest magnitude first. */
  readonly coefficients: readonly NamedCoefficient[] | null;
  readonly importance: PermutationImportance | null;
  readonly latency: ScoringLatency | null;
}

/** Inputs: the fitted preprocessing, train and validation designs, the model as a predict function, and its backend. */
export interface RelianceInput {
  readonly preprocessing: Preprocessing;
  readonly xTrain: Float32Array;
  readonly xValidation: Float32Array;
  readonly yValidation: Uint8Array;
  readonly classes: number;
  readonly coef: Float64Array | null;
  readonly predict: (x: Float32Array, m: number) => Promise<Float64Array>;
  /** Optional: `predict` of x with the columns `inputs` taken from row order[i] (see `ImportanceInput.predictPermuted`). */
  readonly predictPermuted?: (x: Float32Array, m: number, inputs: readonly number[], order: Int32Array) => Promise<Float64Array>;
  readonly seed: number;
  readonly backend: string;
  readonly now: () => number;
}

/** Measures everything in `ModelReliance` for one model; importance runs on the validation split, seeded. */
export async function modelReliance(input: RelianceInput): Promise<ModelReliance> {
  const d = input.preprocessing.outputNames.length;
  const coefficients = input.coef ? lrCoefficients(input.preprocessing, input.coef, input.xTrain) : null;
  const importance = d === 0 ? null : await permutationImportance({
    x: input.xValidation, d, y: input.yValidation, classes: input.classes, predict: input.predict, predictPermuted: input.predictPermuted,
    groups: columnGroups(input.preprocessing), seed: input.seed,
  });
  const latency = await scoringLatency(input.xValidation.length > 0 ? input.xValidation : input.xTrain, d, input.predict, input.backend, input.now);
  return { coefficients, importance, latency };
}

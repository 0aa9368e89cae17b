import type { BackendPreference } from './models/backend-name.ts';
import { DEFAULT_SPLIT, type SplitConfig } from './split/split.ts';

/** L2-regularised logistic regression, solved by full-batch L-BFGS. */
export interface LogisticHyperparameters {
  /** Inverse regularisation strength, as in scikit-learn. */
  readonly C: number;
  readonly maxIterations: number;
  readonly gradientTolerance: number;
}

/** Everything that decides a run besides the data and contract. One versioned type for worker input, CLI and bundle. */
export interface RunConfig {
  readonly version: 1;
  readonly model: 'logistic';
  readonly seed: number;
  readonly split: SplitConfig;
  readonly hyperparameters: LogisticHyperparameters;
  readonly backend: BackendPreference;
}

export const DEFAULT_LOGISTIC: LogisticHyperparameters = { C: 1, maxIterations: 500, gradientTolerance: 1e-5 };

/** A run config with defaults filled in; rejects seeds that are not non-negative 32-bit integers. */
export function createRunConfig(
  seed: number,
  backend: BackendPreference = 'auto',
  hyperparameters: LogisticHyperparameters = DEFAULT_LOGISTIC,
  split: SplitConfig = DEFAULT_SPLIT,
): RunConfig {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`Seed must be a whole number from 0 to 4294967295, got ${seed}.`);
  if (!(hyperparameters.C > 0)) throw new Error(`C must be positive, got ${hyperparameters.C}.`);
  return { version: 1, model: 'logistic', seed, split, hyperparameters, backend };
}

import type { Contract } from '../contract/contract.ts';
import type { RunConfig } from '../config.ts';
import type { Preprocessing } from '../features/preprocessing.ts';
import type { ActiveBackend } from '../models/backend-name.ts';
import type { LbfgsReason } from '../models/lbfgs.ts';
import type { ModelFiles } from '../models/layers-model.ts';
import type { Split } from '../split/split.ts';

/** One optimiser step as streamed to the UI (an L-BFGS iteration or an MLP epoch); losses are mean log loss. */
export interface TrainProgress {
  readonly iteration: number;
  readonly trainLoss: number;
  readonly validationLoss: number;
  readonly elapsedMs: number;
  /** Estimated time left, when the number of steps is known in advance (MLP epochs); null otherwise. */
  readonly etaMs: number | null;
}

/**
 * Rows, 0/1 labels and model scores of one evaluation split, aligned by index. For a multiclass run the labels and
 * scores are one-vs-rest for the positive class, and the class of each row and all K probabilities sit beside them.
 */
export interface ScoredSplit {
  readonly rows: Int32Array;
  readonly labels: Uint8Array;
  readonly scores: Float64Array;
  /** Multiclass only: the class index of each row (into `TrainOutcome.classes`). */
  readonly classIndex?: Uint8Array;
  /** Multiclass only: row-major [n, K] softmax probabilities. */
  readonly probabilities?: Float64Array;
}

/** What L-BFGS reported at the end of a logistic-regression fit. */
export interface OptimizerReport {
  /** `gradient` is the only converged outcome; see `LbfgsReason`. */
  readonly reason: LbfgsReason;
  /** max|gradient| of the objective (mean weighted log loss + ‖W‖²/(2Cn)) at the returned weights. */
  readonly gradientMax: number;
  readonly tolerance: number;
  readonly objective: number;
  /** Objective evaluations, line-search trials included. */
  readonly evaluations: number;
}

/** Everything a finished (or cancelled) run hands back: enough to evaluate, export and replay it. */
export interface TrainOutcome {
  readonly status: 'completed' | 'cancelled';
  readonly snapshotId: string;
  readonly contract: Contract;
  readonly config: RunConfig;
  /** Multiclass only: the class values, in the order of the model's outputs. */
  readonly classes?: readonly string[];
  readonly backend: ActiveBackend;
  /** L-BFGS iterations (logistic), epochs run (MLP) or 0 (prior). */
  readonly iterations: number;
  /** L-BFGS reached its gradient tolerance; for an MLP, early stopping ended the run before the epoch limit. */
  readonly converged: boolean;
  /** Logistic regression: how L-BFGS ended (absent on runs stored before it was recorded, null for other models). */
  readonly optimizer?: OptimizerReport | null;
  /** The MLP epoch whose weights were kept (early stopping), or null. */
  readonly bestEpoch: number | null;
  readonly durationMs: number;
  readonly split: Split;
  readonly preprocessing: Preprocessing;
  /** Logistic-regression coefficients per model input, and the intercept; null for other models. */
  readonly coef: Float64Array | null;
  readonly intercept: number | null;
  readonly train: ScoredSplit;
  readonly validation: ScoredSplit;
  readonly test: ScoredSplit;
  readonly modelFiles: ModelFiles;
  readonly history: readonly TrainProgress[];
}

import type { Contract } from '../contract/contract.ts';
import type { RunConfig } from '../config.ts';
import type { Preprocessing } from '../features/preprocessing.ts';
import type { ActiveBackend } from '../models/backend-name.ts';
import type { ModelFiles } from '../models/layers-model.ts';
import type { Split } from '../split/split.ts';

/** One optimiser iteration as streamed to the UI: losses are mean log loss. */
export interface TrainProgress {
  readonly iteration: number;
  readonly trainLoss: number;
  readonly validationLoss: number;
  readonly elapsedMs: number;
}

/** Rows, 0/1 labels and model scores of one evaluation split, aligned by index. */
export interface ScoredSplit {
  readonly rows: Int32Array;
  readonly labels: Uint8Array;
  readonly scores: Float64Array;
}

/** Everything a finished (or cancelled) run hands back: enough to evaluate, export and replay it. */
export interface TrainOutcome {
  readonly status: 'completed' | 'cancelled';
  readonly snapshotId: string;
  readonly contract: Contract;
  readonly config: RunConfig;
  readonly backend: ActiveBackend;
  readonly iterations: number;
  readonly converged: boolean;
  readonly durationMs: number;
  readonly split: Split;
  readonly preprocessing: Preprocessing;
  readonly coef: Float64Array;
  readonly intercept: number;
  readonly validation: ScoredSplit;
  readonly test: ScoredSplit;
  readonly modelFiles: ModelFiles;
  readonly history: readonly TrainProgress[];
}

import type { BackendPreference } from './models/backend-name.ts';
import type { ClassWeight } from './models/class-weights.ts';
import { DEFAULT_LOGISTIC, type LogisticHyperparameters } from './models/logistic-hyperparameters.ts';
import { DEFAULT_MLP, validateMlp, type MlpHyperparameters } from './models/mlp-hyperparameters.ts';
import { DEFAULT_SPLIT, type SplitConfig } from './split/split.ts';

// The model folder owns its own settings; they are re-exported here because a run config is made of them.
export { DEFAULT_LOGISTIC, type ClassWeight, type LogisticHyperparameters };


/** Which model a run trains. `prior` predicts the training base rate for every row: the floor any model must beat. */
export type ModelKind = 'prior' | 'logistic' | 'mlp';

/**
 * `binary` learns the positive class against all others (one sigmoid); `multiclass` learns every class at once
 * (softmax), and the positive-class views then read the positive class's probability one-vs-rest.
 */
export type Task = 'binary' | 'multiclass';

interface RunBase {
  readonly version: 1;
  readonly task: Task;
  readonly seed: number;
  readonly split: SplitConfig;
  readonly backend: BackendPreference;
  readonly classWeight: ClassWeight;
}

/** Everything that decides a run besides the data and contract. One versioned type for worker input, CLI and bundle. */
export type RunConfig = RunBase & (
  | { readonly model: 'prior'; readonly hyperparameters: Readonly<Record<string, never>> }
  | { readonly model: 'logistic'; readonly hyperparameters: LogisticHyperparameters }
  | { readonly model: 'mlp'; readonly hyperparameters: MlpHyperparameters }
);

export interface RunOptions {
  readonly seed: number;
  readonly backend?: BackendPreference;
  readonly split?: SplitConfig;
  readonly model?: ModelKind;
  /** Overrides merged over the model's defaults. */
  readonly hyperparameters?: Partial<LogisticHyperparameters> | Partial<MlpHyperparameters>;
  readonly classWeight?: ClassWeight;
  readonly task?: Task;
}

/** A run config with defaults filled in and checked; throws a plain message naming the bad value. */
export function createRunConfig(options: RunOptions): RunConfig {
  const { seed } = options;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`Seed must be a whole number from 0 to 4294967295, got ${seed}.`);
  const task = options.task ?? 'binary';
  if (task !== 'binary' && task !== 'multiclass') throw new Error(`Task must be binary or multiclass, got ${String(task)}.`);
  const base: RunBase = { version: 1, task, seed, split: options.split ?? DEFAULT_SPLIT, backend: options.backend ?? 'auto', classWeight: options.classWeight ?? 'none' };
  const model = options.model ?? 'logistic';
  if (model === 'prior') return { ...base, model, hyperparameters: {} };
  if (model === 'mlp') return { ...base, model, hyperparameters: validateMlp({ ...DEFAULT_MLP, ...(options.hyperparameters as Partial<MlpHyperparameters>) }) };
  const hyperparameters = { ...DEFAULT_LOGISTIC, ...(options.hyperparameters as Partial<LogisticHyperparameters>) };
  if (!(hyperparameters.C > 0)) throw new Error(`C must be positive, got ${hyperparameters.C}.`);
  return { ...base, model, hyperparameters };
}

/** Runs stored before multiclass existed carry no task; they were binary. */
export function isMulticlass(config: RunConfig): boolean {
  return config.task === 'multiclass';
}

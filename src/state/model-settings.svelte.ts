import { DEFAULT_LOGISTIC, DEFAULT_MLP, type ClassWeight, type LogisticHyperparameters, type MlpHyperparameters, type ModelKind, type RunConfig, type Task } from '../core/index.ts';

type Editable<T> = { -readonly [K in keyof T]: T[K] };

/** The model the next run trains and its hyperparameters, as edited in the Train step. */
export class ModelSettings {
  model = $state<ModelKind>('logistic');
  classWeight = $state<ClassWeight>('none');
  /** Applies only when the label has more than two classes; a two-class label always trains binary. */
  task = $state<Task>('multiclass');
  logistic = $state<Editable<LogisticHyperparameters>>({ ...DEFAULT_LOGISTIC });
  mlp = $state<Editable<MlpHyperparameters>>({ ...DEFAULT_MLP, hidden: [...DEFAULT_MLP.hidden] });

  /** Puts a run's settings back into the form (a run interrupted by a reload), leaving the other model's as they are. */
  apply(config: RunConfig): void {
    this.model = config.model;
    this.classWeight = config.classWeight;
    this.task = config.task ?? 'binary';
    if (config.model === 'mlp') this.mlp = { ...config.hyperparameters, hidden: [...config.hyperparameters.hidden] };
    if (config.model === 'logistic') this.logistic = { ...config.hyperparameters };
  }

  /** The hyperparameters of the chosen model, as plain data for `createRunConfig`. */
  hyperparameters(): Partial<LogisticHyperparameters> | Partial<MlpHyperparameters> {
    if (this.model === 'mlp') return { ...$state.snapshot(this.mlp), hidden: [...this.mlp.hidden] };
    if (this.model === 'logistic') return { ...$state.snapshot(this.logistic) };
    return {};
  }
}

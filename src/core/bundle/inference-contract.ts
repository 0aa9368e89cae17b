import { columnsWithRole, withheldColumns, type DataContract } from '../contract/data-contract.ts';
import { labelClasses } from '../contract/label-classes.ts';
import { DEFAULT_MISSING_TOKENS } from '../data/csv-ingest.ts';
import { cellText, hasValues, type Column } from '../data/column.ts';
import { columnByName, type Snapshot } from '../data/snapshot.ts';
import { categoryKey } from '../features/category-key.ts';
import type { FeatureStep } from '../features/preprocessing.ts';
import { calibrationBins } from '../metrics/calibration.ts';
import type { TrainOutcome } from '../train/train-outcome.ts';

/** Most training categories listed per column; past this the column is treated as open (no unseen-category check). */
export const MAX_CONTRACT_CATEGORIES = 1000;

/** One input column a scorer must send, with what the model saw in training. */
export type InferenceColumn =
  | {
    readonly name: string;
    readonly type: 'numeric' | 'datetime';
    /** Datetimes only: how the training file wrote them; the model sees epoch milliseconds (UTC). */
    readonly datetime_format?: 'iso' | 'epoch-seconds' | 'epoch-milliseconds';
    /** Smallest and largest training value (epoch ms for datetimes); null when training held no value. */
    readonly training_range: { readonly min: number; readonly max: number } | null;
    readonly missing_in_training: boolean;
    readonly on_missing: string;
  }
  | {
    readonly name: string;
    readonly type: 'categorical' | 'boolean';
    /** Every training value by its matching key (see `categoryKey`), or null when there were too many to list. */
    readonly categories: readonly string[] | null;
    /** The values that got their own one-hot slot; every other value shares the "other" slot. */
    readonly encoded_categories: readonly string[];
    readonly missing_in_training: boolean;
    readonly on_unseen: string;
    readonly on_missing: string;
  };

/** One reliability bin of the validation split: [lo, hi), its rows and the observed positive rate (null when empty). */
export interface ContractCalibrationBin {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
  readonly observed_rate: number | null;
}

/** `inference-contract.json`: what a scorer must send and how the bundle's model treats it. Holds no PII values. */
export interface InferenceContract {
  readonly format: 1;
  readonly model_version: string;
  readonly task: 'binary' | 'multiclass';
  readonly label: string;
  readonly positive_class: string;
  /** Label values in model output order for multiclass; [other, positive] for binary. */
  readonly classes: readonly string[];
  /** Predict positive when the positive-class probability is >= threshold. */
  readonly threshold: number;
  readonly missing_tokens: readonly string[];
  readonly entity_key: string | null;
  /** Names only: columns never echoed by a scorer and never carried as values. */
  readonly pii_columns: readonly string[];
  readonly columns: readonly InferenceColumn[];
  /** Positive-class calibration on the validation split (10 equal-width bins), for each score's confidence band. */
  readonly calibration: readonly ContractCalibrationBin[];
}

function numericColumn(step: FeatureStep & { kind: 'numeric' }, column: Column, train: Int32Array): InferenceColumn {
  if (!hasValues(column)) throw new Error(`Column "${step.column}" was numeric in training but is not in this snapshot.`);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < train.length; i++) {
    const r = train[i];
    const v = column.values[r];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const imputed = `imputed with the training median ${step.median}${step.missingIndicator ? ' and marked in the missing indicator' : ''}`;
  return {
    name: step.column, type: column.type, ...(column.type === 'datetime' ? { datetime_format: column.format } : {}),
    training_range: min <= max ? { min, max } : null, missing_in_training: step.missingIndicator, on_missing: imputed,
  };
}

function categoricalColumn(step: FeatureStep & { kind: 'categorical' }, column: Column, train: Int32Array, pii: boolean): InferenceColumn {
  const keys = new Set<string>();
  let missing = false;
  for (let i = 0; i < train.length; i++) {
    const r = train[i];
    const text = cellText(column, r);
    if (text === null) missing = true;
    else keys.add(categoryKey(text));
  }
  const listed = !pii && keys.size <= MAX_CONTRACT_CATEGORIES;
  return {
    name: step.column, type: column.type === 'boolean' ? 'boolean' : 'categorical',
    categories: listed ? [...keys].sort() : null, encoded_categories: pii ? [] : step.categories,
    missing_in_training: missing,
    on_unseen: 'encoded in the shared "other" slot, as rare training values are',
    on_missing: 'encoded as all zeros (no category slot set)',
  };
}

/**
 * Builds `inference-contract.json` from a finished run: every model input column with its type, its training range or
 * categories, what happens to missing and unseen values, plus the label, classes, threshold and validation calibration.
 */
export function inferenceContract(snapshot: Snapshot, outcome: TrainOutcome, threshold: number, modelVersion: string, data?: DataContract): InferenceContract {
  const pii = new Set(data ? columnsWithRole(data, 'pii') : []);
  const withheld = new Set(data ? withheldColumns(data) : []);
  const train = outcome.split.train;
  const columns = outcome.preprocessing.steps.map((step) => {
    const column = columnByName(snapshot, step.column);
    return step.kind === 'numeric' ? numericColumn(step, column, train) : categoricalColumn(step, column, train, withheld.has(step.column));
  });
  const { label, positiveClass } = outcome.contract;
  const labelColumn = snapshot.columns.find((c) => c.name === label);
  const others = labelColumn ? labelClasses(labelColumn).map((c) => c.value).filter((v) => v !== positiveClass) : [];
  const classes = outcome.classes ?? [others.length === 1 ? others[0] : `not ${positiveClass}`, positiveClass];
  // A run whose scores are not all probabilities (a diverged, cancelled MLP) still exports, without confidence bins.
  const usable = outcome.validation.scores.length > 0 && outcome.validation.scores.every((p) => p >= 0 && p <= 1);
  const bins = usable ? calibrationBins(outcome.validation.scores, outcome.validation.labels).bins : [];
  const keys = data ? columnsWithRole(data, 'entity_key') : [];
  return {
    format: 1, model_version: modelVersion, task: outcome.classes ? 'multiclass' : 'binary', label, positive_class: positiveClass,
    classes, threshold, missing_tokens: data?.missingTokens ?? DEFAULT_MISSING_TOKENS,
    entity_key: keys.length && !pii.has(keys[0]) ? keys[0] : null, pii_columns: [...pii].sort(), columns,
    calibration: bins.map((b) => ({ lo: b.lo, hi: b.hi, count: b.count, observed_rate: b.frac_pos })),
  };
}

/** Median-impute then standardise one numeric column; `scale` is the ddof=0 std, or 1 for a constant column. */
export interface NumericStep {
  readonly kind: 'numeric';
  readonly column: string;
  readonly median: number;
  readonly mean: number;
  readonly scale: number;
  /** Present only when the training rows had missing values in this column. */
  readonly missingIndicator: boolean;
}

/**
 * One-hot over the training vocabulary (the most frequent values, matched by `categoryKey`), with one trailing
 * "other" slot for unseen or rarer values; missing is all zeros. With `salt`, the column keeps its values out of the
 * bundle: `categories` holds `hashCategory(salt, key)` digests instead of the values, and transform hashes alike.
 */
export interface CategoricalStep {
  readonly kind: 'categorical';
  readonly column: string;
  readonly categories: readonly string[];
  readonly salt?: string;
}

export type FeatureStep = NumericStep | CategoricalStep;

/** A fitted, serialisable preprocessing pipeline: the exact contents of `preprocessing.json`. */
export interface Preprocessing {
  readonly format: 1;
  readonly steps: readonly FeatureStep[];
  /** Name of every output column, in matrix order. */
  readonly outputNames: readonly string[];
}

/** Output column names that one step produces, in order. */
export function stepOutputNames(step: FeatureStep): string[] {
  if (step.kind === 'numeric') return step.missingIndicator ? [step.column, `${step.column}__missing`] : [step.column];
  return [...step.categories.map((c) => `${step.column}=${c}`), `${step.column}=__other__`];
}

import { hasValues, type Column } from '../../data/column.ts';
import { aucOverRows } from './auc-over-rows.ts';
import { medianImputed } from './median-imputed.ts';
import { outOfFoldTargetMean } from './out-of-fold-target-mean.ts';
import { withinFoldAuc } from './within-fold-auc.ts';

/** How well one column alone separates the classes: an AUC in [0.5, 1] (roughly) and how the score was made. */
export interface FeaturePower {
  readonly auc: number;
  /** `values`: the column's own values (median-imputed), direction-free; `target-mean`: out-of-fold encoding. */
  readonly method: 'values' | 'target-mean';
}

/**
 * AUC of one column alone over `rows` (training rows) against y (0/1 per snapshot row). Numeric/datetime columns
 * score by their values and report max(AUC, 1 − AUC); categorical/boolean columns score by an out-of-fold target-mean
 * encoding (`folds[i]` in [0, k) for rows[i]), its AUC pooled over pairs within a fold. Null when a class is absent or every value is missing.
 */
export function singleFeatureAuc(column: Column, y: Uint8Array, rows: Int32Array, folds: Uint8Array, k: number): FeaturePower | null {
  if (hasValues(column)) {
    const scores = medianImputed(column.values, rows);
    const auc = scores && aucOverRows(scores, y, rows);
    return auc === null ? null : { auc: Math.max(auc, 1 - auc), method: 'values' };
  }
  const encoded = outOfFoldTargetMean(column.codes, column.categories.length, y, rows, folds, k);
  // Rows of different folds are scored by different encoders, and a row's own label is missing from the other folds'
  // counts, which ranks rare contrary rows (a flipped label) above their category: pairs are compared within a fold.
  // The encoding already points at the positive class, so an AUC below 0.5 is noise, not a reversed signal.
  const auc = withinFoldAuc(encoded, y, rows, folds, k);
  return auc === null ? null : { auc, method: 'target-mean' };
}

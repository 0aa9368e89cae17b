import { createRandom, shuffleInPlace } from '../../random.ts';
import { rocAuc, rocAucFromSweep } from '../../metrics/roc-auc.ts';
import { thresholdSweep, type Sweep } from '../../metrics/sweep.ts';
import { hasValues, type Column } from '../../data/column.ts';
import { selectFloat64 } from '../../data/select-float64.ts';

// How well one column alone separates the classes: folds, median imputation, out-of-fold target means and AUCs.

/** Seeded fold index in [0, k) for each of n positions; fold sizes differ by at most one. */
export function assignFolds(n: number, k: number, seed: number): Uint8Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  shuffleInPlace(order, createRandom(seed));
  const folds = new Uint8Array(n);
  for (let j = 0; j < n; j++) folds[order[j]] = j % k;
  return folds;
}

/** ROC AUC in [0, 1] of `scores` (one per entry of `rows`) against y[rows] (0/1); null when a class is absent. */
export function aucOverRows(scores: Float64Array, y: Uint8Array, rows: Int32Array): number | null {
  const labels = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) labels[i] = y[rows[i]];
  return rocAuc(scores, labels);
}

/**
 * values[rows] (one per entry of `rows`) with NaN replaced by the median of the non-missing ones among those rows;
 * null when every one is missing. The median comes from the same rows, so imputation never sees other splits.
 */
export function medianImputed(values: Float64Array, rows: Int32Array): Float64Array | null {
  const out = new Float64Array(rows.length);
  const all = new Float64Array(rows.length);
  let filled = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = (out[i] = values[rows[i]]);
    if (!Number.isNaN(v)) all[filled++] = v;
  }
  const present = all.subarray(0, filled);
  if (present.length === 0) return null;
  const mid = present.length >> 1;
  // Selection, not a sort: after it, every value before `mid` is ≤ present[mid], so the lower middle is their maximum.
  const upper = selectFloat64(present, mid);
  let lower = -Infinity;
  if (present.length % 2 === 0) for (let i = 0; i < mid; i++) if (present[i] > lower) lower = present[i];
  const median = present.length % 2 === 1 ? upper : (lower + upper) / 2;
  for (let i = 0; i < out.length; i++) if (Number.isNaN(out[i])) out[i] = median;
  return out;
}

/**
 * ROC AUC in [0, 1] counting only pairs of rows in the same fold: Σ_f AUC_f·pos_f·neg_f / Σ_f pos_f·neg_f, with
 * scores[i] and folds[i] (in [0, k)) for rows[i] and y 0/1 per snapshot row. Null when no fold has both classes.
 */
export function withinFoldAuc(scores: Float64Array, y: Uint8Array, rows: Int32Array, folds: Uint8Array, k: number): number | null {
  let weighted = 0;
  let pairs = 0;
  for (let f = 0; f < k; f++) {
    const members: number[] = [];
    for (let i = 0; i < rows.length; i++) if (folds[i] === f) members.push(i);
    const foldScores = Float64Array.from(members, (i) => scores[i]);
    const labels = Uint8Array.from(members, (i) => y[rows[i]]);
    const auc = rocAuc(foldScores, labels);
    if (auc === null) continue;
    let positives = 0;
    for (let j = 0; j < labels.length; j++) {
      const label = labels[j];
      positives += label;
    }
    const foldPairs = positives * (labels.length - positives);
    weighted += auc * foldPairs;
    pairs += foldPairs;
  }
  return pairs === 0 ? null : weighted / pairs;
}

/** Pseudo-counts that pull a category's label rate toward the global rate; rare categories stay near the prior. */
export const TARGET_MEAN_SMOOTHING = 10;

/**
 * Out-of-fold target-mean encoding of codes[rows] (one per entry of `rows`; code -1 = missing, its own category):
 * each row gets its category's smoothed positive rate computed from the other folds only,
 * (positives + m·prior) / (count + m), where prior is the positive rate of all `rows`. `folds[i]` is the fold
 * of rows[i] in [0, k). A category seen only in the row's own fold gets the prior, so memorising earns nothing.
 */
export function outOfFoldTargetMean(
  codes: Int32Array,
  categoryCount: number,
  y: Uint8Array,
  rows: Int32Array,
  folds: Uint8Array,
  k: number,
  m = TARGET_MEAN_SMOOTHING,
): Float64Array {
  const width = categoryCount + 1; // slot 0 holds missing cells
  const count = new Float64Array(k * width);
  const positive = new Float64Array(k * width);
  const totalCount = new Float64Array(width);
  const totalPositive = new Float64Array(width);
  let allPositive = 0;
  for (let i = 0; i < rows.length; i++) {
    const slot = codes[rows[i]] + 1;
    const label = y[rows[i]];
    count[folds[i] * width + slot]++;
    positive[folds[i] * width + slot] += label;
    totalCount[slot]++;
    totalPositive[slot] += label;
    allPositive += label;
  }
  // One constant prior for every fold: a per-fold prior would rank folds against each other by their own labels.
  const prior = rows.length === 0 ? 0 : allPositive / rows.length;
  const encoded = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const slot = codes[rows[i]] + 1;
    const at = folds[i] * width + slot;
    const n = totalCount[slot] - count[at];
    const p = totalPositive[slot] - positive[at];
    encoded[i] = (p + m * prior) / (n + m);
  }
  return encoded;
}

/**
 * Best balanced accuracy in [0.5, 1] of one cut on `scores` (one per entry of `rows`) against y[rows] (0/1), either
 * direction, cutting only between distinct scores. A label copy with a few flipped rows reaches 1 − flip rate; an honest
 * strong feature leaves an overlap region, so its best cut stays lower even when its AUC is high. 0.5 with one class.
 */
export function bestBalancedAccuracy(scores: Float64Array, y: Uint8Array, rows: Int32Array): number {
  return balancedAccuracyFromSweep(thresholdSweep(scores, labelsOf(y, rows)));
}

function labelsOf(y: Uint8Array, rows: Int32Array): Uint8Array {
  const labels = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) labels[i] = y[rows[i]];
  return labels;
}

// Every cut of the sweep (scores ≥ threshold called positive), read both ways round.
function balancedAccuracyFromSweep(sweep: Sweep): number {
  const { tp, fp, nPos, nNeg } = sweep;
  if (nPos === 0 || nNeg === 0) return 0.5;
  let best = 0.5;
  for (let i = 0; i < tp.length; i++) {
    const ba = (tp[i] / nPos + (nNeg - fp[i]) / nNeg) / 2;
    best = Math.max(best, ba, 1 - ba);
  }
  return best;
}

/**
 * A rough lower bound (AUC − 2·SE, Hanley & McNeil 1982) of an AUC measured on `positives` and `negatives` rows:
 * the same AUC is strong evidence on 500 rows and weak on 12.
 */
export function aucLowerBound(auc: number, positives: number, negatives: number): number {
  if (positives === 0 || negatives === 0) return 0;
  const q1 = auc / (2 - auc);
  const q2 = (2 * auc * auc) / (1 + auc);
  const variance = (auc * (1 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc)) / (positives * negatives);
  // A perfect AUC has zero estimated variance however few the rows; callers also require MIN_CLASS_ROWS of a class.
  const se = Math.sqrt(Math.max(variance, 0));
  return auc - 2 * se;
}

/** How well one column alone separates the classes: an AUC in [0.5, 1] (roughly) and how the score was made. */
export interface FeaturePower {
  readonly auc: number;
  /** Best balanced accuracy of one cut on the same scores (see `bestBalancedAccuracy`). */
  readonly balancedAccuracy: number;
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
    if (!scores) return null;
    // One sorted sweep gives both the AUC and every cut's balanced accuracy.
    const sweep = thresholdSweep(scores, labelsOf(y, rows));
    const auc = rocAucFromSweep(sweep);
    return auc === null ? null : { auc: Math.max(auc, 1 - auc), balancedAccuracy: balancedAccuracyFromSweep(sweep), method: 'values' };
  }
  const encoded = outOfFoldTargetMean(column.codes, column.categories.length, y, rows, folds, k);
  // Rows of different folds are scored by different encoders, and a row's own label is missing from the other folds'
  // counts, which ranks rare contrary rows (a flipped label) above their category: pairs are compared within a fold.
  // The encoding already points at the positive class, so an AUC below 0.5 is noise, not a reversed signal.
  const auc = withinFoldAuc(encoded, y, rows, folds, k);
  return auc === null ? null : { auc, balancedAccuracy: bestBalancedAccuracy(encoded, y, rows), method: 'target-mean' };
}

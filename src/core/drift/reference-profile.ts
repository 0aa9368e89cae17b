import { columnsWithRole, withheldColumns, type DataContract } from '../contract/data-contract.ts';
import { cellText, hasValues, type Column } from '../data/column.ts';
import { columnByName, type Snapshot } from '../data/snapshot.ts';
import { sortFloat64 } from '../data/sort-float64.ts';
import { categoryKey } from '../features/category-key.ts';
import { percentile } from '../metrics/percentile.ts';
import type { TrainOutcome } from '../train/train-outcome.ts';
import { binCounts, binOf, psiEdges } from './psi.ts';

/** Most categories counted one by one per column; the rest are pooled in `other_count`. */
export const MAX_PROFILE_CATEGORIES = 1000;
/** Scores within this distance of the threshold count as "near" for confidence drift. */
export const NEAR_THRESHOLD = 0.1;

/**
 * A distribution summary: PSI edges with the reference's counts per bin, the 101 percentiles p0..p100, and `cdf[k]`, the
 * exact share of the reference at or below percentiles[k] (so KS on this grid compares exact ECDF values).
 */
export interface Distribution {
  readonly n: number;
  readonly edges: readonly number[];
  readonly counts: readonly number[];
  readonly percentiles: readonly number[];
  readonly cdf: readonly number[];
}

/** Reference of one numeric or datetime feature (datetimes in epoch ms) on the training rows. */
export interface NumericReference extends Distribution {
  readonly name: string;
  readonly kind: 'numeric';
  readonly missing_rate: number;
}

/** Reference of one categorical or boolean feature: counts by matching key (see `categoryKey`). */
export interface CategoricalReference {
  readonly name: string;
  readonly kind: 'categorical';
  readonly n: number;
  readonly missing_rate: number;
  readonly counts: Readonly<Record<string, number>>;
  /** Rows whose value was pooled because the column had more than MAX_PROFILE_CATEGORIES values (or is PII). */
  readonly other_count: number;
}

/** The positive-class score on one split, with how close it sat to the threshold. */
export interface ScoreReference extends Distribution {
  readonly mean_distance: number;
  readonly near_threshold_share: number;
}

/** `reference-profile.json`: the training snapshot as drift sees it. Summaries only: no rows, no PII values. */
export interface ReferenceProfile {
  readonly format: 1;
  readonly source: 'train split';
  readonly threshold: number;
  readonly columns: readonly (NumericReference | CategoricalReference)[];
  readonly scores: { readonly validation: ScoreReference | null; readonly test: ScoreReference | null };
}

/** Distribution summary of NaN-free values (sorted in place). */
export function distribution(values: Float64Array): Distribution {
  const sorted = sortFloat64(values);
  if (sorted.length === 0) return { n: 0, edges: [], counts: [], percentiles: [], cdf: [] };
  const edges = psiEdges(sorted);
  const percentiles = Array.from({ length: 101 }, (_, k) => percentile(sorted, k / 100));
  return {
    n: sorted.length, edges, counts: Array.from(binCounts(edges, sorted)), percentiles,
    cdf: percentiles.map((q) => binOf(sorted, q) / sorted.length),
  };
}

function numericReference(column: Column, rows: Int32Array): NumericReference {
  if (!hasValues(column)) throw new Error(`Column "${column.name}" is not numeric.`);
  const present = new Float64Array(rows.length);
  let k = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!Number.isNaN(column.values[r])) present[k++] = column.values[r];
  }
  return { name: column.name, kind: 'numeric', missing_rate: rows.length ? (rows.length - k) / rows.length : 0, ...distribution(present.slice(0, k)) };
}

function categoricalReference(column: Column, rows: Int32Array, pii: boolean): CategoricalReference {
  const counts = new Map<string, number>();
  let missing = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const text = cellText(column, r);
    if (text === null) missing++;
    else counts.set(categoryKey(text), (counts.get(categoryKey(text)) ?? 0) + 1);
  }
  const ranked = pii ? [] : [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = ranked.slice(0, MAX_PROFILE_CATEGORIES);
  const keptTotal = kept.reduce((s, [, c]) => s + c, 0);
  return {
    name: column.name, kind: 'categorical', n: rows.length, missing_rate: rows.length ? missing / rows.length : 0,
    counts: Object.fromEntries(kept), other_count: rows.length - missing - keptTotal,
  };
}

/** Score summary: distribution plus mean |p − t| and the share within NEAR_THRESHOLD of t. */
export function scoreReference(all: Float64Array, threshold: number): ScoreReference | null {
  const scores = all.filter((p) => !Number.isNaN(p));
  if (scores.length === 0) return null;
  let distance = 0;
  let near = 0;
  for (let i = 0; i < scores.length; i++) {
    const p = scores[i];
    distance += Math.abs(p - threshold);
    if (Math.abs(p - threshold) < NEAR_THRESHOLD) near++;
  }
  return { ...distribution(scores), mean_distance: distance / scores.length, near_threshold_share: near / scores.length };
}

/** Builds the reference profile from a run's training rows (features) and its validation and test scores. */
export function referenceProfile(snapshot: Snapshot, outcome: TrainOutcome, threshold: number, data?: DataContract): ReferenceProfile {
  const pii = new Set(data ? columnsWithRole(data, 'pii') : []);
  const withheld = new Set(data ? withheldColumns(data) : []);
  const rows = outcome.split.train;
  const columns = outcome.preprocessing.steps.map((step) => {
    const column = columnByName(snapshot, step.column);
    return step.kind === 'numeric' ? numericReference(column, rows) : categoricalReference(column, rows, withheld.has(step.column));
  });
  return {
    format: 1, source: 'train split', threshold, columns,
    scores: { validation: scoreReference(outcome.validation.scores, threshold), test: scoreReference(outcome.test.scores, threshold) },
  };
}

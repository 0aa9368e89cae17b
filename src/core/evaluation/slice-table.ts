import { columnByName, type Snapshot } from '../data/snapshot.ts';
import { confusionAt, thresholdSweep, type Sweep } from '../metrics/sweep.ts';
import { rates } from '../metrics/rates.ts';
import { rocAucFromSweep } from '../metrics/roc-auc.ts';
import type { BinaryCi } from '../metrics/bootstrap.ts';
import { sliceValues } from './slice-values.ts';

/** Which column (or pair of columns, crossed) to slice by, and how many quantile bins numeric columns get. */
export interface SliceSpec {
  readonly columns: readonly [string] | readonly [string, string];
  readonly bins?: number;
}

/** Metrics of one slice at the evaluation threshold; ratios are null when their denominator is 0. */
export interface SliceRow {
  /** e.g. "sex=female" or "sex=female & pclass=1". */
  readonly key: string;
  /** The slice value of each spec column, in spec order. */
  readonly values: readonly string[];
  readonly n: number;
  readonly n_pos: number;
  readonly positive_rate: number | null;
  readonly roc_auc: number | null;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly fpr: number | null;
  readonly fnr: number | null;
  /** Intervals, only for slices of at least `min_rows` rows and when an interval function was given. */
  readonly ci: BinaryCi | null;
  /** Fewer than `min_rows` rows: its metrics are too noisy to compare, so no interval and no weak flags. */
  readonly too_small: boolean;
  /** Metrics whose interval lies wholly on the bad side of the overall value. */
  readonly weak: readonly string[];
}

/** Per-slice metrics for one spec. */
export interface SliceTable {
  readonly spec: SliceSpec;
  readonly min_rows: number;
  readonly rows: readonly SliceRow[];
}

/** Overall metrics the slices are compared against. */
export interface OverallMetrics {
  readonly roc_auc: number | null;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly fpr: number | null;
  readonly fnr: number | null;
}

/** Computes intervals for one slice's scores and labels at the threshold (e.g. a bootstrap); `sweep` is their exact sweep. */
export type IntervalFn = (scores: Float64Array, labels: Uint8Array, threshold: number, sweep: Sweep) => BinaryCi;

/** Slices smaller than this are flagged `too_small`: an interval on fewer rows is mostly width. */
export const MIN_SLICE_ROWS = 30;

const HIGHER_IS_BETTER = ['roc_auc', 'precision', 'recall'] as const;
const LOWER_IS_BETTER = ['fpr', 'fnr'] as const;

/**
 * Metrics per slice of `spec`'s column(s). `rows[i]` is the snapshot row of `scores[i]`/`labels[i]`; positive means
 * score >= threshold. Two columns give their non-empty combinations. Rows are ordered by the first column's slice
 * order, then the second's (see `sliceValues`). Slices of at least MIN_SLICE_ROWS get `interval(...)` when given,
 * and `weak` lists the metrics whose interval excludes the overall value on the bad side.
 */
export function sliceTable(
  snapshot: Snapshot,
  rows: Int32Array,
  scores: Float64Array,
  labels: Uint8Array,
  threshold: number,
  spec: SliceSpec,
  overall: OverallMetrics,
  interval: IntervalFn | null,
): SliceTable {
  if (rows.length !== scores.length) throw new Error(`rows and scores must have the same length (got ${rows.length} and ${scores.length})`);
  const slices = spec.columns.map((name) => sliceValues(columnByName(snapshot, name), rows, spec.bins ?? 4));
  // One combined code per row (first * width + second) keeps the first column's order as the major sort key.
  const width = slices.length === 2 ? slices[1].labels.length : 1;
  const members: number[][] = Array.from({ length: slices[0].labels.length * width }, () => []);
  for (let i = 0; i < rows.length; i++) {
    members[slices[0].index[i] * width + (slices.length === 2 ? slices[1].index[i] : 0)].push(i);
  }
  const out: SliceRow[] = [];
  members.forEach((m, code) => {
    if (m.length === 0) return;
    const values = slices.length === 2 ? [slices[0].labels[Math.floor(code / width)], slices[1].labels[code % width]] : [slices[0].labels[code]];
    const key = values.map((v, c) => `${spec.columns[c]}=${v}`).join(' & ');
    out.push(sliceRow(key, values, m, scores, labels, threshold, overall, interval));
  });
  return { spec, min_rows: MIN_SLICE_ROWS, rows: out };
}

function sliceRow(
  key: string,
  values: string[],
  members: readonly number[],
  scores: Float64Array,
  labels: Uint8Array,
  threshold: number,
  overall: OverallMetrics,
  interval: IntervalFn | null,
): SliceRow {
  // Plain loops: Float64Array.from with a mapping callback is several times slower on slices of 100k rows.
  const s = new Float64Array(members.length);
  const y = new Uint8Array(members.length);
  for (let j = 0; j < members.length; j++) {
    s[j] = scores[members[j]];
    y[j] = labels[members[j]];
  }
  // One sort per slice serves the matrix, the AUC and the interval.
  const sweep = thresholdSweep(s, y);
  const c = confusionAt(sweep, threshold);
  const r = rates(c);
  const n = members.length;
  const nPos = c.tp + c.fn;
  const tooSmall = n < MIN_SLICE_ROWS;
  // Intervals are the expensive part (resampling); small slices skip them since they would not be shown as evidence.
  const ci = !tooSmall && interval ? interval(s, y, threshold, sweep) : null;
  const weak: string[] = [];
  if (ci) {
    for (const m of HIGHER_IS_BETTER) {
      const hi = ci[m].hi;
      const ref = overall[m];
      if (hi !== null && ref !== null && hi < ref) weak.push(m);
    }
    for (const m of LOWER_IS_BETTER) {
      const lo = ci[m].lo;
      const ref = overall[m];
      if (lo !== null && ref !== null && lo > ref) weak.push(m);
    }
  }
  return {
    key, values, n, n_pos: nPos, positive_rate: n === 0 ? null : nPos / n, roc_auc: rocAucFromSweep(sweep),
    precision: r.precision, recall: r.recall, fpr: r.fpr, fnr: r.fnr, ci, too_small: tooSmall, weak,
  };
}

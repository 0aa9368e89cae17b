import type { PairedMetric, SliceMetric } from '../contract/gate-spec.ts';

/** A value with its interval (lo, hi in metric units), or without one when none was computed. */
export interface Observed {
  readonly value: number | null;
  readonly lo?: number | null;
  readonly hi?: number | null;
  /** Why the value is null (e.g. "the test split has no positive rows"), when it is. */
  readonly note?: string;
}

/** A check result as the gates see it: open means neither fixed nor dismissed. */
export interface GateFinding {
  readonly id: string;
  readonly kind: 'validation' | 'leakage';
  readonly status: 'pass' | 'warn' | 'fail';
  readonly open: boolean;
  readonly column?: string;
  readonly message: string;
}

/** One slice of a column on the test split, with its metrics at the threshold (null where undefined). */
export interface GateSliceRow {
  readonly key: string;
  readonly n: number;
  readonly metrics: Readonly<Record<SliceMetric, number | null>>;
}

/**
 * Everything a gate verdict is judged from, gathered by the host (app or CLI) from a finished run. A field that is
 * null or absent was not measured, and any gate that needs it fails closed.
 */
export interface GateEvidence {
  /** Test split at the chosen threshold: n, positives and the confusion counts, for expected cost. */
  readonly test: { readonly n: number; readonly n_pos: number; readonly threshold: number; readonly tp: number; readonly fp: number; readonly tn: number; readonly fn: number } | null;
  /** Test metrics by JSON name (roc_auc, average_precision, precision, recall, f1, log_loss, ece), with intervals where bootstrapped. */
  readonly metrics: Readonly<Partial<Record<string, Observed>>>;
  /** Candidate − baseline on shared test rows (paired bootstrap), or null with the reason in `baselineNote`. */
  readonly baseline: { readonly name: string; readonly resamples: number; readonly delta: Readonly<Partial<Record<PairedMetric, Observed>>> } | null;
  readonly baselineNote?: string;
  /** Candidate − champion bundle on shared test rows (paired bootstrap); absent or null (reason in `championNote`) without one. */
  readonly champion?: { readonly name: string; readonly resamples: number; readonly delta: Readonly<Partial<Record<PairedMetric, Observed>>> } | null;
  readonly championNote?: string;
  /** Test slices by column name. */
  readonly slices: Readonly<Record<string, readonly GateSliceRow[]>>;
  /** Validation and leakage findings at training time; null when no check results were recorded. */
  readonly findings: readonly GateFinding[] | null;
  /** p95 ms to score 1,000 rows and the backend it was measured on; null when not measured. */
  readonly latency: { readonly p95MsPer1000: number; readonly backend: string; readonly repeats: number } | null;
  /** Bytes of model.json plus weights.bin. */
  readonly modelBytes: number | null;
}

import { binaryReport } from '../metrics/binary-report.ts';
import { bootstrapBinary, type BinaryCi } from '../metrics/bootstrap.ts';
import type { BinaryReport } from '../metrics/types.ts';
import { labelCoverage, type LabelCoverage } from './label-coverage.ts';

/** Metrics realised on labelled rows and compared with the bundle's promise (its test figures in metrics.json). */
export const FEEDBACK_METRICS = ['roc_auc', 'average_precision', 'precision', 'recall', 'f1', 'accuracy'] as const;
export type FeedbackMetric = (typeof FEEDBACK_METRICS)[number];

/** A per-slice floor from the bundle's gates.json (`kind: "slice"` gates). */
export interface SliceFloor {
  readonly id: string;
  readonly column: string;
  readonly metric: 'roc_auc' | 'precision' | 'recall';
  readonly min: number;
  readonly minRows: number;
}

/** What feedback needs: per scored row its positive-class score, its label (null: not arrived), its age and slice cells. */
export interface FeedbackInput {
  readonly scores: Float64Array;
  readonly labels: readonly (0 | 1 | null)[];
  /** Days since each row's event time (NaN when unknown), or null when the data has no event time. */
  readonly ageDays: readonly number[] | null;
  /** Cell text per slice column named by a floor (n each); a column absent from the new data is missing here. */
  readonly sliceCells: Readonly<Record<string, readonly string[]>>;
  readonly threshold: number;
  /** Test-split figures of metrics.json (top-level keys); absent metrics are null. */
  readonly promised: Readonly<Record<string, unknown>>;
  readonly floors: readonly SliceFloor[];
  readonly seed: number;
  /** Bootstrap resamples (default 1000; 0 for no intervals). */
  readonly resamples?: number;
}

/** One slice that fell below its floor on the labelled rows. */
export interface SliceBelowFloor {
  readonly gate: string;
  readonly column: string;
  readonly value: string;
  readonly metric: SliceFloor['metric'];
  readonly min: number;
  readonly realised: number;
  readonly labelled_rows: number;
}

/** The feedback report: coverage, realised against promised metrics, and the slices under their gate floors. */
export interface FeedbackReport {
  readonly threshold: number;
  readonly coverage: LabelCoverage;
  /** Confusion counts and metrics on the labelled rows at the bundle's threshold; null with no labelled row. */
  readonly realised: BinaryReport | null;
  /** 95% percentile bootstrap intervals of the realised metrics (null with no labelled rows or resamples 0). */
  readonly intervals: BinaryCi | null;
  readonly promised: Readonly<Record<FeedbackMetric, number | null>>;
  /** Realised minus promised per metric; null where either is undefined. */
  readonly change: Readonly<Record<FeedbackMetric, number | null>>;
  readonly slices_below_floor: readonly SliceBelowFloor[];
  /** Floors that could not be judged (column absent, or no slice with enough labelled rows), with why. */
  readonly floors_not_judged: readonly { readonly gate: string; readonly reason: string }[];
}

function labelledSubset(scores: Float64Array, labels: readonly (0 | 1 | null)[], keep: (r: number) => boolean): { s: Float64Array; y: Uint8Array } {
  const idx: number[] = [];
  labels.forEach((l, r) => {
    if (l !== null && keep(r)) idx.push(r);
  });
  return { s: Float64Array.from(idx, (r) => scores[r] as number), y: Uint8Array.from(idx, (r) => labels[r] as number) };
}

function floorsCheck(input: FeedbackInput): Pick<FeedbackReport, 'slices_below_floor' | 'floors_not_judged'> {
  const below: SliceBelowFloor[] = [];
  const notJudged: { gate: string; reason: string }[] = [];
  for (const floor of input.floors) {
    const cells = input.sliceCells[floor.column];
    if (!cells) {
      notJudged.push({ gate: floor.id, reason: `the new data has no column "${floor.column}"` });
      continue;
    }
    const values = [...new Set(cells)].sort();
    let judged = 0;
    for (const value of values) {
      const { s, y } = labelledSubset(input.scores, input.labels, (r) => cells[r] === value);
      if (s.length < floor.minRows) continue;
      const realised = binaryReport(s, y, input.threshold)[floor.metric];
      if (realised === null) continue;
      judged++;
      if (realised < floor.min) below.push({ gate: floor.id, column: floor.column, value, metric: floor.metric, min: floor.min, realised, labelled_rows: s.length });
    }
    if (judged === 0) notJudged.push({ gate: floor.id, reason: `no slice of "${floor.column}" has ${floor.minRows} labelled rows with ${floor.metric} defined` });
  }
  return { slices_below_floor: below, floors_not_judged: notJudged };
}

/** Realised metrics (with intervals) next to promised ones, label coverage, and slice floors, over labelled rows. */
export function feedbackReport(input: FeedbackInput): FeedbackReport {
  const coverage = labelCoverage(input.labels.map((l) => l !== null), input.ageDays);
  const { s, y } = labelledSubset(input.scores, input.labels, () => true);
  const realised = s.length ? binaryReport(s, y, input.threshold) : null;
  const resamples = input.resamples ?? 1000;
  const intervals = s.length && resamples > 0 ? bootstrapBinary(s, y, input.threshold, { seed: input.seed, resamples }).ci : null;
  const promised = {} as Record<FeedbackMetric, number | null>;
  const change = {} as Record<FeedbackMetric, number | null>;
  for (const m of FEEDBACK_METRICS) {
    const p = input.promised[m];
    promised[m] = typeof p === 'number' ? p : null;
    const r = realised ? realised[m] : null;
    change[m] = r !== null && promised[m] !== null ? r - (promised[m] as number) : null;
  }
  return { threshold: input.threshold, coverage, realised, intervals, promised, change, ...floorsCheck(input) };
}

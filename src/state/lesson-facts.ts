import {
  chooseThreshold, confusionAt,
  type Confusion, type OutcomeNames, type ScoredRows, type SliceTable, type Sweep, type ThresholdStrategy,
} from '../core/index.ts';
import type { StrategyKind } from './threshold-control.svelte.ts';
import type { Workspace } from './workspace.svelte.ts';

/** The slice whose recall (share of real positives found) is lowest, among slices large enough to judge. */
export interface WorstSlice {
  /** e.g. "sex=male" or "sex=male & pclass=3". */
  readonly key: string;
  readonly n: number;
  readonly nPos: number;
  readonly recall: number;
  /** Whether the report flagged it weak (an interval wholly below the overall value). */
  readonly weak: boolean;
}

/** What the lesson's minimum-cost step reads: the cost inputs and the threshold they would choose on validation. */
export interface CostFacts {
  readonly fp: number;
  readonly fn: number;
  /** The strategy the form shows now; the cost inputs are visible only with `min-cost`. */
  readonly kind: StrategyKind;
  /** Threshold the cost inputs would choose on the validation split; null when the inputs are not valid costs. */
  readonly pick: number | null;
  /** Mean cost per validation row at `pick`. */
  readonly perRow: number | null;
}

/** The live numbers the lesson's text reads, all from the Evaluate step on screen. */
export interface LessonFacts {
  readonly names: OutcomeNames;
  readonly split: 'test' | 'validation' | 'train';
  readonly threshold: number;
  readonly confusion: Confusion;
  /** Median score of the rows actually positive / actually negative; null when a group is empty. */
  readonly medians: { readonly positive: number | null; readonly negative: number | null };
  /** The matrix 0.2 below and above the current threshold (clamped to [0.05, 0.95]), to show the trade-off. */
  readonly around: { readonly lower: Confusion; readonly higher: Confusion };
  readonly costs: CostFacts;
  /** The stored choice of the run, when one was made (strategy in words, where, value). */
  readonly choice: { readonly threshold: number; readonly strategy: ThresholdStrategy } | null;
  readonly validationRows: number;
  /** Overall recall at the current threshold, on the evaluated split. */
  readonly recall: number | null;
  /** Null until a slice table is in the report. */
  readonly worst: WorstSlice | null;
  /** A column worth slicing by when none is sliced yet ("sex" on Titanic), or null. */
  readonly suggestedSlice: string | null;
}

/** Median of the scores (n) whose label (n, 0/1) equals `label`; null when there are none. */
export function medianScore(scores: Float64Array, labels: Uint8Array, label: 0 | 1): number | null {
  const picked = scores.filter((_, i) => labels[i] === label).sort();
  const n = picked.length;
  if (n === 0) return null;
  return n % 2 === 1 ? picked[(n - 1) / 2] : (picked[n / 2 - 1] + picked[n / 2]) / 2;
}

/** The lowest-recall slice over every table, skipping slices too small to judge or without positives; null when none. */
export function worstSlice(tables: readonly SliceTable[]): WorstSlice | null {
  let worst: WorstSlice | null = null;
  for (const table of tables) {
    for (const row of table.rows) {
      if (row.too_small || row.recall === null) continue;
      if (!worst || row.recall < worst.recall) worst = { key: row.key, n: row.n, nPos: row.n_pos, recall: row.recall, weak: row.weak.includes('recall') };
    }
  }
  return worst;
}

/** The column to offer for slicing: the first of `preferred` present in `columns`, else the first column; null when none. */
export function suggestSlice(columns: readonly string[], preferred: readonly string[] = ['sex', 'pclass']): string | null {
  return preferred.find((c) => columns.includes(c)) ?? columns[0] ?? null;
}

/** What the minimum-cost strategy would choose on the validation sweep with these costs; nulls when the costs are invalid. */
export function costPick(validation: Sweep, fp: number, fn: number): { pick: number | null; perRow: number | null } {
  try {
    const chosen = chooseThreshold(validation, { kind: 'min-cost', costFp: fp, costFn: fn }, 'validation');
    return { pick: chosen.threshold, perRow: chosen.objective };
  } catch {
    return { pick: null, perRow: null };
  }
}

/** The matrices at `threshold` ± 0.2, clamped to [0.05, 0.95]: a lower and a higher threshold to compare against. */
export function confusionAround(sweep: Sweep, threshold: number): { lower: Confusion; higher: Confusion } {
  const clamp = (t: number) => Math.min(0.95, Math.max(0.05, Math.round(t * 100) / 100));
  return { lower: confusionAt(sweep, clamp(threshold - 0.2)), higher: confusionAt(sweep, clamp(threshold + 0.2)) };
}

// The medians only change with the rows: one sort per split, not one per slider move (the facts follow the slider).
const medians = new WeakMap<ScoredRows, { positive: number | null; negative: number | null }>();
function mediansOf(rows: ScoredRows): { positive: number | null; negative: number | null } {
  let m = medians.get(rows);
  if (!m) {
    m = { positive: medianScore(rows.scores, rows.labels, 1), negative: medianScore(rows.scores, rows.labels, 0) };
    medians.set(rows, m);
  }
  return m;
}

/** Reads the lesson's numbers from the workspace's Evaluate step; null until a run's evaluation is on screen. */
export function readFacts(ws: Workspace, sliceColumns: readonly string[]): LessonFacts | null {
  const ev = ws.evaluation;
  const outcome = ws.outcomeForSnapshot;
  const subject = ev.subject;
  const sweep = ev.sweep;
  const confusion = ev.confusion;
  if (ev.source !== 'run' || !outcome || !subject || !sweep || !confusion) return null;
  const validation = ev.sorts.of(outcome.validation);
  const fp = Number(ev.control.costFp);
  const fn = Number(ev.control.costFn);
  const choice = ev.choice;
  return {
    names: ev.names ?? { positive: subject.positive, negative: `not ${subject.positive}` },
    split: ev.run.split,
    threshold: ev.threshold,
    confusion,
    medians: mediansOf(subject.evaluated),
    around: confusionAround(sweep, ev.threshold),
    // The validation split's one sort (in the evaluate worker when large); no pick until it lands.
    costs: { fp, fn, kind: ev.control.strategyKind, ...(validation ? costPick(validation.sweep, fp, fn) : { pick: null, perRow: null }) },
    choice: choice ? { threshold: choice.threshold, strategy: choice.strategy } : null,
    validationRows: outcome.validation.labels.length,
    recall: ev.rates?.recall ?? null,
    worst: worstSlice(ev.full?.slices ?? []),
    suggestedSlice: suggestSlice(sliceColumns),
  };
}

import type { Snapshot } from '../data/snapshot.ts';
import { compareRuns } from '../evaluation/compare-runs.ts';
import type { SliceSpec } from '../evaluation/slice-table.ts';
import { describeStrategy, type ThresholdStrategy } from '../evaluation/threshold-strategy.ts';
import type { RunRecord } from '../train/run-record.ts';
import { describeChanges } from './describe-changes.ts';
import type { LedgerDraft, LedgerEntry, LedgerGate, LedgerMetricMove, LedgerRun, LedgerSliceMove } from './ledger-entry.ts';

/** What the app knows when it prefills an entry. */
export interface LedgerPrefillInput {
  /** The baseline run (logistic regression or prior). */
  readonly baseline: RunRecord;
  /** The candidate compared against it, or null for an entry about the baseline alone. */
  readonly candidate: RunRecord | null;
  /** The last committed entry, to say what changed since. */
  readonly previous: LedgerEntry | null;
  readonly snapshot: Snapshot | null;
  /** One policy for both runs: each applies it to its own validation split. */
  readonly strategy: ThresholdStrategy;
  readonly slice: SliceSpec | null;
  readonly bootstrap: { readonly resamples: number; readonly seed: number } | null;
  /** Gate verdicts from the gates step, when there are any. */
  readonly gates?: readonly LedgerGate[];
}

const PAIRED = ['roc_auc', 'average_precision', 'f1', 'precision', 'recall'] as const;
const UNPAIRED = ['log_loss', 'brier'] as const;

function ledgerRun(record: RunRecord, role: LedgerRun['role'], threshold: number): LedgerRun {
  const { outcome } = record;
  return {
    id: record.id, role, model: outcome.config.model, configHash: record.configHash, seed: outcome.config.seed, snapshotId: record.snapshotId,
    contractRevision: record.contractRevision, config: outcome.config, label: outcome.contract.label, positiveClass: outcome.contract.positiveClass,
    features: outcome.contract.features, threshold,
  };
}

/**
 * A draft entry from the current runs: both runs at one stated threshold policy, metric movement with paired-bootstrap
 * intervals (compareRuns, on shared test rows), slice movement, FP/FN at each run's threshold, what changed since the
 * previous entry, and the gates. The decision, reason, lesson and next experiment are left for the person.
 */
export function prefillLedgerEntry(input: LedgerPrefillInput): LedgerDraft {
  const records = input.candidate && input.candidate.id !== input.baseline.id ? [input.baseline, input.candidate] : [input.baseline];
  const comparison = compareRuns(records.map((r) => ({
    id: r.id, name: r.id, test: r.outcome.test, validation: r.outcome.validation, strategy: input.strategy,
  })), input.baseline.id, { snapshot: input.snapshot, bootstrap: input.bootstrap, slice: input.slice });
  const report = (id: string) => comparison.runs.find((r) => r.id === id)?.report ?? null;
  const runs = records.map((r, i) => ledgerRun(r, i === 0 ? 'baseline' : 'candidate', report(r.id)?.threshold ?? 0.5));
  const base = report(input.baseline.id);
  const cand = records[1] ? comparison.runs.find((r) => r.id === records[1]?.id) ?? null : null;
  const metrics: LedgerMetricMove[] = [];
  if (base) {
    for (const m of PAIRED) {
      const d = cand?.delta?.[m] ?? null;
      const c = cand ? cand.report[m] : null;
      metrics.push({ metric: m, baseline: base[m], candidate: c, delta: d ? d.estimate : c !== null && base[m] !== null ? c - (base[m] as number) : null, ci: d ? { lo: d.lo, hi: d.hi } : null });
    }
    for (const m of UNPAIRED) {
      const c = cand ? cand.report[m] : null;
      metrics.push({ metric: m, baseline: base[m], candidate: c, delta: c !== null && base[m] !== null ? c - (base[m] as number) : null, ci: null });
    }
  }
  const candId = records[1]?.id;
  const slices: LedgerSliceMove[] = (comparison.slice?.rows ?? []).map((row) => ({
    slice: row.key, n: row.n, tooSmall: row.too_small,
    baselineAuc: row.metrics[input.baseline.id]?.roc_auc ?? null, candidateAuc: candId ? row.metrics[candId]?.roc_auc ?? null : null,
    candidateWorse: candId ? row.worse.includes(candId) : false,
  }));
  const errors = comparison.runs.map((r) => ({ run: r.id, threshold: r.report.threshold, tp: r.report.tp, fp: r.report.fp, tn: r.report.tn, fn: r.report.fn }));
  const bootstrap = input.bootstrap ? `paired bootstrap over test rows, ${input.bootstrap.resamples} resamples, seed ${input.bootstrap.seed}` : 'no bootstrap (point estimates only)';
  const note = cand?.delta_note ? `; no paired interval: ${cand.delta_note}` : '';
  return {
    runs, changes: describeChanges(input.previous?.runs ?? null, runs), metrics, slices, errors, gates: input.gates ?? [],
    decision: null, reason: '', lesson: '', nextExperiment: '', corrects: null,
    method: `Each run's threshold by ${describeStrategy(input.strategy)} on its own validation split; test split; ${bootstrap}${note}.`,
  };
}

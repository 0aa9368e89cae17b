import { jsonChanges, type ValueChange } from './describe-changes.ts';
import type { LedgerEntry } from './ledger-entry.ts';

/** One field of two entries that differ, with both sides as text. */
export type EntryChange = ValueChange;

/**
 * Field-by-field differences between two ledger entries (runs by role, metrics by name, slices by key, gates by
 * name, then decision, reason, lesson and next experiment). Identity fields (id, seq, commit time) are left out.
 */
export function diffEntries(a: LedgerEntry, b: LedgerEntry): EntryChange[] {
  const view = (e: LedgerEntry) => ({
    runs: Object.fromEntries(e.runs.map((r) => [r.role, { id: r.id, model: r.model, config_hash: r.configHash, seed: r.seed, snapshot: r.snapshotId, contract_revision: r.contractRevision, threshold: r.threshold, features: r.features }])),
    metrics: Object.fromEntries(e.metrics.map((m) => [m.metric, { baseline: m.baseline, candidate: m.candidate, delta: m.delta, ci: m.ci }])),
    slices: Object.fromEntries(e.slices.map((s) => [s.slice, { n: s.n, baseline_auc: s.baselineAuc, candidate_auc: s.candidateAuc, candidate_worse: s.candidateWorse }])),
    errors: Object.fromEntries(e.errors.map((x) => [x.run, { fp: x.fp, fn: x.fn }])),
    gates: Object.fromEntries(e.gates.map((g) => [g.gate, { passed: g.passed, observed: g.observed }])),
    decision: e.decision, reason: e.reason, lesson: e.lesson, next_experiment: e.nextExperiment, corrects: e.corrects,
  });
  return jsonChanges(view(a), view(b));
}

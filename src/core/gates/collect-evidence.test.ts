import { describe, expect, it } from 'vitest';
import { collectEvidence, gateFindings, type GatedRun } from './collect-evidence.ts';
import { evaluateGates } from './evaluate-gates.ts';
import type { GateSpec } from '../contract/gate-spec.ts';

const run = (scores: number[], labels: number[], name = 'candidate'): GatedRun => ({
  name, threshold: 0.5, modelBytes: 100, latency: null,
  test: { rows: Int32Array.from(labels, (_, i) => i), scores: Float64Array.from(scores), labels: Uint8Array.from(labels) },
});
const bootstrap = { resamples: 200, seed: 7 };

describe('collectEvidence', () => {
  it('a one-class test split leaves AUC and recall undefined, and their gates fail closed saying why', () => {
    const spec: GateSpec = { version: 1, gates: [
      { id: 'recall', kind: 'metric', metric: 'recall', bound: 'min', value: 0 },
      { id: 'auc', kind: 'metric', metric: 'roc_auc', bound: 'min', value: 0 },
      { id: 'precision', kind: 'metric', metric: 'precision', bound: 'min', value: 0 },
    ] };
    const e = collectEvidence({ spec, run: run([0.1, 0.2, 0.3, 0.4], [0, 0, 0, 0]), snapshot: null, baseline: null, findings: [], bootstrap });
    expect(e.metrics.recall).toEqual({ value: null, note: 'the test split has no positive rows' });
    const report = evaluateGates(spec, e);
    expect(report.failed).toEqual(['recall', 'auc', 'precision']);
    expect(report.verdicts[1].evidence).toBe('fails closed: roc_auc cannot be computed (the test split has only one class (0 positive, 4 negative rows))');
    expect(report.verdicts[2].evidence).toBe('fails closed: precision cannot be computed (no test row scores at or above the threshold 0.5)');
  });

  it('hand-checkable metrics with bootstrap intervals, and a paired comparison on the same rows', () => {
    // AUC: positives 0.9, 0.6 vs negatives 0.7, 0.2 → 3 of 4 pairs ordered → 0.75; recall at 0.5 = 2/2.
    const cand = run([0.9, 0.7, 0.6, 0.2], [1, 0, 1, 0]);
    const base = run([0.4, 0.6, 0.3, 0.2], [1, 0, 1, 0], 'prior');
    const spec: GateSpec = { version: 1, gates: [{ id: 'b', kind: 'vs-baseline', metric: 'roc_auc', margin: 1 }, { id: 'auc', kind: 'metric', metric: 'roc_auc', bound: 'min', value: 0.5 }] };
    const e = collectEvidence({ spec, run: cand, snapshot: null, baseline: base, findings: [], bootstrap });
    expect(e.metrics.roc_auc?.value).toBe(0.75);
    expect(e.metrics.recall?.value).toBe(1);
    expect(e.metrics.roc_auc?.lo).not.toBeUndefined();
    // Baseline AUC: 0.4, 0.3 vs 0.6, 0.2 → 2 of 4 → 0.5, so Δ = 0.25.
    expect(e.baseline?.delta.roc_auc?.value).toBeCloseTo(0.25, 12);
    // Without a metric gate no interval is drawn.
    expect(collectEvidence({ spec: { version: 1, gates: [] }, run: cand, snapshot: null, baseline: null, findings: [], bootstrap }).metrics.roc_auc).toEqual({ value: 0.75 });
    const moved = collectEvidence({ spec, run: cand, snapshot: null, baseline: { ...base, test: { ...base.test, rows: Int32Array.from([5, 6, 7, 8]) } }, findings: [], bootstrap });
    expect(moved.baseline).toBeNull();
    expect(moved.baselineNote).toBe('prior was scored on other test rows (another split or seed)');
  });

  it('"no worse than the champion by δ" pairs the candidate with the champion and fails closed without one', () => {
    const cand = run([0.9, 0.7, 0.6, 0.2], [1, 0, 1, 0]);
    // Champion AUC: positives 0.4, 0.3 vs negatives 0.6, 0.2 → 2 of 4 → 0.5, so Δ = 0.25.
    const champ = run([0.4, 0.6, 0.3, 0.2], [1, 0, 1, 0], 'champion bundle-1');
    const spec: GateSpec = { version: 1, gates: [{ id: 'c', kind: 'vs-champion', metric: 'roc_auc', margin: 0.5 }] };
    const e = collectEvidence({ spec, run: cand, snapshot: null, baseline: null, champion: champ, findings: [], bootstrap });
    expect(e.champion?.name).toBe('champion bundle-1');
    expect(e.champion?.delta.roc_auc?.value).toBeCloseTo(0.25, 12);
    expect(e.champion?.resamples).toBe(200);
    const verdict = evaluateGates(spec, e).verdicts[0];
    expect(verdict.pass).toBe(true);
    expect(verdict.required).toBe('no worse than the champion: Δroc_auc lower bound > −0.5');
    // No champion: fails closed, saying so.
    const none = evaluateGates(spec, collectEvidence({ spec, run: cand, snapshot: null, baseline: null, findings: [], bootstrap }));
    expect(none.promotable).toBe(false);
    expect(none.verdicts[0].evidence).toBe('fails closed: no champion comparison (no champion is set)');
    // A champion whose contract rejected a row scored fewer rows: no paired delta, fails closed.
    const fewer = { ...champ, test: { rows: Int32Array.of(0, 1, 2), scores: Float64Array.of(0.4, 0.6, 0.3), labels: Uint8Array.of(1, 0, 1) } };
    const partial = collectEvidence({ spec, run: cand, snapshot: null, baseline: null, champion: fewer, findings: [], bootstrap });
    expect(partial.champion).toBeNull();
    expect(evaluateGates(spec, partial).verdicts[0].evidence).toBe("fails closed: no champion comparison (champion bundle-1 scored other rows than this run's test split (rows its contract rejected, or another split))");
  });

  it('gateFindings marks dismissed findings closed', () => {
    const f = gateFindings({
      validation: [{ id: 'v1', check: 'range', status: 'fail', message: 'm' }],
      leakage: [{ id: 'leak:a', check: 'single-feature', status: 'fail', column: 'a', message: 'm' }],
    }, [{ findingId: 'leak:a', reason: 'known at prediction time', at: 't' }]);
    expect(f).toEqual([
      { id: 'v1', kind: 'validation', status: 'fail', open: true, message: 'm' },
      { id: 'leak:a', kind: 'leakage', status: 'fail', open: false, column: 'a', message: 'm' },
    ]);
  });
});

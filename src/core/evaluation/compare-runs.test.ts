import { describe, expect, it, test } from 'vitest';
import type { Column } from '../data/column.ts';
import type { Snapshot } from '../data/snapshot.ts';
import { compareRuns, describePolicy, type RunToCompare } from './compare-runs.ts';
import type { ScoredRows } from './evaluation-report.ts';

const rows = (scores: number[], labels: number[], first = 0): ScoredRows => ({
  rows: Int32Array.from(scores, (_, i) => first + i), scores: Float64Array.from(scores), labels: Uint8Array.from(labels),
});
const labels = [1, 1, 0, 1, 0, 0];
// Baseline: positives score 0.9, 0.8, 0.3 against negatives 0.7, 0.2, 0.1: 8 of 9 pairs ordered, AUC 8/9.
const baseline: RunToCompare = { id: 'lr', name: 'Logistic regression', test: rows([0.9, 0.8, 0.7, 0.3, 0.2, 0.1], labels), validation: null, strategy: { kind: 'fixed', value: 0.5 } };
// Candidate: positives 0.6, 0.3, 0.7 against negatives 0.5, 0.1, 0.4: 7 of 9, AUC 7/9. Its threshold is chosen by
// maximum F1 on its own validation split (0.8: F1 2/3, 0.35: F1 1, 0.3: F1 0.8), so 0.35.
const candidate: RunToCompare = {
  id: 'mlp', name: 'MLP', test: rows([0.6, 0.3, 0.5, 0.7, 0.1, 0.4], labels), validation: rows([0.8, 0.35, 0.3], [1, 1, 0], 100), strategy: { kind: 'max-f1' },
};

describe('compareRuns', () => {
  it('reports each run at its own threshold and the paired deltas candidate − baseline (hand-computed)', () => {
    const c = compareRuns([baseline, candidate], 'lr', { snapshot: null, bootstrap: { resamples: 200, seed: 7 }, slice: null });
    expect(c.baseline).toBe('lr');
    expect(c.runs.map((r) => r.id)).toEqual(['lr', 'mlp']);
    const [base, cand] = c.runs;
    expect(base.report.roc_auc).toBeCloseTo(8 / 9, 12);
    expect(cand.report.roc_auc).toBeCloseTo(7 / 9, 12);
    // Baseline at 0.5 flags 0.9, 0.8, 0.7: tp 2, fp 1, fn 1. Candidate at 0.35 flags 0.6, 0.5, 0.7, 0.4: tp 2, fp 2, fn 1.
    expect(base.report.threshold).toBe(0.5);
    expect(base.report.f1).toBeCloseTo(2 / 3, 12);
    expect(cand.report.threshold).toBe(0.35);
    expect(cand.report.threshold_choice.chosen_on).toBe('validation');
    expect(cand.report.precision).toBeCloseTo(0.5, 12);
    expect(cand.report.f1).toBeCloseTo(4 / 7, 12);
    expect(base.delta).toBeNull();
    expect(base.delta_note).toBeNull();
    expect(cand.delta?.roc_auc.estimate).toBeCloseTo(7 / 9 - 8 / 9, 12);
    expect(cand.delta?.f1.estimate).toBeCloseTo(4 / 7 - 2 / 3, 12);
    expect(cand.delta?.recall.estimate).toBeCloseTo(0, 12);
    const auc = cand.delta?.roc_auc;
    expect(auc?.lo).not.toBeNull();
    expect((auc?.lo as number) <= (auc?.estimate as number) && (auc?.estimate as number) <= (auc?.hi as number)).toBe(true);
    expect(c.bootstrap).toEqual({ resamples: 200, seed: 7 });
    expect(c.slice).toBeNull();
  });

  it('gives no paired delta, with the reason, when bootstrap is off or the test rows differ', () => {
    const otherRows: RunToCompare = { ...candidate, id: 'other', test: rows([0.6, 0.3, 0.5, 0.7, 0.1, 0.4], labels, 50) };
    const off = compareRuns([baseline, candidate], 'lr', { snapshot: null, bootstrap: null, slice: null });
    expect(off.runs[1]).toMatchObject({ delta: null, delta_note: 'bootstrap is off' });
    expect(off.runs[1].report.roc_auc).toBeCloseTo(7 / 9, 12);
    const differ = compareRuns([baseline, otherRows], 'lr', { snapshot: null, bootstrap: { resamples: 50, seed: 1 }, slice: null });
    expect(differ.runs[1].delta).toBeNull();
    expect(differ.runs[1].delta_note).toMatch(/test rows differ from the baseline's/);
  });

  it('falls back to the first run for an unknown baseline, and compares nothing when there are no runs', () => {
    const c = compareRuns([candidate, baseline], 'gone', { snapshot: null, bootstrap: null, slice: null });
    expect(c.baseline).toBe('mlp');
    expect(c.runs[0].delta_note).toBeNull();
    expect(compareRuns([], 'lr', { snapshot: null, bootstrap: null, slice: null })).toEqual({ baseline: 'lr', policy: null, costs: null, runs: [], slice: null, bootstrap: null });
  });
});

describe('compareRuns under one policy', () => {
  // Validation splits of their own: the baseline's [0.9+, 0.6−, 0.4+, 0.2−], the candidate's [0.8+, 0.7+, 0.3−, 0.1−].
  const base: RunToCompare = { ...baseline, validation: rows([0.9, 0.6, 0.4, 0.2], [1, 0, 1, 0], 200) };
  const cand: RunToCompare = { ...candidate, validation: rows([0.8, 0.7, 0.3, 0.1], [1, 1, 0, 0], 300) };

  it('gives each run the threshold the one policy picks on its own validation split, and expected cost at its costs', () => {
    const policy = { kind: 'min-cost', costFp: 1, costFn: 5 } as const;
    const c = compareRuns([base, cand], 'lr', { snapshot: null, bootstrap: null, slice: null, policy });
    expect(c.policy).toEqual(policy);
    expect(c.costs).toEqual({ cost_fp: 1, cost_fn: 5, assumed: false });
    const [b, m] = c.runs;
    // Baseline validation cost per row (FP + 5·FN)/4: nothing 10/4, ≥0.9 5/4, ≥0.6 6/4, ≥0.4 1/4, ≥0.2 2/4, so 0.4
    // (not its stored fixed 0.5). Candidate: nothing 10/4, ≥0.8 5/4, ≥0.7 0, ≥0.3 1/4, ≥0.1 2/4, so 0.7 (not max-F1).
    expect(b.report.threshold).toBe(0.4);
    expect(m.report.threshold).toBe(0.7);
    expect(b.report.threshold_choice.strategy).toEqual(policy);
    expect(m.report.threshold_choice.chosen_on).toBe('validation');
    // Test at those thresholds: baseline flags 0.9+, 0.8+, 0.7− (FP 1, FN 1): 6/6; candidate flags 0.7+ (FN 2): 10/6.
    expect(b.report.expected_cost).toBeCloseTo(1, 12);
    expect(m.report.expected_cost).toBeCloseTo(10 / 6, 12);
    expect(describePolicy(policy)).toBe('Each run at the threshold that minimises expected cost (FP 1, FN 5) on its own validation split');
  });

  it('costs FP = FN = 1, marked assumed, when the policy has no costs', () => {
    const c = compareRuns([base, cand], 'lr', { snapshot: null, bootstrap: null, slice: null, policy: { kind: 'max-f1' } });
    expect(c.costs).toEqual({ cost_fp: 1, cost_fn: 1, assumed: true });
    // Baseline validation F1: ≥0.9 2/3, ≥0.6 1/2, ≥0.4 4/5, ≥0.2 2/3, so 0.4; on test FP 1 + FN 1 over 6 rows.
    expect(c.runs[0].report.threshold).toBe(0.4);
    expect(c.runs[0].report.expected_cost).toBeCloseTo(2 / 6, 12);
    expect(c.runs[1].report.threshold).toBe(0.7);
    // Without a policy each run keeps its stored strategy (the baseline its fixed 0.5).
    expect(compareRuns([base, cand], 'lr', { snapshot: null, bootstrap: null, slice: null }).runs[0].report.threshold).toBe(0.5);
  });

  it('a run with no validation split (a champion bundle) keeps the threshold it ships: nothing is chosen on test', () => {
    const champion: RunToCompare = { id: 'champion:b1', name: 'champion b1', test: base.test, validation: null, strategy: { kind: 'fixed', value: 0.75 } };
    const policy = { kind: 'min-cost', costFp: 1, costFn: 5 } as const;
    const c = compareRuns([base, champion], 'lr', { snapshot: null, bootstrap: null, slice: null, policy });
    expect(c.runs[0].report.threshold).toBe(0.4);
    expect(c.runs[1].report.threshold).toBe(0.75);
    // Same rows and scores as the baseline, so the paired delta exists; at 0.75 it flags 0.9+, 0.8+ (FN 1): cost 5/6.
    expect(c.runs[1].report.expected_cost).toBeCloseTo(5 / 6, 12);
  });
});

describe('compareRuns slices', () => {
  // Column g: rows 0-3 hold the literal category "(missing)", rows 4-7 are missing cells. Both slices are labelled
  // "(missing)", so their labels alone cannot tell them apart.
  const g: Column = { name: 'g', type: 'categorical', codes: Int32Array.from([0, 0, 0, 0, -1, -1, -1, -1]), categories: ['(missing)'], missing: 4, distinct: 1 };
  const snapshot: Snapshot = { id: 'x'.repeat(64), fileName: 't.csv', byteLength: 0, rowCount: 8, delimiter: ',', columns: [g], warnings: [] };
  const rows = Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7]);
  const labels = Uint8Array.from([1, 1, 0, 0, 1, 1, 0, 0]);
  // At threshold 0.5: base finds both positives in the first slice and none in the second; the candidate the reverse.
  const base = Float64Array.from([0.9, 0.8, 0.1, 0.2, 0.3, 0.4, 0.1, 0.2]);
  const candidate = Float64Array.from([0.3, 0.4, 0.1, 0.2, 0.9, 0.8, 0.1, 0.2]);

  test('two slices with the same label are matched by position, not both to the first', () => {
    const run = (id: string, scores: Float64Array) => ({ id, name: id, test: { rows, scores, labels }, validation: null, strategy: { kind: 'fixed' as const, value: 0.5 } });
    const c = compareRuns([run('base', base), run('cand', candidate)], 'base', { snapshot, bootstrap: null, slice: { columns: ['g'] } });
    const slice = c.slice?.rows ?? [];
    expect(slice.map((r) => r.key)).toEqual(['g=(missing)', 'g=(missing)']);
    expect(slice.map((r) => [r.metrics.base.recall, r.metrics.cand.recall])).toEqual([[1, 0], [0, 1]]);
  });
});

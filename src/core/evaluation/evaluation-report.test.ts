import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseCsv } from '../data/parse-csv.ts';
import { evaluationReport, type ScoredRows } from './evaluation-report.ts';

const oracle = JSON.parse(readFileSync(new URL('../../../test/fixtures/breast_cancer_oracle.json', import.meta.url), 'utf8')) as {
  test: { y_true: number[]; y_score: number[]; roc_auc: number; average_precision: number; brier: number; log_loss: number; ece_sklearn_bins: number; mce_sklearn_bins: number; confusion_matrix: { tp: number; fp: number; tn: number; fn: number } };
};

const rows = (scores: number[], labels: number[]): ScoredRows =>
  ({ rows: Int32Array.from(scores, (_, i) => i), scores: Float64Array.from(scores), labels: Uint8Array.from(labels) });

describe('evaluationReport against the scikit-learn oracle (breast cancer test split)', () => {
  const t = oracle.test;
  const report = evaluationReport({ evaluated: rows(t.y_score, t.y_true), strategy: { kind: 'fixed', value: 0.5 }, bootstrap: { resamples: 200, seed: 3 } });

  test('ROC AUC, AP, Brier, log loss, ECE, MCE and the matrix at 0.5 agree to 1e-9', () => {
    expect(Math.abs((report.roc_auc ?? NaN) - t.roc_auc)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs((report.average_precision ?? NaN) - t.average_precision)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs((report.brier ?? NaN) - t.brier)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs((report.log_loss ?? NaN) - t.log_loss)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs((report.ece ?? NaN) - t.ece_sklearn_bins)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs((report.mce ?? NaN) - t.mce_sklearn_bins)).toBeLessThanOrEqual(1e-9);
    const { tp, fp, tn, fn } = t.confusion_matrix;
    expect([report.tp, report.fp, report.tn, report.fn]).toEqual([tp, fp, tn, fn]);
    expect(report.evaluated_on).toBe('input');
    expect(report.threshold_choice.strategy).toEqual({ kind: 'fixed', value: 0.5 });
  });

  test('curves are exact here (fewer points than the plot limit) and the intervals hold the estimates', () => {
    expect(report.roc_curve.fpr).toHaveLength(report.roc_curve.points_exact);
    expect(report.sweep.threshold).toHaveLength(report.sweep.points_exact);
    expect(report.calibration_bins).toHaveLength(10);
    expect(report.bootstrap).toEqual({ resamples: 200, seed: 3, level: 0.95, method: 'rows' });
    const auc = report.ci?.roc_auc;
    expect(auc?.lo).toBeLessThanOrEqual(report.roc_auc ?? NaN);
    expect(auc?.hi).toBeGreaterThanOrEqual(report.roc_auc ?? NaN);
    expect(report.messages).toEqual([]);
  });

  test('the bootstrap is identical for the same seed and differs for another', () => {
    const again = evaluationReport({ evaluated: rows(t.y_score, t.y_true), strategy: { kind: 'fixed', value: 0.5 }, bootstrap: { resamples: 200, seed: 3 } });
    const other = evaluationReport({ evaluated: rows(t.y_score, t.y_true), strategy: { kind: 'fixed', value: 0.5 }, bootstrap: { resamples: 200, seed: 4 } });
    expect(again.ci).toEqual(report.ci);
    expect(other.ci).not.toEqual(report.ci);
  });

  test('a threshold strategy is chosen on the choice rows and reported on the evaluated rows', () => {
    const half = Math.floor(t.y_score.length / 2);
    const choice = rows(t.y_score.slice(0, half), t.y_true.slice(0, half));
    const evaluated = rows(t.y_score.slice(half), t.y_true.slice(half));
    const r = evaluationReport({ evaluated, choice, strategy: { kind: 'min-cost', costFp: 1, costFn: 10 } });
    expect(r.evaluated_on).toBe('test');
    expect(r.threshold_choice.chosen_on).toBe('validation');
    expect(r.validation?.threshold).toBe(r.threshold);
    expect(r.costs).toEqual({ cost_fp: 1, cost_fn: 10 });
    expect(r.expected_cost).toBeCloseTo((1 * r.fp + 10 * r.fn) / r.n, 12);
    expect(r.operating_points.map((p) => p.name)).toContain('Minimum expected cost');
  });
});

describe('where the threshold is chosen', () => {
  test('an empty validation split is still the choice split: nothing is tuned on the evaluated rows', () => {
    const evaluated = rows([0.9, 0.8, 0.55, 0.45, 0.2], [1, 1, 0, 1, 0]);
    const r = evaluationReport({ evaluated, evaluatedOn: 'test', choice: rows([], []), strategy: { kind: 'max-f1' } });
    expect(r.threshold_choice).toMatchObject({ chosen_on: 'validation', feasible: false, threshold: 0.5 });
    expect(r.evaluated_on).toBe('test');
  });

  test('the report names the split it is on', () => {
    const some = rows([0.9, 0.1], [1, 0]);
    expect(evaluationReport({ evaluated: some, evaluatedOn: 'train', choice: some, strategy: { kind: 'fixed', value: 0.5 } }).evaluated_on).toBe('train');
  });

  test('the operating points\' cheapest row agrees with the min-cost strategy, flagging nothing included', () => {
    // FP cost 10, FN cost 1: flagging nothing costs 2/6 per row, every sweep point costs more.
    const evaluated = rows([0.9, 0.8, 0.7, 0.6, 0.2, 0.1], [0, 1, 0, 0, 1, 0]);
    const r = evaluationReport({ evaluated, strategy: { kind: 'min-cost', costFp: 10, costFn: 1 } });
    const cheapest = r.operating_points.find((p) => p.name === 'Minimum expected cost');
    expect(cheapest?.threshold).toBe(r.threshold);
    expect(cheapest?.flagged).toBe(0);
    expect(cheapest?.cost).toBeCloseTo(2 / 6, 12);
  });
});

describe('named edge cases', () => {
  test('one class only: AUC and AP are undefined, with a message', () => {
    const r = evaluationReport({ evaluated: rows([0.2, 0.7, 0.9], [1, 1, 1]), strategy: { kind: 'fixed', value: 0.5 }, bootstrap: { resamples: 50, seed: 1 } });
    expect(r.roc_auc).toBeNull();
    expect(r.average_precision).toBeNull();
    expect(r.ci?.roc_auc).toEqual({ lo: null, hi: null });
    expect(r.messages[0]).toMatch(/ROC AUC and average precision are undefined: every evaluated row is positive/);
  });

  test('all scores tied: AUC is 0.5, one sweep point, and the report says the model does not rank', () => {
    const r = evaluationReport({ evaluated: rows([0.3, 0.3, 0.3, 0.3], [1, 0, 1, 0]), strategy: { kind: 'fixed', value: 0.3 } });
    expect(r.roc_auc).toBe(0.5);
    expect(r.sweep.points_exact).toBe(1);
    expect([r.tp, r.fp]).toEqual([2, 2]);
    expect(r.messages.some((m) => m.startsWith('All 4 scores are equal'))).toBe(true);
  });

  test('scores of exactly 0 and 1: finite log loss (clipped), calibration in the end bins, perfect AUC', () => {
    const r = evaluationReport({ evaluated: rows([0, 0, 1, 1], [0, 0, 1, 1]), strategy: { kind: 'fixed', value: 0.5 } });
    expect(r.roc_auc).toBe(1);
    expect(Number.isFinite(r.log_loss ?? NaN)).toBe(true);
    expect(r.log_loss).toBeLessThan(1e-12);
    expect(r.calibration_bins?.[0].count).toBe(2);
    expect(r.calibration_bins?.[9].count).toBe(2);
    expect(r.ece).toBe(0);
  });

  test('no predicted positives: precision is undefined (null), not 0, and said so', () => {
    const r = evaluationReport({ evaluated: rows([0.1, 0.2, 0.3], [1, 0, 1]), strategy: { kind: 'fixed', value: 0.9 } });
    expect(r.tp + r.fp).toBe(0);
    expect(r.precision).toBeNull();
    expect(r.recall).toBe(0);
    expect(r.messages).toContain('No row is flagged positive at threshold 0.9: precision is undefined (not 0).');
  });

  test('scores outside [0, 1] rank fine but calibration metrics are undefined', () => {
    const r = evaluationReport({ evaluated: rows([-2, 3, 0.5, 7], [0, 1, 0, 1]), strategy: { kind: 'fixed', value: 1 } });
    expect(r.roc_auc).toBe(1);
    expect(r.brier).toBeNull();
    expect(r.calibration_bins).toBeNull();
  });
});

describe('slices, errors and multiclass inside the report', () => {
  test('slices and error clusters come from the snapshot rows; the multiclass block appears with classes', async () => {
    const csv = 'g,y\n' + Array.from({ length: 80 }, (_, i) => `${i % 2 ? 'a' : 'b'},${i % 3 === 0 ? 1 : 0}`).join('\n') + '\n';
    const parsed = await parseCsv(new TextEncoder().encode(csv), 's.csv');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const labels = Array.from({ length: 80 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const scores = labels.map((y, i) => (y ? 0.6 : 0.4) + (i % 2 ? 0.2 : -0.2));
    const k = 3;
    const probabilities = new Float64Array(80 * k);
    const classIndex = new Uint8Array(80);
    scores.forEach((s, i) => { probabilities[i * k] = s; probabilities[i * k + 1] = (1 - s) / 2; probabilities[i * k + 2] = (1 - s) / 2; classIndex[i] = labels[i] ? 0 : 1 + (i % 2); });
    const r = evaluationReport({
      evaluated: { rows: Int32Array.from({ length: 80 }, (_, i) => i), scores: Float64Array.from(scores), labels: Uint8Array.from(labels), classIndex, probabilities },
      strategy: { kind: 'fixed', value: 0.5 }, snapshot: parsed.snapshot, slices: [{ columns: ['g'] }], errorColumns: ['g'], classes: ['x', 'y', 'z'],
      bootstrap: { resamples: 100, seed: 9 },
    });
    expect(r.slices[0].rows.map((s) => s.key).sort()).toEqual(['g=a', 'g=b']);
    expect(r.slices[0].rows.reduce((n, s) => n + s.n, 0)).toBe(80);
    // Group "a" scores +0.2: every negative there (0.6) is a false positive, so "g=a" is the false-positive cluster.
    expect(r.errors.clusters?.false_positives[0]).toMatchObject({ column: 'g', value: 'a', lift: 2 });
    expect(r.multiclass?.classes).toEqual(['x', 'y', 'z']);
    expect(r.multiclass?.n).toBe(80);
  });
});

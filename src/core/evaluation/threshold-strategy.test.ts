import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { confusionAt, thresholdSweep } from '../metrics/sweep.ts';
import { chooseThreshold, expectedCost, nextUp } from './threshold-strategy.ts';
import { sweepTable } from './sweep-table.ts';

// Scores descending: 0.9 P, 0.8 N, 0.7 P, 0.6 P, 0.4 N, 0.3 P, 0.2 N, 0.1 N  (4 positives, 4 negatives)
const scores = Float64Array.from([0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1]);
const labels = Uint8Array.from([1, 0, 1, 1, 0, 1, 0, 0]);
const sweep = thresholdSweep(scores, labels);

describe('chooseThreshold (hand-computed)', () => {
  test('minimum expected cost: cheap false positives flag more rows, cheap false negatives fewer', () => {
    // FP cost 1, FN cost 5: t=0.3 gives FP 2, FN 0 → (2·1)/8 = 0.25, the cheapest point.
    const cheapFp = chooseThreshold(sweep, { kind: 'min-cost', costFp: 1, costFn: 5 }, 'validation');
    expect(cheapFp.threshold).toBe(0.3);
    expect(cheapFp.objective).toBeCloseTo(0.25, 12);
    // FP cost 5, FN cost 1: flagging only 0.9 costs FN 3 → 3/8; flagging nothing costs 4/8; t=0.6 costs (5+1)/8.
    const cheapFn = chooseThreshold(sweep, { kind: 'min-cost', costFp: 5, costFn: 1 }, 'validation');
    expect(cheapFn.threshold).toBe(0.9);
    expect(cheapFn.objective).toBeCloseTo(3 / 8, 12);
    // The top score is a negative and false positives are dear: flagging nothing (cost 1/2) beats 0.9 (11/2) and 0.5
    // (10/2), so the threshold sits just above the top score.
    const topNegative = thresholdSweep(Float64Array.from([0.9, 0.5]), Uint8Array.from([0, 1]));
    const nothing = chooseThreshold(topNegative, { kind: 'min-cost', costFp: 10, costFn: 1 }, 'validation');
    expect(nothing.threshold).toBe(nextUp(0.9));
    expect(nothing.objective).toBe(0.5);
    expect(confusionAt(topNegative, nothing.threshold).tp + confusionAt(topNegative, nothing.threshold).fp).toBe(0);
    expect(nothing.note).toMatch(/flagging nothing/);
  });

  test('maximum F1, precision ≥ X and recall ≥ X', () => {
    // F1 at 0.3: TP 4, FP 2, FN 0 → 8/10 = 0.8 (the best); at 0.6: TP 3, FP 1, FN 1 → 6/8 = 0.75.
    const f1 = chooseThreshold(sweep, { kind: 'max-f1' }, 'validation');
    expect(f1.threshold).toBe(0.3);
    expect(f1.objective).toBeCloseTo(0.8, 12);
    // Precision ≥ 0.75: points 0.9 (1.0, recall .25), 0.7 (2/3 no), 0.6 (3/4, recall .75) → 0.6, the higher recall.
    const p = chooseThreshold(sweep, { kind: 'precision-at-least', target: 0.75 }, 'validation');
    expect(p.threshold).toBe(0.6);
    expect(p.feasible).toBe(true);
    // Recall ≥ 1 first happens at 0.3 (precision 4/6); lower thresholds only add false positives.
    const r = chooseThreshold(sweep, { kind: 'recall-at-least', target: 1 }, 'validation');
    expect(r.threshold).toBe(0.3);
    expect(r.objective).toBe(1);
  });

  test('an unreachable precision target is marked infeasible and uses the closest point', () => {
    const tied = thresholdSweep(Float64Array.from([0.5, 0.5, 0.5]), Uint8Array.from([1, 0, 0]));
    const p = chooseThreshold(tied, { kind: 'precision-at-least', target: 0.9 }, 'validation');
    expect(p.feasible).toBe(false);
    expect(p.threshold).toBe(0.5);
    expect(p.note).toMatch(/No threshold reaches precision ≥ 0.9/);
  });

  test('no positives: F1 and recall targets are undefined, said plainly', () => {
    const none = thresholdSweep(Float64Array.from([0.2, 0.4]), Uint8Array.from([0, 0]));
    const f1 = chooseThreshold(none, { kind: 'max-f1' }, 'validation');
    expect(f1.feasible).toBe(false);
    expect(f1.note).toMatch(/no positives/);
  });

  test('bad inputs are refused with the value named', () => {
    expect(() => chooseThreshold(sweep, { kind: 'min-cost', costFp: -1, costFn: 1 }, 'validation')).toThrow(/non-negative, got FP -1/);
    expect(() => chooseThreshold(sweep, { kind: 'recall-at-least', target: 1.5 }, 'validation')).toThrow(/between 0 and 1, got 1.5/);
  });
});

const scoredRows = fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 1 })), { minLength: 1, maxLength: 200 });
const split = (rows: [number, number][]) => ({ scores: Float64Array.from(rows, (r) => r[0]), labels: Uint8Array.from(rows, (r) => r[1]) });

describe('sweep properties (fast-check)', () => {
  test('TP + FN is the number of positives at every sweep point', () => {
    fc.assert(fc.property(scoredRows, (rows) => {
      const { scores, labels } = split(rows);
      const s = thresholdSweep(scores, labels);
      for (let i = 0; i < s.thresholds.length; i++) {
        const c = confusionAt(s, s.thresholds[i]);
        if (c.tp + c.fn !== s.nPos) return false;
      }
      return true;
    }));
  });

  test('recall never increases as the threshold rises', () => {
    fc.assert(fc.property(scoredRows, (rows) => {
      const { scores, labels } = split(rows);
      const t = sweepTable(thresholdSweep(scores, labels));
      // Thresholds are descending, so recall must be non-decreasing along the arrays.
      for (let i = 1; i < t.recall.length; i++) if (t.recall[i] < t.recall[i - 1]) return false;
      return true;
    }));
  });

  test('the cost-optimal threshold costs no more than any sweep point (or flagging nothing)', () => {
    const costs = fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }));
    fc.assert(fc.property(scoredRows, costs, (rows, [costFp, costFn]) => {
      const { scores, labels } = split(rows);
      const s = thresholdSweep(scores, labels);
      const chosen = chooseThreshold(s, { kind: 'min-cost', costFp, costFn }, 'validation');
      const cost = expectedCost(confusionAt(s, chosen.threshold), costFp, costFn) ?? Infinity;
      const candidates = [...s.thresholds, nextUp(s.thresholds[0])];
      return candidates.every((t) => cost <= (expectedCost(confusionAt(s, t), costFp, costFn) ?? Infinity) + 1e-12);
    }));
  });
});

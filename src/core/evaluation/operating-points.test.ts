import { describe, expect, it } from 'vitest';
import { thresholdSweep } from '../metrics/sweep.ts';
import { operatingPoints, type OperatingPoint } from './operating-points.ts';
import { nextUp } from './threshold-strategy.ts';

// Ten rows, four positives. Flagging score ≥ t, the exact sweep (t: tp/fp) runs 0.9: 1/0, 0.8: 2/0, 0.7: 2/1,
// 0.6: 3/1, 0.55: 3/2, 0.4: 4/2, 0.3: 4/3, 0.2: 4/4, 0.1: 4/5, 0.05: 4/6.
const scores = Float64Array.of(0.9, 0.8, 0.7, 0.6, 0.55, 0.4, 0.3, 0.2, 0.1, 0.05);
const labels = Uint8Array.of(1, 1, 0, 1, 0, 1, 0, 0, 0, 0);
const byName = (points: OperatingPoint[]) => new Map(points.map((p) => [p.name, p]));

describe('operatingPoints', () => {
  it('reads the top shares, 0.5, maximum F1, Youden\'s J and the break-even point off the sweep (hand-computed)', () => {
    const points = operatingPoints(thresholdSweep(scores, labels));
    expect(points.map((p) => p.name)).toEqual([
      'Top 1% of scores', 'Top 5% of scores', 'Top 10% of scores', 'Top 20% of scores', 'Default 0.5',
      'Maximum F1', "Youden's J (max TPR − FPR)", 'Precision = recall (break-even)',
    ]);
    const p = byName(points);
    // 1, 5 and 10 % of ten rows all round up to one row: the top score.
    for (const name of ['Top 1% of scores', 'Top 5% of scores', 'Top 10% of scores']) {
      expect(p.get(name)).toMatchObject({ threshold: 0.9, flagged: 1, ppr: 0.1, precision: 1, recall: 0.25, fpr: 0, cost: null });
      expect(p.get(name)?.f1).toBeCloseTo(2 / 5, 12);
    }
    expect(p.get('Top 20% of scores')).toMatchObject({ threshold: 0.8, flagged: 2, ppr: 0.2, precision: 1, recall: 0.5 });
    expect(p.get('Top 20% of scores')?.f1).toBeCloseTo(2 / 3, 12);
    // At 0.5: tp 3, fp 2, fn 1, tn 4.
    expect(p.get('Default 0.5')).toMatchObject({ threshold: 0.5, flagged: 5, ppr: 0.5, precision: 0.6, recall: 0.75 });
    expect(p.get('Default 0.5')?.fpr).toBeCloseTo(1 / 3, 12);
    // F1 = 2tp / (2tp + fp + fn) peaks at 0.4 (8 / 10); TPR − FPR peaks there too (1 − 2/6).
    expect(p.get('Maximum F1')).toMatchObject({ threshold: 0.4, flagged: 6, recall: 1, f1: 0.8 });
    expect(p.get('Maximum F1')?.precision).toBeCloseTo(2 / 3, 12);
    expect(p.get("Youden's J (max TPR − FPR)")).toMatchObject({ threshold: 0.4, recall: 1 });
    // Precision equals recall (3/4) at 0.6.
    expect(p.get('Precision = recall (break-even)')).toMatchObject({ threshold: 0.6, flagged: 4, precision: 0.75, recall: 0.75 });
  });

  it('with costs, adds the cheapest point and prices every row by (costFp·fp + costFn·fn) / n', () => {
    const p = byName(operatingPoints(thresholdSweep(scores, labels), { costFp: 1, costFn: 5 }));
    // fp + 5·fn per threshold: 15, 10, 11, 6, 7, 2, 3, 4, 5, 6; flagging nothing costs 20.
    expect(p.get('Minimum expected cost')).toMatchObject({ threshold: 0.4, flagged: 6, cost: 0.2 });
    expect(p.get('Default 0.5')?.cost).toBeCloseTo((2 + 5 * 1) / 10, 12);
    expect(p.get('Top 1% of scores')?.cost).toBeCloseTo((0 + 5 * 3) / 10, 12);
  });

  it('lets "flag nothing" be the cheapest point when every threshold costs more', () => {
    // A negative on top: flagging it costs 5 (plus a missed positive, 1), flagging both costs 5; flagging nothing costs 1.
    const sweep = thresholdSweep(Float64Array.of(0.9, 0.2), Uint8Array.of(0, 1));
    const cheapest = byName(operatingPoints(sweep, { costFp: 5, costFn: 1 })).get('Minimum expected cost');
    expect(cheapest).toMatchObject({ threshold: nextUp(0.9), flagged: 0, cost: 0.5, ppr: 0, recall: 0, precision: null });
  });

  it('leaves out a point whose metric is undefined everywhere, and answers nothing for an empty sweep', () => {
    // No positives: recall is undefined at every threshold, so F1 is 0 and Youden's J and break-even are NaN.
    const names = operatingPoints(thresholdSweep(Float64Array.of(0.3, 0.7), Uint8Array.of(0, 0))).map((p) => p.name);
    expect(names).not.toContain("Youden's J (max TPR − FPR)");
    expect(names).not.toContain('Precision = recall (break-even)');
    expect(operatingPoints(thresholdSweep(new Float64Array(0), new Uint8Array(0)))).toEqual([]);
  });
});

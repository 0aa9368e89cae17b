import { describe, expect, test } from 'vitest';
import { rates } from './rates.ts';

describe('rates', () => {
  test('hand-computed 4-row case at 0.5 (tp 1, fp 0, tn 2, fn 1)', () => {
    const r = rates({ threshold: 0.5, tp: 1, fp: 0, tn: 2, fn: 1 });
    expect(r.accuracy).toBe(0.75);
    expect(r.precision).toBe(1);
    expect(r.recall).toBe(0.5);
    expect(r.specificity).toBe(1);
    expect(r.f1).toBeCloseTo(2 / 3, 15); // 2*1 / (2*1 + 0 + 1)
    expect(r.balanced_accuracy).toBe(0.75);
    expect(r.mcc).toBeCloseTo(0.5773502691896258, 15); // (1*2 - 0*1) / sqrt(1*2*2*3)
    expect(r.fpr).toBe(0);
    expect(r.fnr).toBe(0.5);
  });

  test('no predicted positives: precision is null, not 0', () => {
    const r = rates({ threshold: 0.9, tp: 0, fp: 0, tn: 3, fn: 2 });
    expect(r.precision).toBeNull();
    expect(r.recall).toBe(0);
    expect(r.f1).toBe(0);
    expect(r.mcc).toBeNull();
    expect(r.accuracy).toBe(0.6);
  });

  test('no real positives: recall and balanced accuracy are null', () => {
    const r = rates({ threshold: 0.5, tp: 0, fp: 1, tn: 3, fn: 0 });
    expect(r.recall).toBeNull();
    expect(r.fnr).toBeNull();
    expect(r.balanced_accuracy).toBeNull();
    expect(r.specificity).toBe(0.75);
    expect(r.precision).toBe(0);
  });

  test('no positives anywhere: F1 is null', () => {
    expect(rates({ threshold: 0.5, tp: 0, fp: 0, tn: 4, fn: 0 }).f1).toBeNull();
  });

  test('empty matrix: every ratio is null', () => {
    const r = rates({ threshold: 0.5, tp: 0, fp: 0, tn: 0, fn: 0 });
    for (const v of Object.values(r)) expect(v).toBeNull();
  });

  test('perfectly inverted predictions give MCC -1', () => {
    const r = rates({ threshold: 0.5, tp: 0, fp: 3, tn: 0, fn: 2 });
    expect(r.mcc).toBe(-1); // (0*0 - 3*2) / sqrt(3*2*3*2)
    expect(r.accuracy).toBe(0);
  });
});

import { describe, expect, test } from 'vitest';
import { prCurve } from './pr-curve.ts';
import { rocCurve } from './roc-curve.ts';
import { thresholdSweep } from './sweep.ts';
import { FOUR_LABELS, FOUR_SCORES } from './test-fixtures.ts';

describe('rocCurve', () => {
  test('4-row case starts at (0,0) with +Infinity and visits every distinct score', () => {
    const c = rocCurve(thresholdSweep(FOUR_SCORES, FOUR_LABELS));
    expect(Array.from(c.thresholds)).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
    expect(Array.from(c.fpr)).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(Array.from(c.tpr)).toEqual([0, 0.5, 0.5, 1, 1]);
  });

  test('one class only: the absent rate is NaN, not 0', () => {
    const c = rocCurve(thresholdSweep(new Float64Array([0.2, 0.7]), new Uint8Array([1, 1])));
    expect(Array.from(c.tpr)).toEqual([0, 0.5, 1]);
    expect(c.fpr.every((x) => Number.isNaN(x))).toBe(true);
  });

  test('empty input gives only the (0,0) start point', () => {
    const c = rocCurve(thresholdSweep(new Float64Array(0), new Uint8Array(0)));
    expect(Array.from(c.thresholds)).toEqual([Infinity]);
  });
});

describe('prCurve', () => {
  test('4-row case: precision and recall at each distinct score, highest first', () => {
    const c = prCurve(thresholdSweep(FOUR_SCORES, FOUR_LABELS));
    expect(Array.from(c.thresholds)).toEqual([0.8, 0.4, 0.35, 0.1]);
    expect(Array.from(c.recall)).toEqual([0.5, 0.5, 1, 1]);
    expect(Array.from(c.precision)).toEqual([1, 0.5, 2 / 3, 0.5]);
  });
});

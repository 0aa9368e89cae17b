import { describe, expect, test } from 'vitest';
import { confusionMatrix } from './confusion.ts';
import { confusionAt, pointsAtOrAbove, thresholdSweep } from './sweep.ts';
import { FOUR_LABELS, FOUR_SCORES, randomCase } from './test-fixtures.ts';

describe('thresholdSweep', () => {
  test('4-row case gives one point per score, descending, with cumulative counts', () => {
    const s = thresholdSweep(FOUR_SCORES, FOUR_LABELS);
    expect(Array.from(s.thresholds)).toEqual([0.8, 0.4, 0.35, 0.1]);
    expect(Array.from(s.tp)).toEqual([1, 1, 2, 2]);
    expect(Array.from(s.fp)).toEqual([0, 1, 1, 2]);
    expect(s.nPos).toBe(2);
    expect(s.nNeg).toBe(2);
  });

  test('tied scores collapse into one point', () => {
    const s = thresholdSweep(new Float64Array([0.5, 0.2, 0.5, 0.5]), new Uint8Array([1, 0, 0, 1]));
    expect(Array.from(s.thresholds)).toEqual([0.5, 0.2]);
    expect(Array.from(s.tp)).toEqual([2, 2]);
    expect(Array.from(s.fp)).toEqual([1, 2]);
  });

  test('-0 and 0 are one threshold, stored as 0', () => {
    const s = thresholdSweep(new Float64Array([-0, 0, 1]), new Uint8Array([0, 1, 1]));
    expect(s.thresholds.length).toBe(2);
    expect(Object.is(s.thresholds[1], 0)).toBe(true);
  });

  test('infinite scores sort without corrupting the order', () => {
    const s = thresholdSweep(new Float64Array([Infinity, -Infinity, 0, Infinity]), new Uint8Array([1, 0, 0, 0]));
    expect(Array.from(s.thresholds)).toEqual([Infinity, 0, -Infinity]);
    expect(Array.from(s.tp)).toEqual([1, 1, 1]);
    expect(Array.from(s.fp)).toEqual([1, 2, 3]);
  });

  test('NaN score is rejected with the row named', () => {
    expect(() => thresholdSweep(new Float64Array([0.2, NaN]), new Uint8Array([0, 1]))).toThrow(/row 1 is NaN/);
  });

  test('mismatched lengths are rejected', () => {
    expect(() => thresholdSweep(new Float64Array(3), new Uint8Array(2))).toThrow(/same length.*3 scores and 2 labels/);
  });

  test('labels other than 0/1 are rejected', () => {
    expect(() => thresholdSweep(new Float64Array(2), new Uint8Array([1, 2]))).toThrow(/row 1 is 2/);
  });

  test('empty input gives an empty sweep', () => {
    const s = thresholdSweep(new Float64Array(0), new Uint8Array(0));
    expect(s.thresholds.length).toBe(0);
    expect(s.nPos + s.nNeg).toBe(0);
    expect(confusionAt(s, 0.5)).toEqual({ threshold: 0.5, tp: 0, fp: 0, tn: 0, fn: 0 });
  });
});

describe('confusionAt', () => {
  const s = thresholdSweep(FOUR_SCORES, FOUR_LABELS);

  test('threshold equal to a score flags that score (>=)', () => {
    expect(confusionAt(s, 0.35)).toEqual({ threshold: 0.35, tp: 2, fp: 1, tn: 1, fn: 0 });
  });

  test('threshold between scores', () => {
    expect(confusionAt(s, 0.5)).toEqual({ threshold: 0.5, tp: 1, fp: 0, tn: 2, fn: 1 });
  });

  test('threshold above every score flags nothing', () => {
    expect(confusionAt(s, 0.9)).toEqual({ threshold: 0.9, tp: 0, fp: 0, tn: 2, fn: 2 });
    expect(confusionAt(s, Infinity)).toEqual({ threshold: Infinity, tp: 0, fp: 0, tn: 2, fn: 2 });
  });

  test('threshold at or below the lowest score flags everything', () => {
    expect(confusionAt(s, 0.1)).toEqual({ threshold: 0.1, tp: 2, fp: 2, tn: 0, fn: 0 });
    expect(confusionAt(s, -Infinity)).toEqual({ threshold: -Infinity, tp: 2, fp: 2, tn: 0, fn: 0 });
  });

  test('NaN threshold is rejected', () => {
    expect(() => confusionAt(s, NaN)).toThrow(/threshold is NaN/);
  });

  test('pointsAtOrAbove counts descending thresholds >= t', () => {
    const th = new Float64Array([0.9, 0.5, 0.5, 0.1]);
    expect([1, 0.9, 0.6, 0.5, 0.3, 0.1, 0].map((t) => pointsAtOrAbove(th, t))).toEqual([0, 1, 1, 3, 3, 4, 4]);
  });

  test('agrees with the direct O(n) count on random tied data at every score and between scores', () => {
    const { scores, labels } = randomCase(7, 500, 2);
    const sweep = thresholdSweep(scores, labels);
    const grid = [-1, 0, 1, 2, Infinity, -Infinity, ...Array.from(scores), ...Array.from(scores, (x) => x + 0.005)];
    for (const t of grid) expect(confusionAt(sweep, t)).toEqual(confusionMatrix(scores, labels, t));
  });
});

import { describe, expect, test } from 'vitest';
import { confusionMatrix } from './confusion.ts';
import { FOUR_LABELS, FOUR_SCORES } from './test-fixtures.ts';

describe('confusionMatrix', () => {
  test('4-row case at 0.5: only 0.8 is flagged', () => {
    expect(confusionMatrix(FOUR_SCORES, FOUR_LABELS, 0.5)).toEqual({ threshold: 0.5, tp: 1, fp: 0, tn: 2, fn: 1 });
  });

  test('a score equal to the threshold is predicted positive', () => {
    expect(confusionMatrix(FOUR_SCORES, FOUR_LABELS, 0.4)).toEqual({ threshold: 0.4, tp: 1, fp: 1, tn: 1, fn: 1 });
  });

  test('empty input gives all-zero counts', () => {
    expect(confusionMatrix(new Float64Array(0), new Uint8Array(0), 0.5)).toEqual({
      threshold: 0.5,
      tp: 0,
      fp: 0,
      tn: 0,
      fn: 0,
    });
  });

  test('NaN score is rejected rather than counted as negative', () => {
    expect(() => confusionMatrix(new Float64Array([NaN]), new Uint8Array([1]), 0.5)).toThrow(/row 0 is NaN/);
  });
});

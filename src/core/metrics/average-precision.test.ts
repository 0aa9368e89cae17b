import { describe, expect, test } from 'vitest';
import { averagePrecision } from './average-precision.ts';
import { FOUR_LABELS, FOUR_SCORES } from './test-fixtures.ts';

describe('averagePrecision', () => {
  test('4-row case by hand: 0.5 * 1 + 0.5 * 2/3', () => {
    expect(averagePrecision(FOUR_SCORES, FOUR_LABELS)).toBeCloseTo(0.8333333333333333, 15);
  });

  test('ties are one step: two positives and a negative tied at the top give P = 2/3 for all recall', () => {
    expect(averagePrecision(new Float64Array([0.5, 0.5, 0.5, 0.2]), new Uint8Array([1, 0, 1, 0]))).toBeCloseTo(
      2 / 3,
      15,
    );
  });

  test('all scores tied gives the positive rate', () => {
    expect(averagePrecision(new Float64Array([0.3, 0.3, 0.3, 0.3, 0.3]), new Uint8Array([1, 0, 0, 1, 0]))).toBe(0.4);
  });

  test('perfect ranking gives 1', () => {
    expect(averagePrecision(new Float64Array([0.1, 0.2, 0.8, 0.9]), new Uint8Array([0, 0, 1, 1]))).toBe(1);
  });

  test('one class only gives null', () => {
    expect(averagePrecision(new Float64Array([0.1, 0.9]), new Uint8Array([0, 0]))).toBeNull();
    expect(averagePrecision(new Float64Array([0.1, 0.9]), new Uint8Array([1, 1]))).toBeNull();
  });

  test('NaN score is rejected', () => {
    expect(() => averagePrecision(new Float64Array([NaN, 1]), new Uint8Array([0, 1]))).toThrow(/row 0 is NaN/);
  });
});

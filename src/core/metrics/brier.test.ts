import { describe, expect, test } from 'vitest';
import { brier } from './brier.ts';
import { FOUR_LABELS, FOUR_SCORES } from './test-fixtures.ts';

describe('brier', () => {
  test('4-row case by hand: (0.01 + 0.16 + 0.4225 + 0.04) / 4', () => {
    expect(brier(FOUR_SCORES, FOUR_LABELS)).toBeCloseTo(0.158125, 15);
  });

  test('scores exactly 0 and 1: perfect is 0, fully wrong is 1', () => {
    expect(brier(new Float64Array([0, 1]), new Uint8Array([0, 1]))).toBe(0);
    expect(brier(new Float64Array([0, 1]), new Uint8Array([1, 0]))).toBe(1);
  });

  test('empty input gives null', () => {
    expect(brier(new Float64Array(0), new Uint8Array(0))).toBeNull();
  });

  test('a score outside [0, 1] is rejected with its row', () => {
    expect(() => brier(new Float64Array([0.5, 1.5]), new Uint8Array([0, 1]))).toThrow(/row 1 is 1.5/);
  });
});

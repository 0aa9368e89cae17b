import { describe, expect, test } from 'vitest';
import { calibrationBins } from './calibration.ts';
import { FOUR_LABELS, FOUR_SCORES } from './test-fixtures.ts';

describe('calibrationBins', () => {
  test('4-row case by hand: bins 1, 3, 4, 8 with gaps 0.1, 0.65, 0.4, 0.2', () => {
    const c = calibrationBins(FOUR_SCORES, FOUR_LABELS);
    expect(c.bins.map((b) => b.count)).toEqual([0, 1, 0, 1, 1, 0, 0, 0, 1, 0]);
    expect(c.bins[3]).toEqual({ bin: 3, lo: 0.3, hi: 0.4, count: 1, mean_pred: 0.35, frac_pos: 1 });
    expect(c.bins[0]).toEqual({ bin: 0, lo: 0, hi: 0.1, count: 0, mean_pred: null, frac_pos: null });
    expect(c.ece).toBeCloseTo(1.35 / 4, 15);
    expect(c.mce).toBeCloseTo(0.65, 15);
  });

  test('bin edges are left-closed and 1.0 falls in the last bin', () => {
    const c = calibrationBins(new Float64Array([0, 0.1, 0.2, 0.9, 1]), new Uint8Array([0, 0, 1, 1, 1]));
    expect(c.bins.map((b) => b.count)).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 2]);
    expect(c.bins[9]?.mean_pred).toBeCloseTo(0.95, 15);
    expect(c.bins[9]?.hi).toBe(1);
  });

  test('perfectly calibrated bin has zero error', () => {
    const c = calibrationBins(new Float64Array([0.5, 0.5]), new Uint8Array([0, 1]));
    expect(c.ece).toBe(0);
    expect(c.mce).toBe(0);
  });

  test('empty input gives ten empty bins and null errors', () => {
    const c = calibrationBins(new Float64Array(0), new Uint8Array(0));
    expect(c.bins).toHaveLength(10);
    expect(c.ece).toBeNull();
    expect(c.mce).toBeNull();
  });

  test('a score outside [0, 1] is rejected with its row', () => {
    expect(() => calibrationBins(new Float64Array([-0.1]), new Uint8Array([0]))).toThrow(/row 0 is -0.1/);
  });
});

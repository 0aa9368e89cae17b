import { describe, expect, test } from 'vitest';
import { logLoss } from './log-loss.ts';
import { FOUR_LABELS, FOUR_SCORES } from './test-fixtures.ts';

describe('logLoss', () => {
  test('4-row case by hand: -(ln 0.9 + ln 0.6 + ln 0.35 + ln 0.8) / 4', () => {
    expect(logLoss(FOUR_SCORES, FOUR_LABELS)).toBeCloseTo(0.47228795380917615, 14);
  });

  test('scores exactly 0 and 1 that are right give a finite loss near 0', () => {
    const v = logLoss(new Float64Array([0, 1]), new Uint8Array([0, 1]));
    expect(v).not.toBeNull();
    expect(v).toBeGreaterThan(0);
    expect(v).toBeLessThan(1e-14);
  });

  test('scores exactly 0 and 1 that are wrong stay finite thanks to clipping at 1e-15', () => {
    // -ln(1e-15) = 34.5388; the other side clips to 1 - 1e-15, whose complement rounds to 9.992e-16.
    const v = logLoss(new Float64Array([0, 1]), new Uint8Array([1, 0]));
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeCloseTo(34.53917619362578, 9);
  });

  test('empty input gives null', () => {
    expect(logLoss(new Float64Array(0), new Uint8Array(0))).toBeNull();
  });

  test('NaN score is rejected', () => {
    expect(() => logLoss(new Float64Array([NaN]), new Uint8Array([0]))).toThrow(/row 0 is NaN/);
  });
});

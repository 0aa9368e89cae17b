import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { LOG_LOSS_EPS, logLoss } from './log-loss.ts';
import { FOUR_LABELS, FOUR_SCORES } from './test-fixtures.ts';

const sklearn = JSON.parse(readFileSync(new URL('../../../test/fixtures/sklearn/log-loss.json', import.meta.url), 'utf8')) as {
  sklearn_version: string; labels: number[]; scores: number[]; log_loss: number; eps: number;
};

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

  test('scores exactly 0 and 1 that are wrong stay finite thanks to clipping at float64 epsilon', () => {
    // -ln(2^-52) = 36.0437; the other side clips to 1 - 2^-52, whose complement is 2^-52 exactly.
    const v = logLoss(new Float64Array([0, 1]), new Uint8Array([1, 0]));
    expect(LOG_LOSS_EPS).toBe(2 ** -52);
    expect(v).toBeCloseTo(-Math.log(2 ** -52), 12);
  });

  test(`scores of exactly 0 and 1 equal scikit-learn ${sklearn.sklearn_version}'s log_loss (eps="auto")`, () => {
    expect(sklearn.eps).toBe(LOG_LOSS_EPS);
    expect(logLoss(Float64Array.from(sklearn.scores), Uint8Array.from(sklearn.labels))).toBeCloseTo(sklearn.log_loss, 12);
  });

  test('empty input gives null', () => {
    expect(logLoss(new Float64Array(0), new Uint8Array(0))).toBeNull();
  });

  test('NaN score is rejected', () => {
    expect(() => logLoss(new Float64Array([NaN]), new Uint8Array([0]))).toThrow(/row 0 is NaN/);
  });
});

import { describe, expect, test } from 'vitest';
import { binaryReport } from './binary-report.ts';
import { thresholdSweep } from './sweep.ts';
import { FOUR_LABELS, FOUR_SCORES } from './test-fixtures.ts';

const KEYS = [
  'n', 'n_pos', 'n_neg', 'threshold', 'tp', 'fp', 'tn', 'fn', 'accuracy', 'precision', 'recall', 'specificity',
  'f1', 'balanced_accuracy', 'mcc', 'roc_auc', 'average_precision', 'brier', 'log_loss', 'ece', 'mce',
];

describe('binaryReport', () => {
  test('uses exactly the shared JSON keys, in order', () => {
    expect(Object.keys(binaryReport(FOUR_SCORES, FOUR_LABELS, 0.5))).toEqual(KEYS);
  });

  test('4-row case at 0.5, every value by hand', () => {
    const r = binaryReport(FOUR_SCORES, FOUR_LABELS, 0.5);
    expect(r).toMatchObject({ n: 4, n_pos: 2, n_neg: 2, threshold: 0.5, tp: 1, fp: 0, tn: 2, fn: 1 });
    expect(r).toMatchObject({ accuracy: 0.75, precision: 1, recall: 0.5, specificity: 1, balanced_accuracy: 0.75 });
    expect(r.f1).toBeCloseTo(2 / 3, 15);
    expect(r.mcc).toBeCloseTo(2 / Math.sqrt(12), 15);
    expect(r.roc_auc).toBe(0.75);
    expect(r.average_precision).toBeCloseTo(5 / 6, 15);
    expect(r.brier).toBeCloseTo(0.158125, 15);
    expect(r.log_loss).toBeCloseTo(0.47228795380917615, 14);
    expect(r.ece).toBeCloseTo(0.3375, 15);
    expect(r.mce).toBeCloseTo(0.65, 15);
  });

  test('no predicted positives: precision is null, not 0', () => {
    const r = binaryReport(FOUR_SCORES, FOUR_LABELS, 0.95);
    expect(r.tp + r.fp).toBe(0);
    expect(r.precision).toBeNull();
    expect(r.recall).toBe(0);
    expect(r.mcc).toBeNull();
  });

  test('one class only: AUC and AP are null, calibration still reported', () => {
    const r = binaryReport(new Float64Array([0.2, 0.7, 0.9]), new Uint8Array([1, 1, 1]), 0.5);
    expect(r.roc_auc).toBeNull();
    expect(r.average_precision).toBeNull();
    expect(r.specificity).toBeNull();
    expect(r.balanced_accuracy).toBeNull();
    expect(r.recall).toBeCloseTo(2 / 3, 15);
    expect(r.brier).toBeCloseTo((0.64 + 0.09 + 0.01) / 3, 15);
  });

  test('empty input: n = 0 and every ratio null, no crash', () => {
    const r = binaryReport(new Float64Array(0), new Uint8Array(0), 0.5);
    expect(r).toMatchObject({ n: 0, n_pos: 0, n_neg: 0, tp: 0, fp: 0, tn: 0, fn: 0 });
    for (const k of KEYS.slice(8)) expect(r[k as keyof typeof r]).toBeNull();
  });

  test('scores outside [0, 1] keep ranking metrics but null the probability ones', () => {
    const r = binaryReport(new Float64Array([-2, 0.5, 3]), new Uint8Array([0, 1, 1]), 0);
    expect(r.roc_auc).toBe(1);
    expect(r.tp).toBe(2);
    expect(r.brier).toBeNull();
    expect(r.log_loss).toBeNull();
    expect(r.ece).toBeNull();
    expect(r.mce).toBeNull();
  });

  test('NaN score and mismatched lengths are rejected', () => {
    expect(() => binaryReport(new Float64Array([0.1, NaN]), new Uint8Array([0, 1]), 0.5)).toThrow(/row 1 is NaN/);
    expect(() => binaryReport(new Float64Array(2), new Uint8Array(3), 0.5)).toThrow(/same length/);
  });

  test('a sweep of other rows is caught: the probability metrics are not computed on unchecked input', () => {
    const sweep = thresholdSweep(new Float64Array([0.1, 0.9]), new Uint8Array([0, 1]));
    expect(() => binaryReport(new Float64Array([0.1, 0.9, 0.5]), new Uint8Array([0, 1, 2]), 0.5, sweep)).toThrow(/label at row 2 is 2/);
  });

  test('calibration passed in is the one reported (ECE, MCE)', () => {
    const own = binaryReport(FOUR_SCORES, FOUR_LABELS, 0.5);
    const given = binaryReport(FOUR_SCORES, FOUR_LABELS, 0.5, undefined, { bins: [], ece: 0.25, mce: 0.5 });
    expect([given.ece, given.mce]).toEqual([0.25, 0.5]);
    expect({ ...given, ece: own.ece, mce: own.mce }).toEqual(own);
  });
});

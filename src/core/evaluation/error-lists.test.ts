import { describe, expect, test } from 'vitest';
import { errorLists } from './error-lists.ts';

// Threshold 0.5, dyadic scores so every margin is exact. Snapshot row = 100 + index.
//   index:  0      1     2     3      4    5       6      7     8      9
//   score:  .9375  .875  .75   .625   .5   .4375   .375   .25   .125   .0625
//   label:  0      1     0     1      0    1       0      1     1      0
//   FP at 0, 2, 4 (4 sits exactly on the threshold, so it is flagged); FN at 5, 7, 8.
const scores = Float64Array.from([0.9375, 0.875, 0.75, 0.625, 0.5, 0.4375, 0.375, 0.25, 0.125, 0.0625]);
const labels = Uint8Array.from([0, 1, 0, 1, 0, 1, 0, 1, 1, 0]);
const rows = Int32Array.from(scores, (_, i) => 100 + i);

describe('errorLists', () => {
  test('FPs highest score first, FNs lowest first, low confidence by |margin| with earlier index on ties', () => {
    const e = errorLists(rows, scores, labels, 0.5);
    expect(e.false_positives.map((r) => r.index)).toEqual([0, 2, 4]);
    expect(e.false_negatives.map((r) => r.index)).toEqual([8, 7, 5]);
    // |margin|: 4 -> 0, 5 -> .0625, 3 and 6 -> .125, 2 and 7 -> .25, 1 and 8 -> .375, 0 and 9 -> .4375
    expect(e.low_confidence.map((r) => r.index)).toEqual([4, 5, 3, 6, 2, 7, 1, 8, 0, 9]);
    expect(e.totals).toEqual({ false_positives: 3, false_negatives: 3, low_confidence: 10 });
  });

  test('rows carry snapshot row, score, label, prediction and margin', () => {
    const e = errorLists(rows, scores, labels, 0.5);
    expect(e.false_positives[2]).toEqual({ row: 104, index: 4, score: 0.5, label: 0, predicted: 1, margin: 0 });
    expect(e.false_negatives[0]).toEqual({ row: 108, index: 8, score: 0.125, label: 1, predicted: 0, margin: -0.375 });
    expect(e.low_confidence[2]).toEqual({ row: 103, index: 3, score: 0.625, label: 1, predicted: 1, margin: 0.125 });
  });

  test('limit cuts the lists but not the totals', () => {
    const e = errorLists(rows, scores, labels, 0.5, 2);
    expect(e.false_positives.map((r) => r.index)).toEqual([0, 2]);
    expect(e.false_negatives.map((r) => r.index)).toEqual([8, 7]);
    expect(e.low_confidence.map((r) => r.index)).toEqual([4, 5]);
    expect(e.totals).toEqual({ false_positives: 3, false_negatives: 3, low_confidence: 10 });
    expect(errorLists(rows, scores, labels, 0.5, 0).false_positives).toEqual([]);
  });

  test('works for any input order (the kept top-k stays sorted)', () => {
    const order = [9, 3, 0, 7, 4, 1, 8, 2, 6, 5];
    const e = errorLists(Int32Array.from(order, (i) => 100 + i), Float64Array.from(order, (i) => scores[i]), Uint8Array.from(order, (i) => labels[i]), 0.5, 2);
    expect(e.false_positives.map((r) => r.row)).toEqual([100, 102]);
    expect(e.false_negatives.map((r) => r.row)).toEqual([108, 107]);
    expect(e.low_confidence.map((r) => r.row)).toEqual([104, 105]);
  });

  test('mismatched lengths throw', () => {
    expect(() => errorLists(rows.subarray(1), scores, labels, 0.5)).toThrow(/same length/);
  });
});

import { describe, expect, test } from 'vitest';
import { assignFolds, medianImputed, outOfFoldTargetMean, withinFoldAuc } from './feature-power.ts';
import { allRows } from './test-fixtures.ts';

describe('outOfFoldTargetMean', () => {
  test('hand-computed: each row sees only the other fold, smoothed toward the prior', () => {
    // prior = 3/6 = 0.5, m = 1. Row 0 (cat 0, fold 0) sees row 1 (y 1): (1 + 0.5) / 2 = 0.75.
    const codes = Int32Array.from([0, 0, 0, 1, 1, 1]);
    const y = Uint8Array.from([1, 1, 0, 0, 0, 1]);
    const folds = Uint8Array.from([0, 1, 0, 1, 0, 1]);
    const encoded = outOfFoldTargetMean(codes, 2, y, allRows(6), folds, 2, 1);
    expect([...encoded]).toEqual([0.75, 0.5, 0.75, 0.25, 0.5, 0.25]);
  });

  test('missing cells form their own category', () => {
    const codes = Int32Array.from([-1, -1, 0, 0]);
    const y = Uint8Array.from([1, 1, 0, 0]);
    const encoded = outOfFoldTargetMean(codes, 1, y, allRows(4), Uint8Array.from([0, 1, 0, 1]), 2, 0);
    expect([...encoded]).toEqual([1, 1, 0, 0]);
  });

  test('a unique value per row earns nothing: every row gets the prior', () => {
    const n = 40;
    const codes = Int32Array.from(allRows(n));
    const y = Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const encoded = outOfFoldTargetMean(codes, n, y, allRows(n), assignFolds(n, 5, 7), 5);
    const prior = 14 / 40;
    for (const v of encoded) expect(v).toBeCloseTo(prior, 12);
  });

  test('only `rows` are read, in their order', () => {
    const codes = Int32Array.from([0, 1, 0, 1]);
    const y = Uint8Array.from([1, 0, 1, 0]);
    // Rows 3 and 0 in folds 0 and 1: neither sees its own category in the other fold, so both get the prior 0.5.
    const encoded = outOfFoldTargetMean(codes, 2, y, Int32Array.from([3, 0]), Uint8Array.from([0, 1]), 2, 2);
    expect([...encoded]).toEqual([0.5, 0.5]);
  });
});

describe('assignFolds', () => {
  test('balanced folds, same for the same seed', () => {
    const folds = assignFolds(23, 5, 42);
    const sizes = [0, 0, 0, 0, 0];
    for (const f of folds) sizes[f]++;
    expect(sizes.sort()).toEqual([4, 4, 5, 5, 5]);
    expect(assignFolds(23, 5, 42)).toEqual(folds);
    expect(assignFolds(23, 5, 43)).not.toEqual(folds);
  });
});

describe('medianImputed', () => {
  test('fills NaN with the median of the chosen rows only', () => {
    const values = Float64Array.from([1, NaN, 3, 4, 100]);
    expect([...(medianImputed(values, Int32Array.from([0, 1, 2, 3])) ?? [])]).toEqual([1, 3, 3, 4]);
    expect([...(medianImputed(values, Int32Array.from([1, 0, 2])) ?? [])]).toEqual([2, 1, 3]);
    expect(medianImputed(values, Int32Array.from([1]))).toBeNull();
  });
});

describe('withinFoldAuc', () => {
  test('pools pairs within each fold only (hand-computed)', () => {
    // Fold 0: 0.9 beats 0.1 and 0.5 → AUC 1 over 2 pairs. Fold 1: 0.8 beats 0.2, ties 0.8 → 0.75 over 2 pairs.
    // Pooled (1·2 + 0.75·2) / 4 = 0.875; the plain AUC over all rows would be 7.5 / 8.
    const scores = Float64Array.from([0.9, 0.1, 0.5, 0.2, 0.8, 0.8]);
    const y = Uint8Array.from([1, 0, 0, 0, 1, 0]);
    expect(withinFoldAuc(scores, y, allRows(6), Uint8Array.from([0, 0, 0, 1, 1, 1]), 2)).toBe(0.875);
  });

  test('folds with one class are skipped; none with both gives null', () => {
    const scores = Float64Array.from([0.9, 0.1, 0.3, 0.4]);
    const y = Uint8Array.from([1, 0, 0, 0]);
    expect(withinFoldAuc(scores, y, allRows(4), Uint8Array.from([0, 0, 1, 1]), 2)).toBe(1);
    expect(withinFoldAuc(scores, y, allRows(4), Uint8Array.from([0, 1, 1, 1]), 2)).toBeNull();
  });
});

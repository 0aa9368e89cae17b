import { describe, expect, test } from 'vitest';
import { allRows } from './test-fixtures.ts';
import { withinFoldAuc } from './within-fold-auc.ts';

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

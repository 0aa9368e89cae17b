import { describe, expect, test } from 'vitest';
import type { Column } from '../data/column.ts';
import type { Snapshot } from '../data/snapshot.ts';
import { errorClusters } from './error-clusters.ts';

function snapshot(columns: Column[], rowCount: number): Snapshot {
  return { id: 'x'.repeat(64), fileName: 't.csv', byteLength: 0, rowCount, delimiter: ',', columns, warnings: [] };
}
const cat = (name: string, categories: string[], codes: number[]): Column => ({ name, type: 'categorical', codes: Int32Array.from(codes), categories, missing: 0, distinct: categories.length });

// 10 rows, threshold 0.5. Rows 0-3 male, 4-9 female; ages 10, 20, ..., 100.
//   FP (label 0, score .9): rows 0-4 -> 4 of 5 FPs are male, while 4 of 10 rows are: lift 0.8 / 0.4 = 2.
//   FN (label 1, score .1): rows 5-7, all female: lift 1 / 0.6.
//   TN: rows 8, 9.
// Age quartile edges over 10..100 are 10, 32.5, 55, 77.5, 100: FPs 0-2 fill [10, 32.5) (3 of 10 rows) -> lift 2.
const snap = snapshot(
  [cat('sex', ['male', 'female'], [0, 0, 0, 0, 1, 1, 1, 1, 1, 1]), { name: 'age', type: 'numeric', values: Float64Array.from({ length: 10 }, (_, i) => 10 * (i + 1)), missing: 0, distinct: 10 }],
  10,
);
const rows = Int32Array.from({ length: 10 }, (_, i) => i);
const scores = Float64Array.from([0.9, 0.9, 0.9, 0.9, 0.9, 0.1, 0.1, 0.1, 0.1, 0.1]);
const labels = Uint8Array.from([0, 0, 0, 0, 0, 1, 1, 1, 0, 0]);

describe('errorClusters', () => {
  test('lift is share among errors over share among all rows; ties go to higher support', () => {
    const c = errorClusters(snap, ['sex', 'age'], rows, scores, labels, 0.5);
    expect(c.false_positives).toHaveLength(2); // female (1 FP) and the other age bins (<= 2 FPs) lack support 3
    expect(c.false_positives[0]).toEqual({ column: 'sex', value: 'male', support: 4, errors: 5, share_errors: 0.8, share_all: 0.4, lift: 2 });
    expect(c.false_positives[1]).toMatchObject({ column: 'age', value: '[10, 32.5)', support: 3, errors: 5, share_errors: 0.6, share_all: 0.3 });
    expect(c.false_positives[1].lift).toBeCloseTo(2, 12);
    expect(c.false_negatives).toHaveLength(1); // FNs sit in two age bins (2 + 1): neither reaches 3
    expect(c.false_negatives[0]).toMatchObject({ column: 'sex', value: 'female', support: 3, errors: 3, share_errors: 1, share_all: 0.6 });
    expect(c.false_negatives[0].lift).toBeCloseTo(1 / 0.6, 12);
  });

  test('limit keeps the top clusters', () => {
    expect(errorClusters(snap, ['sex', 'age'], rows, scores, labels, 0.5, 1).false_positives.map((c) => c.value)).toEqual(['male']);
  });

  test('support must also reach 5% of the errors', () => {
    // 200 negatives: the first 100 score 1 (false positives: 4 "x", 96 "y"), the rest score 0 and are all "z".
    // Min support is max(3, 5% of 100) = 5, so "x" (4 rows, lift 2) is dropped and "y" (lift 2) kept; "z" is never
    // an error value, and a value whose lift is not above 1 would not count either.
    const g = Array.from({ length: 200 }, (_, i) => (i < 4 ? 0 : i < 100 ? 1 : 2));
    const s = snapshot([cat('g', ['x', 'y', 'z'], g)], 200);
    const scores = Float64Array.from({ length: 200 }, (_, i) => (i < 100 ? 1 : 0));
    const c = errorClusters(s, ['g'], Int32Array.from(g.keys()), scores, new Uint8Array(200), 0.5);
    expect(c.false_positives.map((k) => [k.value, k.support, k.lift])).toEqual([['y', 96, 2]]);
    expect(c.false_negatives).toEqual([]);
  });

  test('a value no commoner among the errors than overall (lift 1) is not a cluster', () => {
    const g = Array.from({ length: 100 }, (_, i) => (i < 50 ? 0 : 1));
    const s = snapshot([cat('g', ['x', 'y'], g)], 100);
    const c = errorClusters(s, ['g'], Int32Array.from(g.keys()), new Float64Array(100).fill(1), new Uint8Array(100), 0.5);
    expect(c.false_positives).toEqual([]);
  });
});

import { describe, expect, test } from 'vitest';
import { splitScoredRows } from './split-scored-rows.ts';

describe('splitScoredRows', () => {
  test('keeps rows, scores, labels, classes and probability rows aligned on both sides', () => {
    const scored = {
      rows: Int32Array.from([10, 11, 12, 13]), scores: Float64Array.from([0.1, 0.2, 0.3, 0.4]), labels: Uint8Array.from([0, 1, 0, 1]),
      classIndex: Uint8Array.from([2, 0, 1, 0]), probabilities: Float64Array.from([0, 0, 1, 1, 0, 0, 0, 1, 0, 0.5, 0.25, 0.25]),
    };
    const [odd, even] = splitScoredRows(scored, (row) => row % 2 === 1, 3);
    expect(Array.from(odd.rows)).toEqual([11, 13]);
    expect(Array.from(odd.scores)).toEqual([0.2, 0.4]);
    expect(Array.from(odd.labels)).toEqual([1, 1]);
    expect(Array.from(odd.classIndex ?? [])).toEqual([0, 0]);
    expect(Array.from(odd.probabilities ?? [])).toEqual([1, 0, 0, 0.5, 0.25, 0.25]);
    expect(Array.from(even.rows)).toEqual([10, 12]);
    expect(Array.from(even.probabilities ?? [])).toEqual([0, 0, 1, 0, 1, 0]);
  });
});

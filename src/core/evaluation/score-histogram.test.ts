import { describe, expect, test } from 'vitest';
import { scoreHistogram } from './score-histogram.ts';

describe('scoreHistogram', () => {
  test('scores on a bin edge land in the bin that starts there (0.6 and 0.7 despite floating point), 1 in the last', () => {
    const h = scoreHistogram(Float64Array.from([0, 0.6, 0.7, 0.05, 1]), Uint8Array.from([0, 1, 1, 0, 1]), 20);
    expect(h.edges).toHaveLength(21);
    expect(h.positives[12]).toBe(1);
    expect(h.positives[14]).toBe(1);
    expect(h.positives[19]).toBe(1);
    expect(h.negatives[0]).toBe(1);
    expect(h.negatives[1]).toBe(1);
  });
});

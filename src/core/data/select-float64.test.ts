import { describe, expect, it } from 'vitest';
import { selectFloat64 } from './select-float64';

describe('selectFloat64', () => {
  it('returns the k-th smallest of a hand-written array', () => {
    const values = [5, 1, 4, 1, 5, 9, 2, 6];
    // sorted: 1 1 2 4 5 5 6 9
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((k) => selectFloat64(Float64Array.from(values), k))).toEqual([1, 1, 2, 4, 5, 5, 6, 9]);
  });

  it('agrees with a full sort on random, tied and sorted inputs', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const inputs = [
      Float64Array.from({ length: 1001 }, () => next() * 100 - 50),
      Float64Array.from({ length: 500 }, () => Math.floor(next() * 3)),
      Float64Array.from({ length: 300 }, (_, i) => i),
      Float64Array.from({ length: 300 }, (_, i) => -i),
      new Float64Array(64).fill(2.5),
    ];
    for (const input of inputs) {
      const sorted = Float64Array.from(input).sort();
      for (const k of [0, 1, input.length >> 1, input.length - 1]) expect(selectFloat64(Float64Array.from(input), k)).toBe(sorted[k]);
    }
  });

  it('refuses k outside the array', () => {
    expect(() => selectFloat64(new Float64Array(3), 3)).toThrow('select: k = 3 is outside 0..2');
  });
});

import { describe, expect, test } from 'vitest';
import { histogram } from './histogram.ts';

const sorted = (xs: number[]): Float64Array => Float64Array.from(xs).sort();

describe('histogram', () => {
  test('0..99 gives 20 bins of width 4.95 holding 5 values each (numpy.histogram agrees)', () => {
    const bins = histogram(sorted(Array.from({ length: 100 }, (_, i) => i)), 100);
    expect(bins).toHaveLength(20);
    expect(bins.map((b) => b.count)).toEqual(new Array(20).fill(5));
    expect(bins[0].x0).toBe(0);
    expect(bins[1].x0).toBeCloseTo(4.95, 12);
    expect(bins[19].x1).toBe(99);
  });

  test('few distinct values get one bin each; the maximum lands in the last bin', () => {
    const bins = histogram(sorted([0, 1, 2, 2, 3, 3, 3, 4]), 5);
    expect(bins.map((b) => b.count)).toEqual([1, 1, 2, 3, 1]);
    expect(bins.map((b) => b.x0)).toEqual([0, 0.8, 1.6, 2.4, 3.2].map((x) => expect.closeTo(x, 12)));
    expect(bins[4].x1).toBe(4);
  });

  test('a constant column gives one zero-width bin; an empty one gives none', () => {
    expect(histogram(sorted([4, 4, 4]), 1)).toEqual([{ x0: 4, x1: 4, count: 3 }]);
    expect(histogram(new Float64Array(0), 0)).toEqual([]);
  });
});

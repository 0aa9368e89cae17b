import { describe, expect, test } from 'vitest';
import { quantileSorted, quantiles } from './quantiles.ts';

const sorted = (xs: number[]): Float64Array => Float64Array.from(xs).sort();

describe('quantiles (linear interpolation, as numpy.percentile)', () => {
  test('0..9 gives p5 0.45, p25 2.25, p50 4.5, p75 6.75, p95 8.55', () => {
    const q = quantiles(sorted([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(q.p0).toBe(0);
    expect(q.p5).toBeCloseTo(0.45, 12);
    expect(q.p25).toBeCloseTo(2.25, 12);
    expect(q.p50).toBeCloseTo(4.5, 12);
    expect(q.p75).toBeCloseTo(6.75, 12);
    expect(q.p95).toBeCloseTo(8.55, 12);
    expect(q.p100).toBe(9);
  });

  test('unevenly spaced values with repeats match numpy', () => {
    // numpy.percentile([2.5,1,4,4,7.25,10,3,3,3,0.5], [5,25,50,95]) = [0.725, 2.625, 3, 8.7625]
    const s = sorted([2.5, 1, 4, 4, 7.25, 10, 3, 3, 3, 0.5]);
    expect(quantileSorted(s, 0.05)).toBeCloseTo(0.725, 12);
    expect(quantileSorted(s, 0.25)).toBeCloseTo(2.625, 12);
    expect(quantileSorted(s, 0.5)).toBe(3);
    expect(quantileSorted(s, 0.95)).toBeCloseTo(8.7625, 12);
  });

  test('one value is every quantile; no values gives NaN', () => {
    expect(quantiles(sorted([7]))).toEqual({ p0: 7, p5: 7, p25: 7, p50: 7, p75: 7, p95: 7, p100: 7 });
    expect(quantileSorted(new Float64Array(0), 0.5)).toBeNaN();
  });
});

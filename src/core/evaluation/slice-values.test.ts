import { describe, expect, test } from 'vitest';
import type { CategoricalColumn, Column } from '../data/column.ts';
import { sliceValues } from './slice-values.ts';

const numeric = (values: number[]): Column => ({ name: 'x', type: 'numeric', values: Float64Array.from(values), missing: values.filter(Number.isNaN).length, distinct: new Set(values).size });
const categorical = (categories: string[], codes: number[]): CategoricalColumn => ({ name: 'c', type: 'categorical', codes: Int32Array.from(codes), categories, missing: codes.filter((c) => c < 0).length, distinct: categories.length });
const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe('sliceValues: numeric quantile bins', () => {
  test('edges are numpy linear quantiles: [0.5, 1, 3, 7, 12.3, 20] -> 0.5, 1.5, 5, 10.975, 20', () => {
    // positions q*(n-1) = 0, 1.25, 2.5, 3.75, 5: 1 + 0.25*2, 3 + 0.5*4, 7 + 0.75*5.3
    const s = sliceValues(numeric([7, 0.5, 20, 3, 12.3, 1]), all(6));
    expect(s.labels).toEqual(['[0.5, 1.5)', '[1.5, 5)', '[5, 10.98)', '[10.98, 20]']);
    expect(Array.from(s.index)).toEqual([2, 0, 3, 1, 3, 0]);
  });

  test('1..8 in 4 bins: edges 1, 2.75, 4.5, 6.25, 8; the max lands in the closed last bin', () => {
    const s = sliceValues(numeric([1, 2, 3, 4, 5, 6, 7, 8]), all(8));
    expect(s.labels).toEqual(['[1, 2.75)', '[2.75, 4.5)', '[4.5, 6.25)', '[6.25, 8]']);
    expect(Array.from(s.index)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  test('quantiles come from the given rows only, and index follows rows order', () => {
    // rows 4, 0, 2 hold 5, 1, 3: edges over [1, 3, 5] in 2 bins are 1, 3, 5.
    const s = sliceValues(numeric([1, 100, 3, -100, 5]), Int32Array.from([4, 0, 2]), 2);
    expect(s.labels).toEqual(['[1, 3)', '[3, 5]']);
    expect(Array.from(s.index)).toEqual([1, 0, 1]);
  });

  test('duplicate edges are removed: [0,0,0,0,0,0.5,1,2,3] -> edges 0, 1, 3', () => {
    // quantiles at positions 0, 2, 4, 6, 8 are 0, 0, 0, 1, 3
    const s = sliceValues(numeric([0, 0, 0, 0, 0, 0.5, 1, 2, 3]), all(9));
    expect(s.labels).toEqual(['[0, 1)', '[1, 3]']);
    expect(Array.from(s.index)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1]);
  });

  test('no more distinct values than bins: one slice per value, ascending (pclass 1, 2, 3; a constant)', () => {
    const pclass = sliceValues(numeric([3, 1, 2, 3, NaN, 1]), all(6));
    expect(pclass.labels).toEqual(['1', '2', '3', '(missing)']);
    expect(Array.from(pclass.index)).toEqual([2, 0, 1, 2, 3, 0]);
    expect(sliceValues(numeric([5, 5, 5]), all(3)).labels).toEqual(['5']);
    // Five distinct values in 4 bins are binned again.
    expect(sliceValues(numeric([1, 2, 3, 4, 5]), all(5)).labels).toEqual(['[1, 2)', '[2, 3)', '[3, 4)', '[4, 5]']);
  });

  test('missing cells form a final "(missing)" slice', () => {
    const s = sliceValues(numeric([NaN, 1, 2, NaN, 3]), all(5), 2);
    expect(s.labels).toEqual(['[1, 2)', '[2, 3]', '(missing)']);
    expect(Array.from(s.index)).toEqual([2, 0, 1, 2, 1]);
  });

  test('all missing gives only "(missing)"', () => {
    const s = sliceValues(numeric([NaN, NaN]), all(2));
    expect(s.labels).toEqual(['(missing)']);
    expect(Array.from(s.index)).toEqual([0, 0]);
  });

  test('edge labels gain digits only when rounding would merge them', () => {
    expect(sliceValues(numeric([1.00001, 1.00002]), all(2), 1).labels).toEqual(['[1.00001, 1.00002]']);
  });

  test('whole-day datetime edges print as dates', () => {
    const day = 86_400_000;
    const col: Column = { name: 'd', type: 'datetime', values: Float64Array.from([0, 2 * day, 4 * day]), missing: 0, distinct: 3, format: 'iso' };
    expect(sliceValues(col, all(3), 2).labels).toEqual(['[1970-01-01, 1970-01-03)', '[1970-01-03, 1970-01-05]']);
  });

  test('bins must be a positive integer', () => {
    expect(() => sliceValues(numeric([1]), all(1), 0)).toThrow(RangeError);
  });
});

describe('sliceValues: categories', () => {
  test('most frequent first, ties in category order, missing last', () => {
    // counts: a 1, b 2, c 2, missing 1
    const s = sliceValues(categorical(['a', 'b', 'c', 'unused'], [2, 0, 1, -1, 2, 1]), all(6));
    expect(s.labels).toEqual(['b', 'c', 'a', '(missing)']);
    expect(Array.from(s.index)).toEqual([1, 2, 0, 3, 1, 0]);
  });

  test('booleans slice like categories', () => {
    const col: Column = { name: 'flag', type: 'boolean', codes: Int32Array.from([1, 1, 0]), categories: ['false', 'true'], missing: 0, distinct: 2 };
    expect(sliceValues(col, all(3)).labels).toEqual(['true', 'false']);
  });

  test('beyond 30 categories the rest merge into "(other)"', () => {
    // 32 categories: k0 appears 3 times, k1 twice, k2..k31 once; k30 and k31 are the tail.
    const categories = Array.from({ length: 32 }, (_, k) => `k${k}`);
    const codes = [0, 0, 0, 1, 1, ...Array.from({ length: 30 }, (_, k) => k + 2)];
    const s = sliceValues(categorical(categories, codes), all(codes.length));
    expect(s.labels).toHaveLength(31);
    expect(s.labels.slice(0, 3)).toEqual(['k0', 'k1', 'k2']);
    expect(s.labels[29]).toBe('k29');
    expect(s.labels[30]).toBe('(other)');
    expect(s.index[codes.length - 2]).toBe(30); // k30
    expect(s.index[codes.length - 1]).toBe(30); // k31
  });
});

import { describe, expect, test } from 'vitest';
import { createRandom } from '../random.ts';
import { sortFloat64 } from './sort-float64.ts';

// The built-in typed-array sort is the oracle: it also orders -0 before +0.
const reference = (a: Float64Array): number[] => Array.from(a.slice().sort());

describe('sortFloat64', () => {
  test('short arrays (the native sort) and long ones (11-bit and 16-bit radix passes) agree with the oracle around both cut-overs', () => {
    const random = createRandom(4);
    for (const n of [0, 1, 1999, 2000, 2001, 99_999, 100_000]) {
      const a = Float64Array.from({ length: n }, () => (random.next() - 0.5) * 1e6);
      expect(Array.from(sortFloat64(a.slice()))).toEqual(reference(a));
    }
  });

  test('matches a comparator sort on 20,000 mixed-sign values with duplicates, zeros and infinities', () => {
    const random = createRandom(3);
    const a = Float64Array.from({ length: 20000 }, (_, i) => (i % 97 === 0 ? 0 : i % 89 === 0 ? -Infinity : i % 83 === 0 ? Infinity : (random.next() - 0.5) * 10 ** random.nextInt(12)));
    a[10] = -0;
    a[11] = 1e-310;
    a[12] = -1e-310;
    expect(Array.from(sortFloat64(a.slice()))).toEqual(reference(a));
  });

  test('both radix widths handle signs, zeros, subnormals and infinities alike', () => {
    const random = createRandom(5);
    for (const n of [5000, 120_000]) {
      const a = Float64Array.from({ length: n }, (_, i) => (i % 31 === 0 ? -0 : i % 37 === 0 ? 0 : i % 41 === 0 ? -Infinity : i % 43 === 0 ? Infinity : i % 47 === 0 ? -5e-324 : (random.next() - 0.5) * 10 ** (random.nextInt(40) - 20)));
      expect(Array.from(sortFloat64(a.slice()))).toEqual(reference(a));
    }
  });

  test('integer-valued and constant arrays (passes where every key shares the digit are skipped)', () => {
    const ints = Float64Array.from({ length: 12000 }, (_, i) => (i * 7919) % 1000);
    expect(Array.from(sortFloat64(ints.slice()))).toEqual(reference(ints));
    const constant = new Float64Array(8000).fill(42.5);
    expect(Array.from(sortFloat64(constant.slice()))).toEqual(reference(constant));
  });

  test('sorts a subarray view in place without touching the rest of the buffer', () => {
    const buffer = Float64Array.from({ length: 12000 }, (_, i) => 12000 - i);
    const view = buffer.subarray(1000, 9000);
    sortFloat64(view);
    expect(Array.from(view)).toEqual(Array.from({ length: 8000 }, (_, i) => 3001 + i));
    expect(buffer[0]).toBe(12000);
    expect(buffer[11999]).toBe(1);
  });
});

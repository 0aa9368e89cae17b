import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { defaultTimeCuts } from './default-time-cuts.ts';
import { categoricalColumn, datetimeColumn, numericColumn, range } from './test-columns.ts';
import { timeSplit } from './time-split.ts';

describe('timeSplit', () => {
  test('property: train < cut0 <= validation < cut1 <= test, missing times dropped and counted', () => {
    const time = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(NaN));
    fc.assert(
      fc.property(
        fc.array(time, { maxLength: 60 }),
        fc.integer({ min: -5, max: 105 }),
        fc.integer({ min: 0, max: 50 }),
        (ts, c0, width) => {
          const cuts = [c0, c0 + width] as const;
          const column = datetimeColumn('at', ts);
          const s = timeSplit(range(ts.length), column, cuts);
          const t = (p: Int32Array): number[] => Array.from(p, (r) => ts[r]);
          for (const v of t(s.train)) expect(v).toBeLessThan(cuts[0]);
          for (const v of t(s.validation)) {
            expect(v).toBeGreaterThanOrEqual(cuts[0]);
            expect(v).toBeLessThan(cuts[1]);
          }
          for (const v of t(s.test)) expect(v).toBeGreaterThanOrEqual(cuts[1]);
          const trainMax = Math.max(...t(s.train));
          const valMin = Math.min(...t(s.validation));
          const valMax = Math.max(...t(s.validation));
          const testMin = Math.min(...t(s.test));
          expect(trainMax).toBeLessThan(valMin);
          expect(trainMax).toBeLessThan(testMin);
          expect(valMax).toBeLessThan(testMin);
          const missing = ts.filter((v) => Number.isNaN(v)).length;
          expect(s.droppedMissingTime).toBe(missing);
          expect(s.train.length + s.validation.length + s.test.length).toBe(ts.length - missing);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('hand case: boundaries go to the later split and parts are ascending Int32Arrays', () => {
    const column = numericColumn('t', [5, 1, NaN, 3, 4, 2, 6, NaN, 0]);
    const s = timeSplit(range(9), column, [3, 5]);
    expect(Array.from(s.train)).toEqual([1, 5, 8]); // times 1, 2, 0
    expect(Array.from(s.validation)).toEqual([3, 4]); // times 3, 4
    expect(Array.from(s.test)).toEqual([0, 6]); // times 5, 6
    expect(s.droppedMissingTime).toBe(2);
    expect(s.train).toBeInstanceOf(Int32Array);
  });

  test('equal cuts give an empty validation split', () => {
    const s = timeSplit(range(4), numericColumn('t', [0, 1, 2, 3]), [2, 2]);
    expect([s.train.length, s.validation.length, s.test.length]).toEqual([2, 0, 2]);
  });

  test('cuts out of order throw a clear error', () => {
    expect(() => timeSplit(range(3), numericColumn('t', [0, 1, 2]), [5, 1])).toThrow(/out of order/);
  });

  test('a categorical time column throws a message naming the column', () => {
    expect(() => timeSplit(range(2), categoricalColumn('city', ['a', 'b']), [0, 1])).toThrow(/"city"/);
  });
});

describe('defaultTimeCuts', () => {
  test('0..9: 60% quantile 5.4 and 80% quantile 7.2 (numpy linear)', () => {
    const [c0, c1] = defaultTimeCuts(range(10), numericColumn('t', [9, 0, 8, 1, 7, 2, 6, 3, 5, 4]));
    expect(c0).toBeCloseTo(5.4, 12);
    expect(c1).toBeCloseTo(7.2, 12);
  });

  test('ignores missing times and rows not in `rows`; custom fractions', () => {
    // Eligible times 10, 20, 30, 40, 50: the 50% quantile is 30, the 75% quantile 40.
    const column = datetimeColumn('at', [10, NaN, 20, 30, 999, 40, 50]);
    const rows = Int32Array.from([0, 1, 2, 3, 5, 6]);
    expect(defaultTimeCuts(rows, column, [0.5, 0.25, 0.25])).toEqual([30, 40]);
  });

  test('default cuts split 0..9 into 6/2/2 rows', () => {
    const column = numericColumn('t', Array.from({ length: 10 }, (_, i) => i));
    const s = timeSplit(range(10), column, defaultTimeCuts(range(10), column));
    expect([s.train.length, s.validation.length, s.test.length]).toEqual([6, 2, 2]);
  });

  test('no known times throws', () => {
    expect(() => defaultTimeCuts(range(2), numericColumn('t', [NaN, NaN]))).toThrow(/"t" has no event times/);
  });
});

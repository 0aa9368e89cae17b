import { describe, expect, test } from 'vitest';
import type { Snapshot } from '../data/snapshot.ts';
import { groupSplit } from './group-split.ts';
import { makeSplit } from './make-split.ts';
import { stratifiedSplit } from './stratified-split.ts';
import { categoricalColumn, datetimeColumn, range } from './test-columns.ts';

const N = 20;
const users = Array.from({ length: N }, (_, r) => `u${r % 10}`);
const times = Array.from({ length: N }, (_, r) => (r === 19 ? NaN : Date.UTC(2024, 0, 1 + r)));
const snapshot: Snapshot = {
  id: 'f'.repeat(64),
  fileName: 'events.csv',
  byteLength: 0,
  rowCount: N,
  delimiter: ',',
  columns: [categoricalColumn('user', users), datetimeColumn('at', times)],
  warnings: [],
};
const y = Uint8Array.from({ length: N }, (_, r) => (r % 4 === 0 ? 1 : 0));
const rows = range(N);
const arrays = (s: { train: Int32Array; validation: Int32Array; test: Int32Array }): number[][] =>
  [s.train, s.validation, s.test].map((p) => Array.from(p));

describe('makeSplit', () => {
  test('stratified-random matches stratifiedSplit and drops nothing', () => {
    const s = makeSplit(snapshot, rows, y, { policy: 'stratified-random', fractions: [0.6, 0.2, 0.2] }, 5);
    expect(arrays(s)).toEqual(arrays(stratifiedSplit(rows, y, [0.6, 0.2, 0.2], 5)));
    expect(s.droppedMissingTime).toBe(0);
  });

  test('group dispatches to groupSplit on the named column', () => {
    const s = makeSplit(snapshot, rows, y, { policy: 'group', column: 'user', fractions: [0.6, 0.2, 0.2] }, 5);
    expect(arrays(s)).toEqual(arrays(groupSplit(rows, snapshot.columns[0], [0.6, 0.2, 0.2], 5)));
    expect(arrays(s).map((p) => p.length)).toEqual([12, 4, 4]);
  });

  test('time dispatches on the named column: Jan 1..10 train, 11..15 validation, 16..19 test, 1 dropped', () => {
    const cuts = [Date.UTC(2024, 0, 11), Date.UTC(2024, 0, 16)] as const;
    const s = makeSplit(snapshot, rows, y, { policy: 'time', column: 'at', cuts }, 5);
    expect(arrays(s)).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      [10, 11, 12, 13, 14],
      [15, 16, 17, 18],
    ]);
    expect(s.droppedMissingTime).toBe(1);
  });

  test('a time split on a categorical column throws a plain message naming it', () => {
    const config = { policy: 'time', column: 'user', cuts: [0, 1] } as const;
    expect(() => makeSplit(snapshot, rows, y, config, 5)).toThrow(
      'Column "user" is categorical, not a date/time or numeric column, so it cannot order rows in time.',
    );
  });

  test('a column that does not exist throws naming the column and file', () => {
    const config = { policy: 'group', column: 'account', fractions: [0.6, 0.2, 0.2] } as const;
    expect(() => makeSplit(snapshot, rows, y, config, 5)).toThrow('Column "account" is not in events.csv');
  });
});

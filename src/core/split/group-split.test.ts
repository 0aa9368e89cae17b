import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { groupSplit } from './group-split.ts';
import type { Split } from './split.ts';
import { categoricalColumn, numericColumn, range } from './test-columns.ts';

const FRACTIONS = [0.6, 0.2, 0.2] as const;
const parts = (s: Split): Int32Array[] => [s.train, s.validation, s.test];

/** Part index (0/1/2) of every row, or -1 if the row is in no part. */
function partOfRow(s: Split, n: number): number[] {
  const out = new Array<number>(n).fill(-1);
  parts(s).forEach((p, k) => p.forEach((r) => (out[r] = k)));
  return out;
}

describe('groupSplit', () => {
  test('property: no entity in two splits, every row once, parts ascending, same seed same split', () => {
    // Entity keys 0..7 with -1 standing for a missing key.
    const keys = fc.array(fc.integer({ min: -1, max: 7 }), { minLength: 0, maxLength: 80 });
    fc.assert(
      fc.property(keys, fc.integer({ min: -1000, max: 1000 }), fc.boolean(), (ks, seed, asNumeric) => {
        const column = asNumeric
          ? numericColumn('id', ks.map((k) => (k < 0 ? NaN : k)))
          : categoricalColumn('id', ks.map((k) => (k < 0 ? null : `e${k}`)));
        const rows = range(ks.length);
        const s = groupSplit(rows, column, FRACTIONS, seed);
        const all = parts(s).flatMap((p) => Array.from(p)).sort((a, b) => a - b);
        expect(all).toEqual(Array.from(rows));
        const where = partOfRow(s, ks.length);
        const partOfKey = new Map<number, number>();
        ks.forEach((k, r) => {
          if (k < 0) return;
          const prior = partOfKey.get(k);
          if (prior !== undefined) expect(where[r]).toBe(prior);
          partOfKey.set(k, where[r]);
        });
        for (const p of parts(s)) for (let i = 1; i < p.length; i++) expect(p[i]).toBeGreaterThan(p[i - 1]);
        const again = groupSplit(rows, column, FRACTIONS, seed);
        expect(parts(again).map((p) => Array.from(p))).toEqual(parts(s).map((p) => Array.from(p)));
      }),
      { numRuns: 300 },
    );
  });

  test('10 entities x 3 rows: 6/2/2 entities, so 18/6/6 rows, each entity whole', () => {
    // Rows interleave entities (0,1,...,9,0,1,...) so a row-order cut would break entities apart.
    const keys = Array.from({ length: 30 }, (_, r) => `user${r % 10}`);
    const column = categoricalColumn('user', keys);
    const s = groupSplit(range(30), column, FRACTIONS, 42);
    expect(parts(s).map((p) => p.length)).toEqual([18, 6, 6]);
    const entitiesIn = (p: Int32Array): Set<string> => new Set(Array.from(p, (r) => keys[r]));
    expect(parts(s).map((p) => entitiesIn(p).size)).toEqual([6, 2, 2]);
    for (const p of parts(s)) expect(p).toBeInstanceOf(Int32Array);
  });

  test('rows with a missing key are singletons: 4 named entities x 2 rows + 6 missing rows = 10 entities', () => {
    const cells = ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd', null, null, null, null, null, null];
    const s = groupSplit(range(cells.length), categoricalColumn('k', cells), FRACTIONS, 3);
    // 10 entities -> 6/2/2 entities; every split holds a whole number of entities, rows 14 in total.
    const entityCount = (p: Int32Array): number =>
      new Set(Array.from(p, (r) => cells[r] ?? `missing-${r}`)).size;
    expect(parts(s).map(entityCount)).toEqual([6, 2, 2]);
    expect(parts(s).reduce((sum, p) => sum + p.length, 0)).toBe(14);
  });

  test('numeric entity keys group by value and only the given rows are used', () => {
    const column = numericColumn('store', [7, 7, 8, 8, 9, 9, 10, 10, 11, 11]);
    const rows = Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7]); // rows 8 and 9 (store 11) are not eligible
    const s = groupSplit(rows, column, [0.5, 0.25, 0.25], 9);
    expect(parts(s).map((p) => p.length)).toEqual([4, 2, 2]);
    for (const p of parts(s)) expect(new Set(Array.from(p, (r) => column.values[r])).size).toBe(p.length / 2);
  });

  test('different seeds move entities between splits', () => {
    const column = categoricalColumn('user', Array.from({ length: 200 }, (_, r) => `u${r % 50}`));
    const a = groupSplit(range(200), column, FRACTIONS, 1);
    const b = groupSplit(range(200), column, FRACTIONS, 2);
    expect(Array.from(a.train)).not.toEqual(Array.from(b.train));
    expect(a.train.length).toBe(b.train.length);
  });
});

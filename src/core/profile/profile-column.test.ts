import { describe, expect, test } from 'vitest';
import type { Column } from '../data/column.ts';
import { parseCsv } from '../data/parse-csv.ts';
import { columnByName, type Snapshot } from '../data/snapshot.ts';
import type { ColumnProfile } from '../data/column-profile.ts';
import { profileColumn } from './profile-column.ts';
import { profileSnapshot } from './profile-column.ts';

async function load(csv: string): Promise<Snapshot> {
  const result = await parseCsv(new TextEncoder().encode(csv), 'test.csv');
  if (!result.ok) throw new Error(result.error.message);
  return result.snapshot;
}

async function profileOf(header: string, cells: readonly string[]): Promise<ColumnProfile> {
  const s = await load(`${header}\n${cells.join('\n')}\n`);
  return profileColumn(columnByName(s, header), s.rowCount);
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('profileColumn: numbers', () => {
  test('0..9: integer kind, mean 4.5, population std √8.25, numpy quantiles, one bin per value', async () => {
    const p = await profileOf('x', range(10).map(String));
    expect(p).toMatchObject({ name: 'x', storage: 'numeric', kind: 'integer', missing: 0, missingRate: 0, distinct: 10, min: 0, max: 9, top: null });
    expect(p.mean).toBeCloseTo(4.5, 12);
    expect(p.std).toBeCloseTo(2.8722813232690143, 12);
    expect(p.quantiles?.p25).toBeCloseTo(2.25, 12);
    expect(p.quantiles?.p50).toBeCloseTo(4.5, 12);
    expect(p.quantiles?.p95).toBeCloseTo(8.55, 12);
    expect(p.histogram?.map((b) => b.count)).toEqual(new Array(10).fill(1));
    expect(p.flags).toEqual([]);
  });

  test('a fractional value makes the kind numeric; missing cells are counted and skipped', async () => {
    const p = await profileOf('w', ['1', '2.5', 'NA', '4', 'NA']);
    expect(p.kind).toBe('numeric');
    expect(p.missing).toBe(2);
    expect(p.missingRate).toBeCloseTo(0.4, 12);
    expect(p.mean).toBeCloseTo(2.5, 12);
    expect(p.std).toBeCloseTo(Math.sqrt(1.5), 12);
    expect(p.quantiles?.p50).toBe(2.5);
  });

  test('unique whole numbers over 20+ rows are an id; fewer rows stay integer', async () => {
    const id = await profileOf('n', range(25).map((i) => String(100 + i)));
    expect(id.kind).toBe('id');
    expect(id.histogram).toBeNull();
    expect(id.top?.slice(0, 2)).toEqual([{ value: '100', count: 1 }, { value: '101', count: 1 }]);
    expect((await profileOf('n', range(19).map(String))).kind).toBe('integer');
    expect((await profileOf('n', range(25).map((i) => `${i}.5`))).kind).toBe('numeric');
  });

  test('a constant column gets one bin and a constant flag with its first rows', async () => {
    const p = await profileOf('c', ['NA', '7', '7', '7', '7', '7', '7', '7']);
    expect(p.histogram).toEqual([{ x0: 7, x1: 7, count: 7 }]);
    expect(p.std).toBe(0);
    expect(p.flags).toEqual([{ kind: 'constant', message: 'Every one of the 7 present values is "7", so the column cannot tell rows apart.', exampleRows: [1, 2, 3, 4, 5] }]);
  });

  test('a mostly missing column is flagged with its first missing rows', async () => {
    const p = await profileOf('m', ['1', 'NA', 'NA', '2', 'NA', '3', 'NA']);
    expect(p.flags.map((f) => f.kind)).toEqual(['mostly-missing']);
    expect(p.flags[0].message).toBe('57% of cells are missing (4 of 7 rows).');
    expect(p.flags[0].exampleRows).toEqual([1, 2, 4, 6]);
  });

  test('a datetime column is summarised in epoch ms and keeps its histogram', () => {
    const day = 86_400_000;
    const values = Float64Array.from([0, day, 2 * day, NaN, 3 * day]);
    const column: Column = { name: 'at', type: 'datetime', format: 'iso', values, missing: 1, distinct: 4 };
    const p = profileColumn(column, 5);
    expect(p).toMatchObject({ kind: 'datetime', min: 0, max: 3 * day, mean: 1.5 * day, missing: 1, distinct: 4, top: null });
    expect(p.histogram?.map((b) => b.count)).toEqual([1, 1, 1, 1]);
  });
});

describe('profileColumn: categories', () => {
  test('top values by count, ties by value; histogram null', async () => {
    const p = await profileOf('port', ['S', 'C', 'Q', 'S', 'C', 'S', 'NA', 'B']);
    expect(p).toMatchObject({ storage: 'categorical', kind: 'categorical', distinct: 4, missing: 1, histogram: null, quantiles: null, mean: null });
    expect(p.top).toEqual([{ value: 'S', count: 3 }, { value: 'C', count: 2 }, { value: 'B', count: 1 }, { value: 'Q', count: 1 }]);
  });

  test('top lists at most 10 values', async () => {
    const p = await profileOf('k', range(30).map((i) => `k${String(i % 15).padStart(2, '0')}`));
    expect(p.top).toHaveLength(10);
    expect(p.top?.[0]).toEqual({ value: 'k00', count: 2 });
    expect(p.top?.[9]).toEqual({ value: 'k09', count: 2 });
  });

  test('a boolean column is kind boolean with lower-case top values', async () => {
    const p = await profileOf('ok', ['yes', 'no', 'Yes', 'yes']);
    expect(p.kind).toBe('boolean');
    expect(p.top).toEqual([{ value: 'yes', count: 3 }, { value: 'no', count: 1 }]);
  });

  test('unique codes are an id; unique sentences are text; repeats stay categorical', async () => {
    expect((await profileOf('code', range(30).map((i) => `P${i}`))).kind).toBe('id');
    expect((await profileOf('note', range(30).map((i) => `called back on day ${i}`))).kind).toBe('text');
    expect((await profileOf('grade', range(30).map((i) => `G${i % 5}`))).kind).toBe('categorical');
  });

  test('over 50 distinct values that are over 20% of the present cells are high-cardinality', async () => {
    const p = await profileOf('city', range(200).map((i) => `c${i % 60}`));
    expect(p.kind).toBe('categorical');
    expect(p.flags).toEqual([
      { kind: 'high-cardinality', message: '60 distinct values among 200 present cells (30%); most values are too rare to learn from.', exampleRows: [0, 1, 2, 3, 4] },
    ]);
    const common = await profileOf('city', range(400).map((i) => `c${i % 60}`));
    expect(common.flags).toEqual([]);
  });

  test('parser notes become mixed-types and decimal-comma flags', () => {
    const column: Column = {
      name: 'amount', type: 'categorical', codes: Int32Array.from([0, 1, 2, 3]), categories: ['1', '1,5', 'n/a', '4'], missing: 0, distinct: 4,
      notes: { mixedTypes: { numericCells: 388, textCells: 12, textRows: [3, 8, 20, 21, 30, 44], numericRows: [0] }, decimalCommas: { count: 1, rows: [1] } },
    };
    const flags = profileColumn(column, 4).flags;
    expect(flags).toEqual([
      { kind: 'mixed-types', message: '97% of cells are numbers but 12 are text, e.g. rows 4, 9, 21, 22, 31; the column is read as text.', exampleRows: [3, 8, 20, 21, 30] },
      { kind: 'decimal-comma', message: '1 cell uses a decimal comma, e.g. "1,5" in row 2; such cells are read as text, not numbers.', exampleRows: [1] },
    ]);
  });
});

test('profileSnapshot profiles every column in order', async () => {
  const s = await load('a,b\n1,x\n2,y\n');
  expect(profileSnapshot(s).map((p) => [p.name, p.kind])).toEqual([['a', 'integer'], ['b', 'categorical']]);
});

test('a million rows profile in one pass plus a sort', () => {
  const n = 1_000_000;
  // A fixed permutation of 0..n-1 (7919 is prime and coprime to n), so the sort has real work to do.
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = (i * 7919) % n;
  const p = profileColumn({ name: 'big', type: 'numeric', values, missing: 0, distinct: n }, n);
  expect(p.kind).toBe('id');
  expect(p.quantiles?.p50).toBe(499_999.5);
  expect(p.quantiles?.p95).toBeCloseTo(949_999.05, 6);
  expect(p.mean).toBeCloseTo(499_999.5, 6);
});

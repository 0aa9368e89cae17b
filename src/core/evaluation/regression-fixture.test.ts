import { describe, expect, test } from 'vitest';
import type { Column } from '../data/column.ts';
import type { Snapshot } from '../data/snapshot.ts';
import { regressionFixtureCsv } from './regression-fixture.ts';

const name: Column = { name: 'name, full', type: 'categorical', codes: Int32Array.from([0, 1, 2, -1]), categories: ['Smith, John', 'say "hi"', 'two\nlines'], missing: 1, distinct: 3 };
const age: Column = { name: 'age', type: 'numeric', values: Float64Array.from([22, NaN, 0.5, 7]), missing: 1, distinct: 3 };
const snap: Snapshot = { id: 'x'.repeat(64), fileName: 't.csv', byteLength: 0, rowCount: 4, delimiter: ',', columns: [name, age], warnings: [] };

describe('regressionFixtureCsv', () => {
  test('header, RFC 4180 quoting, empty missing cells, round-trip scores', () => {
    const csv = regressionFixtureCsv(snap, ['name, full', 'age'], [
      { row: 0, score: 0.1 + 0.2, label: 1 },
      { row: 1, score: 0.25, label: 0 },
      { row: 2, score: 1e-7, label: 0 },
      { row: 3, score: 0.5, label: 1 },
    ], 0.25, 'm"1');
    expect(csv).toBe(
      'row_index,"name, full",age,label,score,predicted,threshold,model_id\n' +
        '0,"Smith, John",22,1,0.30000000000000004,1,0.25,"m""1"\n' +
        '1,"say ""hi""",,0,0.25,1,0.25,"m""1"\n' +
        '2,"two\nlines",0.5,0,1e-7,0,0.25,"m""1"\n' +
        '3,,7,1,0.5,1,0.25,"m""1"\n',
    );
  });

  test('no selected rows gives just the header', () => {
    expect(regressionFixtureCsv(snap, ['age'], [], 0.5, 'm')).toBe('row_index,age,label,score,predicted,threshold,model_id\n');
  });

  test('a row outside the snapshot throws', () => {
    expect(() => regressionFixtureCsv(snap, ['age'], [{ row: 4, score: 0, label: 0 }], 0.5, 'm')).toThrow(RangeError);
  });
});

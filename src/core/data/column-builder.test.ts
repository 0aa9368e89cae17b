import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cellText, type CategoricalColumn, type Column, type NumericColumn } from './column.ts';
import { CellOverflow, ColumnBuilder, parseNumber, UNCOUNTED } from './column-builder.ts';
import { DEFAULT_MISSING_TOKENS, parseCsv } from './parse-csv.ts';
import { columnByName } from './snapshot.ts';

async function columnOf(csv: string, name: string): Promise<Column> {
  const result = await parseCsv(new TextEncoder().encode(csv), 'types.csv');
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
  return columnByName(result.snapshot, name);
}

function numeric(column: Column): NumericColumn {
  if (column.type !== 'numeric') throw new Error(`"${column.name}" is ${column.type}, expected numeric`);
  return column;
}

function coded(column: Column, type: 'categorical' | 'boolean'): CategoricalColumn {
  if (column.type !== type) throw new Error(`"${column.name}" is ${column.type}, expected ${type}`);
  return column;
}

const texts = (column: Column, n: number): (string | null)[] => Array.from({ length: n }, (_, i) => cellText(column, i));

describe('type inference: numeric', () => {
  test('ints, decimals, exponents and negatives parse to float64 values', async () => {
    const c = numeric(await columnOf('x,k\n3,a\n-2.5,b\n1e3,c\n2E-2,d\n-3.5e+1,e\n.5,f\n+7,g\n', 'x'));
    expect(Array.from(c.values)).toEqual([3, -2.5, 1000, 0.02, -35, 0.5, 7]);
    expect(c.missing).toBe(0);
    expect(c.distinct).toBe(7);
    expect(cellText(c, 2)).toBe('1000');
  });

  test('missing cells become NaN, are counted, and print as null', async () => {
    const c = numeric(await columnOf('x,k\n1,a\n,b\nNA,c\n2,d\n?,e\n1,f\n', 'x'));
    expect(c.values[0]).toBe(1);
    expect(Number.isNaN(c.values[1])).toBe(true);
    expect(Number.isNaN(c.values[2])).toBe(true);
    expect(Number.isNaN(c.values[4])).toBe(true);
    expect(c.missing).toBe(3);
    expect(c.distinct).toBe(2);
    expect(texts(c, 6)).toEqual(['1', null, null, '2', null, '1']);
  });

  test('surrounding spaces are trimmed before the number test', async () => {
    const c = numeric(await columnOf('x,k\n" 4 ",a\n 5,b\n', 'x'));
    expect(Array.from(c.values)).toEqual([4, 5]);
  });

  test('distinct counts numerically equal spellings once (1, 1.0, 1e0)', async () => {
    const c = numeric(await columnOf('x,k\n1,a\n1.0,b\n1e0,c\n-0.5,d\n', 'x'));
    expect(c.distinct).toBe(2);
  });

  test('"0x1F" is not numeric: the column is categorical', async () => {
    const c = coded(await columnOf('x,k\n0x1F,a\n2,b\n', 'x'), 'categorical');
    expect(c.categories).toEqual(['0x1F', '2']);
  });

  test('"1,5" (decimal comma, quoted) is not numeric', async () => {
    const c = coded(await columnOf('x,k\n"1,5",a\n2,b\n', 'x'), 'categorical');
    expect(texts(c, 2)).toEqual(['1,5', '2']);
  });

  test('Infinity and 1.2.3 are not numeric', async () => {
    expect((await columnOf('x,k\nInfinity,a\n2,b\n', 'x')).type).toBe('categorical');
    expect((await columnOf('x,k\n1.2.3,a\n2,b\n', 'x')).type).toBe('categorical');
  });
});

describe('type inference: categorical', () => {
  test('a column mixing numbers and text is categorical, codes in first-seen order', async () => {
    const c = coded(await columnOf('v,k\n1,a\n2,b\nabc,c\n1,d\n', 'v'), 'categorical');
    expect(c.categories).toEqual(['1', '2', 'abc']);
    expect(Array.from(c.codes)).toEqual([0, 1, 2, 0]);
    expect(c.distinct).toBe(3);
    expect(texts(c, 4)).toEqual(['1', '2', 'abc', '1']);
  });

  test('text categories with a missing cell: code -1, missing counted, distinct excludes missing', async () => {
    const c = coded(await columnOf('color,k\nred,1\nblue,2\n,3\nred,4\n', 'color'), 'categorical');
    expect(c.categories).toEqual(['red', 'blue']);
    expect(Array.from(c.codes)).toEqual([0, 1, -1, 0]);
    expect(c.missing).toBe(1);
    expect(c.distinct).toBe(2);
  });

  test('every default missing token (empty, NA, N/A, null, NaN, ?) is missing', async () => {
    const c = coded(await columnOf('m,k\n,1\nNA,2\nN/A,3\nnull,4\nNaN,5\n?,6\nok,7\n', 'm'), 'categorical');
    expect(c.missing).toBe(6);
    expect(c.categories).toEqual(['ok']);
    expect(texts(c, 7)).toEqual([null, null, null, null, null, null, 'ok']);
    expect(DEFAULT_MISSING_TOKENS).toEqual(['', 'NA', 'N/A', 'null', 'NaN', '?']);
  });

  test('an all-missing column is categorical with no categories', async () => {
    const c = coded(await columnOf('m,k\nNA,1\n,2\n', 'm'), 'categorical');
    expect(c.categories).toEqual([]);
    expect(c.missing).toBe(2);
    expect(c.distinct).toBe(0);
  });
});

describe('type inference: boolean', () => {
  test('true/false in mixed case: false→0, true→1, spelled in lower case so other files match', async () => {
    const c = coded(await columnOf('flag,k\nTrue,1\nfalse,2\nTRUE,3\nFALSE,4\n', 'flag'), 'boolean');
    expect(Array.from(c.codes)).toEqual([1, 0, 1, 0]);
    expect(c.categories).toEqual(['false', 'true']);
    expect(c.distinct).toBe(2);
    expect(texts(c, 4)).toEqual(['true', 'false', 'true', 'false']);
  });

  test('yes/no in mixed case with a missing cell', async () => {
    const c = coded(await columnOf('ok,k\nYes,1\nno,2\nNO,3\n,4\nyes,5\n', 'ok'), 'boolean');
    expect(Array.from(c.codes)).toEqual([1, 0, 0, -1, 1]);
    expect(c.categories).toEqual(['no', 'yes']);
    expect(c.missing).toBe(1);
    expect(c.distinct).toBe(2);
  });

  test('a column of only "yes" is still boolean, with yes coded 1', async () => {
    const c = coded(await columnOf('ok,k\nyes,1\nyes,2\n', 'ok'), 'boolean');
    expect(Array.from(c.codes)).toEqual([1, 1]);
    expect(c.categories[1]).toBe('yes');
    expect(c.distinct).toBe(1);
  });

  test('0/1 stays numeric, and yes mixed with true is categorical', async () => {
    expect((await columnOf('b,k\n0,1\n1,2\n', 'b')).type).toBe('numeric');
    expect((await columnOf('b,k\nyes,1\ntrue,2\n', 'b')).type).toBe('categorical');
  });
});

describe('ColumnBuilder directly', () => {
  test('grows past its initial buffer without losing values', () => {
    const b = new ColumnBuilder('n', new Set(['']));
    for (let i = 0; i < 3000; i++) b.push(String(i));
    const c = numeric(b.build());
    expect(b.length).toBe(3000);
    expect(c.values.length).toBe(3000);
    expect(c.values[2999]).toBe(2999);
    // Float columns are counted when CsvIngest profiles them (one sort serves both), not by the builder.
    expect(c.distinct).toBe(UNCOUNTED);
  });

  test('plain decimal notation only: 0e5, .5, 5. and -1.5e3 are numbers; -0x1F, 0b1, +, 1,5 and -Infinity are not', () => {
    const b = new ColumnBuilder('n', new Set(['']));
    for (const v of ['0e5', '.5', '5.', '-1.5e3', '+7']) b.push(v);
    expect(Array.from(numeric(b.build()).values)).toEqual([0, 0.5, 5, -1500, 7]);
    for (const v of ['-0x1F', '0b1', '+', '1,5', '-Infinity', '+Infinity']) {
      const one = new ColumnBuilder('t', new Set(['']));
      one.push('1');
      one.push(v);
      expect(one.build().type, v).toBe('categorical');
    }
  });

  test('a number beyond ±1e150 (1e308, or 1e400 which overflows to Infinity) is refused, not read as text', () => {
    for (const v of ['1e308', '-1e308', '1e400', '-1e999', '2e150']) {
      const one = new ColumnBuilder('t', new Set(['']));
      one.push('1');
      expect(() => one.push(v), v).toThrow(CellOverflow);
    }
    const ok = new ColumnBuilder('t', new Set(['']));
    ok.push('1e150');
    expect(numeric(ok.build()).values[0]).toBe(1e150);
  });

  test('comma thousands separators: a consistent column is read as numbers with a note; a decimal comma keeps it text', () => {
    const b = new ColumnBuilder('n', new Set(['']));
    for (const v of ['119,220', '1,234,567.5', '950', '', '-2,000']) b.push(v);
    const c = numeric(b.build());
    expect(Array.from(c.values)).toEqual([119220, 1234567.5, 950, NaN, -2000]);
    expect(c.notes).toEqual({ thousandsSeparators: { count: 3, rows: [0, 1, 4], readAsNumbers: true } });
    const mixed = new ColumnBuilder('m', new Set(['']));
    for (const v of ['119,220', '1,5']) mixed.push(v);
    const t = mixed.build();
    expect(t.type).toBe('categorical');
    expect(t.notes).toEqual({ decimalCommas: { count: 1, rows: [1] }, thousandsSeparators: { count: 1, rows: [0], readAsNumbers: false } });
  });

  test('property: the fast decimal path gives exactly Number(cell) (bits and sign of zero), and NaN off plain notation', () => {
    const reference = (s: string): number => {
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return NaN;
      const v = Number(s);
      return Number.isFinite(v) ? v : NaN;
    };
    const decimal = fc.tuple(fc.constantFrom('', '-', '+'), fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '7'), maxLength: 18 }), fc.boolean(), fc.string({ unit: fc.constantFrom('0', '3', '9'), maxLength: 18 }))
      .map(([sign, whole, dot, frac]) => `${sign}${whole}${dot ? '.' : ''}${dot ? frac : ''}`);
    const odd = fc.string({ unit: fc.constantFrom('0', '1', '.', '-', '+', 'e', 'x', '_'), maxLength: 8 });
    fc.assert(fc.property(fc.oneof(decimal, odd), (s) => {
      expect(Object.is(parseNumber(s), reference(s)), s).toBe(true);
    }), { seed: 9, numRuns: 5000 });
    expect(Object.is(parseNumber('-0.0'), -0)).toBe(true);
    expect(parseNumber('123456789012345.6')).toBe(123456789012345.6);
  });

  test('a million missing tokens do not overflow the call stack', () => {
    const tokens = new Set(Array.from({ length: 1_000_000 }, (_, i) => `m${i}`));
    const b = new ColumnBuilder('n', tokens);
    for (const v of ['1', 'm999999', '3']) b.push(v);
    expect(b.build().missing).toBe(1);
  });

  test('custom missing tokens replace the defaults', () => {
    const b = new ColumnBuilder('n', new Set(['-']));
    for (const v of ['1', '-', 'NA']) b.push(v);
    const c = coded(b.build(), 'categorical');
    expect(c.missing).toBe(1);
    expect(c.categories).toEqual(['1', 'NA']);
  });
});

describe('datetime, mixed types and decimal commas', () => {
  test('ISO 8601 dates and date-times become datetime in epoch ms (naive times read as UTC)', async () => {
    const c = await columnOf('when,k\n2024-01-05,1\n2024-01-05T10:30:00Z,2\n2024-01-05 10:30,3\n2024-01-05T12:30:00+02:00,4\n,5\n', 'when');
    expect(c.type).toBe('datetime');
    if (c.type !== 'datetime') return;
    expect(c.format).toBe('iso');
    expect(Array.from(c.values.slice(0, 4))).toEqual([Date.UTC(2024, 0, 5), Date.UTC(2024, 0, 5, 10, 30), Date.UTC(2024, 0, 5, 10, 30), Date.UTC(2024, 0, 5, 10, 30)]);
    expect(Number.isNaN(c.values[4])).toBe(true);
    expect(c.distinct).toBe(2);
    expect(cellText(c, 1)).toBe('2024-01-05T10:30:00.000Z');
  });

  test('epoch seconds under a time-like header become datetime; the same numbers under "amount" stay numeric', async () => {
    const csv = 'created_at,amount\n1700000000,1700000000\n1700003600,1700003600\n';
    const t = await columnOf(csv, 'created_at');
    expect(t.type === 'datetime' && t.format).toBe('epoch-seconds');
    expect(t.type === 'datetime' && t.values[1]).toBe(1700003600000);
    expect((await columnOf(csv, 'amount')).type).toBe('numeric');
  });

  test('a mostly numeric column with a few words is text, with the offending rows noted', async () => {
    const c = await columnOf('v,k\n1,a\n2,b\nunknown,c\n4,d\n', 'v');
    expect(c.type).toBe('categorical');
    expect(c.notes?.mixedTypes).toEqual({ numericCells: 3, textCells: 1, textRows: [2], numericRows: [0, 1, 3] });
  });

  test('decimal commas in a semicolon file are detected and reported', async () => {
    const c = await columnOf('price;k\n1,5;1\n2,25;2\n', 'price');
    expect(c.type).toBe('categorical');
    expect(c.notes?.decimalCommas).toEqual({ count: 2, rows: [0, 1] });
  });
});

describe('ColumnBuilder.pushRange: cells read in place from the chunk text', () => {
  const build = (cells: readonly string[], byRange: boolean): Column => {
    const b = new ColumnBuilder('x', new Set(DEFAULT_MISSING_TOKENS));
    // Cells sit inside a longer text, as they do in a chunk, with neighbours on both sides.
    const text = `#${cells.join('|')}#`;
    let at = 1;
    for (const cell of cells) {
      if (byRange) b.pushRange(text, at, at + cell.length);
      else b.push(cell);
      at += cell.length + 1;
    }
    return b.build();
  };

  test('gives the column that pushing each cell as a string gives (numbers, tokens, text, spaces, commas)', () => {
    const cell = fc.oneof(
      fc.constantFrom('', 'NA', 'N/A', 'null', 'NaN', '?', 'na', ' 7 ', '1,5', '1,234', '-0', '+.5', '1e3', '0x1F', 'Infinity', '123456789012345678'),
      fc.double({ noNaN: true, min: -1e6, max: 1e6 }).map(String),
      fc.string({ unit: fc.constantFrom('a', 'b', 'é', '1', '.', '-', ' '), maxLength: 5 }),
    );
    fc.assert(fc.property(fc.array(cell, { minLength: 1, maxLength: 40 }), (cells) => {
      expect(build(cells, true)).toEqual(build(cells, false));
    }), { seed: 16, numRuns: 300 });
  });

  test('keeps 5,000 distinct categories apart through every regrowth of the dictionary, in first-seen order', () => {
    const names = Array.from({ length: 5000 }, (_, i) => `k${(i * 7919) % 5000}`);
    const c = coded(build([...names, ...names.slice().reverse(), 'k0'], true), 'categorical');
    expect(c.categories).toEqual(names);
    expect(Array.from(c.codes.subarray(0, 5000))).toEqual(names.map((_, i) => i));
    expect(c.codes[5000]).toBe(4999);
    expect(c.codes[10000]).toBe(names.indexOf('k0'));
    expect(c.distinct).toBe(5000);
  });
});

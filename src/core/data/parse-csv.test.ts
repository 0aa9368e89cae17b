import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { cellText } from './column.ts';
import type { LoadError } from './load-error.ts';
import { parseCsv } from './parse-csv.ts';
import { columnByName, type Snapshot } from './snapshot.ts';

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);

async function load(bytes: Uint8Array, fileName = 'data.csv'): Promise<Snapshot> {
  const result = await parseCsv(bytes, fileName);
  if (!result.ok) throw new Error(`expected a snapshot, got ${result.error.kind}: ${result.error.message}`);
  return result.snapshot;
}

async function loadError(bytes: Uint8Array, fileName = 'data.csv'): Promise<LoadError> {
  const result = await parseCsv(bytes, fileName);
  if (result.ok) throw new Error('expected a load error, got a snapshot');
  return result.error;
}

const text = (s: Snapshot, column: string, row: number): string | null => cellText(columnByName(s, column), row);
const names = (s: Snapshot): string[] => s.columns.map((c) => c.name);

describe('parseCsv: well-formed CSV', () => {
  test('quoted comma stays inside one cell', async () => {
    const s = await load(enc('name,city\n"Smith, J",Oslo\nLee,"Bergen, NO"\n'));
    expect(s.rowCount).toBe(2);
    expect(names(s)).toEqual(['name', 'city']);
    expect(text(s, 'name', 0)).toBe('Smith, J');
    expect(text(s, 'city', 1)).toBe('Bergen, NO');
  });

  test('quoted newline stays inside one cell and does not add a row', async () => {
    const s = await load(enc('id,note\n1,"line one\nline two"\n2,plain\n'));
    expect(s.rowCount).toBe(2);
    expect(text(s, 'note', 0)).toBe('line one\nline two');
    expect(text(s, 'note', 1)).toBe('plain');
    expect(cellText(columnByName(s, 'id'), 1)).toBe('2');
  });

  test('CRLF line endings: no stray \\r in the last column or header', async () => {
    const s = await load(enc('a,b\r\n1,x\r\n2,y\r\n'));
    expect(s.rowCount).toBe(2);
    expect(names(s)).toEqual(['a', 'b']);
    expect(text(s, 'b', 0)).toBe('x');
    expect(text(s, 'b', 1)).toBe('y');
  });

  test('UTF-8 BOM is stripped: first header name has no BOM', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('id,v\n1,2\n')]);
    const s = await load(bytes);
    expect(names(s)[0]).toBe('id');
    expect(names(s)[0].charCodeAt(0)).toBe(0x69);
    expect(s.byteLength).toBe(bytes.length);
  });

  test('doubled quotes inside quotes become one quote', async () => {
    const s = await load(enc('q,n\n"She said ""hi""",1\n"""",2\n'));
    expect(text(s, 'q', 0)).toBe('She said "hi"');
    expect(text(s, 'q', 1)).toBe('"');
  });

  test('snapshot.id is the SHA-256 hex of the raw bytes (BOM included)', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('a,b\r\n1,2\r\n')]);
    const s = await load(bytes);
    expect(s.id).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(s.id).toMatch(/^[0-9a-f]{64}$/);
  });

  test('snapshot.id of "a\\n1\\n" equals the known digest', async () => {
    const s = await load(enc('a\n1\n'));
    expect(s.id).toBe(createHash('sha256').update('a\n1\n').digest('hex'));
    expect(s.fileName).toBe('data.csv');
  });

  test('duplicate and empty header names are renamed with a warning each', async () => {
    const s = await load(enc('x,,x,y,x\n1,2,3,4,5\n'));
    expect(names(s)).toEqual(['x', 'column_2', 'x_2', 'y', 'x_3']);
    expect(s.warnings).toHaveLength(3);
    expect(s.warnings[0]).toContain('column_2');
    expect(s.warnings[1]).toContain('"x_2"');
    expect(s.warnings[2]).toContain('"x_3"');
    expect(text(s, 'x_3', 0)).toBe('5');
  });

  test('unique headers give no warnings; last line without newline still counts', async () => {
    const s = await load(enc('a,b\n1,2\n3,4'));
    expect(s.warnings).toEqual([]);
    expect(s.rowCount).toBe(2);
    expect(text(s, 'b', 1)).toBe('4');
  });
});

describe('parseCsv: bad input', () => {
  test('empty file (0 bytes) → kind "empty"', async () => {
    const e = await loadError(new Uint8Array(0), 'nothing.csv');
    expect(e.kind).toBe('empty');
    expect(e.message).toContain('nothing.csv');
  });

  test('only blank lines → kind "empty"', async () => {
    expect((await loadError(enc('\n\n\n'))).kind).toBe('empty');
  });

  test('header only → kind "no-rows", naming the columns', async () => {
    const e = await loadError(enc('age,income\n'));
    expect(e.kind).toBe('no-rows');
    expect(e.message).toContain('"age", "income"');
  });

  test('ragged row with too few fields: data row, line and missing column are named', async () => {
    const e = await loadError(enc('a,b,c\n1,2,3\n4,5\n6,7,8\n'), 'r.csv');
    expect(e.kind).toBe('ragged');
    expect(e.location.row).toBe(2);
    expect(e.location.line).toBe(3);
    expect(e.location.field).toBe(3);
    expect(e.location.column).toBe('c');
    expect(e.message).toContain('data row 2');
    expect(e.message).toContain('line 3');
    expect(e.message).toContain('column 3 "c"');
  });

  test('ragged row with too many fields: extra field position is named', async () => {
    const e = await loadError(enc('a,b\n1,2\n3,4\n5,6,7\n'));
    expect(e.kind).toBe('ragged');
    expect(e.location.row).toBe(3);
    expect(e.location.line).toBe(4);
    expect(e.location.field).toBe(3);
    expect(e.message).toContain('data row 3');
    expect(e.message).toContain('line 4');
    expect(e.message).toContain('column 3');
  });

  test('ragged last row without trailing newline keeps the right line', async () => {
    const e = await loadError(enc('a,b\n1,2\n3'));
    expect(e.location).toMatchObject({ row: 2, line: 3, field: 2, column: 'b' });
  });

  test('ragged row after a quoted newline: line counts physical lines, row counts records', async () => {
    const e = await loadError(enc('a,b\n"x\ny",1\n2\n'));
    expect(e.location).toMatchObject({ row: 2, line: 4, field: 2, column: 'b' });
  });

  test('ragged row with CRLF endings keeps the right line', async () => {
    const e = await loadError(enc('a,b\r\n1,2\r\n3\r\n4,5\r\n'));
    expect(e.location).toMatchObject({ row: 2, line: 3, field: 2 });
  });

  test('PNG header (has NUL bytes) → kind "binary" at the first NUL', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const e = await loadError(png, 'image.png');
    expect(e.kind).toBe('binary');
    expect(e.location.byte).toBe(8);
    expect(e.message).toContain('image.png');
  });

  test('text with a NUL byte mid-file → kind "binary"', async () => {
    const bytes = enc('a,b\n1,2\n');
    bytes[5] = 0;
    const e = await loadError(bytes);
    expect(e.kind).toBe('binary');
    expect(e.location.byte).toBe(5);
  });

  test('invalid UTF-8: 0xff in data row 3, column 2 is located by row, line, field, column and byte', async () => {
    const head = enc('id,name,score\n1,a,1\n2,b,2\n3,c');
    const bytes = new Uint8Array([...head, 0xff, ...enc(',3\n')]);
    const e = await loadError(bytes, 'latin.csv');
    expect(e.kind).toBe('encoding');
    expect(e.location.row).toBe(3);
    expect(e.location.line).toBe(4);
    expect(e.location.field).toBe(2);
    expect(e.location.column).toBe('name');
    expect(e.location.byte).toBe(head.length);
    expect(e.message).toContain('0xff');
    expect(e.message).toContain('data row 3');
    expect(e.message).toContain('"name"');
  });

  test('invalid UTF-8 after a BOM: byte offset counts the BOM', async () => {
    const head = enc('id,name\n1,');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...head, 0xc3, 0x28, ...enc('\n')]);
    const e = await loadError(bytes);
    expect(e.kind).toBe('encoding');
    expect(e.location).toMatchObject({ row: 1, line: 2, field: 2, column: 'name', byte: 3 + head.length });
  });

  test('UTF-16 LE and BE byte-order marks → kind "encoding" at byte 0', async () => {
    for (const bom of [[0xff, 0xfe], [0xfe, 0xff]]) {
      const e = await loadError(new Uint8Array([...bom, 0x61, 0x00, 0x0a, 0x00]));
      expect(e.kind).toBe('encoding');
      expect(e.location.byte).toBe(0);
      expect(e.message).toContain('UTF-16');
    }
  });
});

describe('delimiter from the header line', () => {
  test('a semicolon file with a ragged row is reported as ragged, not read as one column', async () => {
    const result = await parseCsv(new TextEncoder().encode('a;b\n1;2\n3\n'), 'semi.csv');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('ragged');
      expect(result.error.location).toMatchObject({ row: 2, line: 3, column: 'b' });
    }
  });

  test('tab- and pipe-separated files split on their delimiter', async () => {
    for (const d of ['\t', '|']) {
      const result = await parseCsv(new TextEncoder().encode(`a${d}b\n1${d}x\n`), 'd.csv');
      expect(result.ok && result.snapshot.columns.map((c) => c.name)).toEqual(['a', 'b']);
    }
  });
});

describe('review regressions', () => {
  const parse = (text: string) => parseCsv(new TextEncoder().encode(text), 'r.csv');

  test('"a,a,a_2" never yields two columns with the same name', async () => {
    const result = await parse('a,a,a_2\n1,2,3\n');
    expect(result.ok && result.snapshot.columns.map((c) => c.name)).toEqual(['a', 'a_3', 'a_2']);
  });

  test('a row of empty cells is a row of missing values, not skipped', async () => {
    const result = await parse('a,b,y\n1,2,1\n,,\n4,5,0\n');
    expect(result.ok && result.snapshot.rowCount).toBe(3);
  });

  test('a semicolon file whose quoted header names contain commas', async () => {
    const result = await parse('"price, EUR";"size, m2";y\n1,5;2;1\n');
    expect(result.ok && result.snapshot.columns.map((c) => c.name)).toEqual(['price, EUR', 'size, m2', 'y']);
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cellText } from './column.ts';
import { CsvIngest, MAX_RECORD_CHARS } from './csv-ingest.ts';
import { LoadFailure, type LoadError } from './load-error.ts';
import { loadCsv } from '../load/load-csv.ts';
import { parseCsv } from './parse-csv.ts';
import type { Snapshot } from './snapshot.ts';

// Issue 11 items 4, 6, 8 and 9: inputs that used to mis-parse or mislocate.
const enc = (text: string): Uint8Array => new TextEncoder().encode(text);

function ingest(bytes: Uint8Array, cuts: readonly number[]): Snapshot | LoadError {
  const job = new CsvIngest('f.csv');
  try {
    let at = 0;
    for (const cut of [...cuts, bytes.length]) {
      job.push(bytes.slice(at, cut));
      at = cut;
    }
    return job.finish();
  } catch (e) {
    if (e instanceof LoadFailure) return e.error;
    throw e;
  }
}

const rows = (s: Snapshot): (string | null)[][] => Array.from({ length: s.rowCount }, (_, r) => s.columns.map((c) => cellText(c, r)));

async function load(text: string | Uint8Array): Promise<Snapshot> {
  const result = await parseCsv(typeof text === 'string' ? enc(text) : text, 'f.csv');
  if (!result.ok) throw new Error(result.error.message);
  return result.snapshot;
}

async function loadError(text: string | Uint8Array): Promise<LoadError> {
  const result = await parseCsv(typeof text === 'string' ? enc(text) : text, 'f.csv');
  if (result.ok) throw new Error('expected a load error');
  return result.error;
}

describe('item 4: quotes and chunk boundaries', () => {
  test('an inch mark in an unquoted field is text, also where the file is cut inside that record', async () => {
    const filler = Array.from({ length: 110_000 }, (_, i) => `${i},x${i}`).join('\n');
    const text = `id,height\n${filler}\n110000,5'11"\n110001,"6'0"""\n`;
    expect(text.length).toBeGreaterThan(1_000_000);
    const s = await load(text);
    expect(s.rowCount).toBe(110_002);
    expect(rows(s).slice(-2)).toEqual([['110000', '5\'11"'], ['110001', '6\'0"']]);
    // The same file cut right inside the inch-mark record gives the same parse.
    const at = text.indexOf('5\'11"') + 3;
    const cut = ingest(enc(text), [at]);
    expect('rowCount' in cut && rows(cut).slice(-2)).toEqual(rows(s).slice(-2));
  });

  test('property: cutting the bytes at every offset (inside multi-byte characters too) never changes the snapshot', () => {
    const cell = fc.oneof(
      fc.constantFrom('', '1', '-2.5', 'NA', '5\'11"', 'é', '€9'),
      fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', 'ß', '😀'), maxLength: 5 }).map((s) => `"${s.replaceAll('"', '""')}"`),
    );
    const file = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom('\n', '\r\n', '\r')).chain(([width, nl]) =>
      fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 5 })
        .map((body) => [Array.from({ length: width }, (_, i) => `c${i}`).join(','), ...body.map((r) => r.join(','))].join(nl) + nl));
    fc.assert(fc.property(file, (text) => {
      const bytes = enc(text);
      const whole = ingest(bytes, []);
      const view = (r: Snapshot | LoadError): unknown => ('rowCount' in r ? { rows: rows(r), names: r.columns.map((c) => c.name), id: r.id } : r);
      for (let i = 0; i <= bytes.length; i++) expect(view(ingest(bytes, [i]))).toEqual(view(whole));
    }), { seed: 4, numRuns: 150 });
  });
});

describe('item 6: bounded memory', () => {
  test('an unclosed quote is refused once it passes one chunk of text, naming where it opened', () => {
    const job = new CsvIngest('big.csv');
    job.push(enc('a,b\n1,"never closed\n'));
    const line = enc('x'.repeat(1023) + '\n');
    let error: LoadError | null = null;
    try {
      for (let i = 0; i < 5000 && !error; i++) job.push(line);
    } catch (e) {
      if (e instanceof LoadFailure) error = e.error;
    }
    expect(error?.kind).toBe('too-long');
    expect(error?.message).toContain(`a quoted field that opens on line 2 runs past ${MAX_RECORD_CHARS} characters`);
  });
});

describe('item 8: locations that are true', () => {
  test('ragged rows are located on the right line in LF, CRLF and CR-only files', async () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const e = await loadError(['a,b', '1,"x', 'y"', '2', ''].join(nl));
      expect(e.location, JSON.stringify(nl)).toMatchObject({ row: 2, line: 4, field: 2, column: 'b' });
    }
  });

  test('a CR-only file ending in CR has no phantom row', async () => {
    expect((await load('a,b\r1,2\r3,4\r')).rowCount).toBe(2);
  });

  test('a header with a newline gives a one-line message with the name escaped', async () => {
    const e = await loadError('"first\nname",b\n1\n');
    expect(e.message).not.toMatch(/[\n\r]/);
    expect(e.message).toContain('column 2 "b" is missing');
    const extra = await loadError('a,"last\nname"\n1,2,3\n');
    expect(extra.message).toContain('after "last\\nname"');
    expect(extra.message).not.toMatch(/[\n\r]/);
  });
});

describe('item 9: no silent mis-parses', () => {
  test('thousands separators: "119,220" is read as a number, with a note', async () => {
    // The note is a profile flag: load the way the app does, profiling while loading.
    const loaded = await loadCsv(enc('city,population\nA,"119,220"\nB,"1,204,000"\nC,950\n'), 'f.csv');
    if (!loaded.ok) throw new Error(loaded.error.message);
    const s = loaded.snapshot;
    const column = s.columns[1];
    expect(column.type).toBe('numeric');
    expect(rows(s).map((r) => r[1])).toEqual(['119220', '1204000', '950']);
    expect(s.profiles?.[1].flags.map((f) => f.kind)).toContain('thousands-separators');
  });

  test('an overflowing value is refused with its location', async () => {
    const e = await loadError('a,b\n1,2\n3,1e308\n');
    expect(e.kind).toBe('overflow');
    expect(e.location).toMatchObject({ line: 3, row: 2, field: 2, column: 'b' });
    expect((await loadError('a,b\n1,-1e999\n')).location).toMatchObject({ row: 1, column: 'b' });
  });

  test('a NUL byte after the first 64 KB is refused with its line and column', async () => {
    const head = `a,b\n${'1,2\n'.repeat(20_000)}`;
    const e = await loadError(`${head}3,x\u0000y\n`);
    expect(e.kind).toBe('binary');
    expect(e.location).toMatchObject({ line: 20_002, row: 20_001, field: 2, column: 'b' });
  });

  test('UTF-32 is named UTF-32 (LE and BE)', async () => {
    for (const bom of [[0xff, 0xfe, 0, 0], [0, 0, 0xfe, 0xff]]) {
      const e = await loadError(new Uint8Array([...bom, 0x61, 0, 0, 0]));
      expect(e.kind).toBe('encoding');
      expect(e.message).toContain('UTF-32');
    }
  });

  test('in a one-column file an empty cell (blank or "") is a missing value; trailing blank lines are not rows', async () => {
    const s = await load('x\n1\n\n""\n2\n\n\n');
    expect(rows(s)).toEqual([['1'], [null], [null], ['2']]);
    expect(s.columns[0].missing).toBe(2);
  });

  test('in a wider file blank lines are still skipped and rows keep their lines', async () => {
    const s = await load('a,b\n1,2\n\n3,4\n');
    expect(rows(s)).toEqual([['1', '2'], ['3', '4']]);
    expect((await loadError('a,b\n1,2\n\n3\n')).location).toMatchObject({ row: 2, line: 4 });
  });
});

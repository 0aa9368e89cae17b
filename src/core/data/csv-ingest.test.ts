import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { cellText } from './column.ts';
import { CsvIngest } from './csv-ingest.ts';
import { LoadFailure } from './load-error.ts';
import type { Snapshot } from './snapshot.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function ingest(bytes: Uint8Array, chunk: number): Snapshot {
  const job = new CsvIngest('chunks.csv');
  for (let at = 0; at < bytes.length; at += chunk) job.push(bytes.slice(at, at + chunk));
  return job.finish();
}

function cells(s: Snapshot): (string | null)[][] {
  return Array.from({ length: s.rowCount }, (_, r) => s.columns.map((c) => cellText(c, r)));
}

const TEXT = '\uFEFFname,note,n\r\n"Zoë","two\r\nlines, with ""quotes""",1.5\r\nÅsa,ʤ €,2\r\n"x",,3\r\n';

describe('CsvIngest across chunk boundaries', () => {
  test('every chunk size from 1 to 13 bytes gives the same cells, hash and row count as one chunk', () => {
    const bytes = encode(TEXT);
    const whole = ingest(bytes, bytes.length);
    expect(cells(whole)).toEqual([['Zoë', 'two\r\nlines, with "quotes"', '1.5'], ['Åsa', 'ʤ €', '2'], ['x', null, '3']]);
    expect(whole.id).toBe(createHash('sha256').update(bytes).digest('hex'));
    for (let chunk = 1; chunk <= 13; chunk++) {
      const part = ingest(bytes, chunk);
      expect(cells(part), `chunk ${chunk}`).toEqual(cells(whole));
      expect(part.id).toBe(whole.id);
    }
  });

  test('invalid UTF-8 in a later chunk is located by line, data row and column', () => {
    const bytes = Uint8Array.from([...encode('a,b\n1,x\n2,y\n3,'), 0xc3, 0x28, ...encode('\n')]);
    for (const chunk of [2, 5, 64]) {
      try {
        ingest(bytes, chunk);
        expect.unreachable('should fail');
      } catch (e) {
        expect(e).toBeInstanceOf(LoadFailure);
        expect((e as LoadFailure).error).toMatchObject({ kind: 'encoding', location: { line: 4, row: 3, field: 2, column: 'b', byte: 14 } });
      }
    }
  });

  test('a file that ends inside a quoted field names the line where the quote opened', () => {
    expect(() => ingest(encode('a,b\n1,2\n3,"open\n4,5\n'), 4)).toThrow(/opens on line 3 is never closed/);
  });

  test('a file that ends in the middle of a UTF-8 character is reported', () => {
    const bytes = Uint8Array.from([...encode('a\nok\n'), 0xe2, 0x82]);
    expect(() => ingest(bytes, 3)).toThrow(/not valid UTF-8: byte 0xe2 at offset 5/);
  });

  test('progress counters grow as chunks arrive', () => {
    const job = new CsvIngest('p.csv');
    job.push(encode('a,b\n1,2\n3,'));
    expect(job.rows).toBe(1);
    expect(job.bytesRead).toBe(10);
    job.push(encode('4\n'));
    expect(job.rows).toBe(2);
    expect(job.finish().rowCount).toBe(2);
  });
});

import { describe, expect, test } from 'vitest';
import { forEachRecord, forEachRecordSpan } from './csv-records.ts';

function spans(text: string, delimiter = ','): string[][] {
  const out: string[][] = [];
  forEachRecordSpan(text, delimiter, (s) => out.push(Array.from({ length: s.count }, (_, i) => text.slice(s.starts[i], s.ends[i]))));
  return out;
}

describe('record splitting', () => {
  test('trailing empty fields, blank lines skipped, CRLF, a one-field line, empty fields only', () => {
    expect(spans('a,b,\n\nx\r\n,,\nlast')).toEqual([['a', 'b', ''], ['x'], ['', '', ''], ['last']]);
  });

  test('a one-column file of many lines splits each line (no delimiter anywhere)', () => {
    const text = `${Array.from({ length: 5000 }, (_, i) => String(i)).join('\n')}\n`;
    const rows = spans(text);
    expect(rows).toHaveLength(5000);
    expect(rows[4999]).toEqual(['4999']);
  });

  test('spans and the quoted path agree on unquoted text; semicolons work too', () => {
    const text = '1;2;3\n4;;6\n';
    const viaArrays: string[][] = [];
    forEachRecord(text.replace('1', '"1"'), ';', (f) => viaArrays.push([...f]));
    expect(spans(text, ';')).toEqual(viaArrays);
  });
});

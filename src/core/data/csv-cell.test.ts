import { describe, expect, test } from 'vitest';
import { csvCell } from './csv-cell.ts';
import { parseCsv } from './parse-csv.ts';

describe('csvCell', () => {
  test('quotes only when a delimiter, quote or line break would split the field', () => {
    expect([csvCell('plain'), csvCell('a,b'), csvCell('a"b'), csvCell('a\rb'), csvCell('a\nb'), csvCell(''), csvCell(' x ')])
      .toEqual(['plain', '"a,b"', '"a""b"', '"a\rb"', '"a\nb"', '', ' x ']);
  });

  test('every quote is doubled, and the parser reads the written cells back unchanged', async () => {
    const cells = ['say "hi"', '""', 'Smith, John', 'two\r\nlines', 'plain'];
    expect(csvCell(cells[1])).toBe('""""""');
    const text = `a\n${cells.map(csvCell).join('\n')}\n`;
    const result = await parseCsv(new TextEncoder().encode(text), 'cells.csv');
    if (!result.ok) throw new Error(result.error.message);
    const column = result.snapshot.columns[0];
    expect(column.type).toBe('categorical');
    if (column.type !== 'categorical') return;
    expect(Array.from(column.codes, (code) => column.categories[code])).toEqual(cells);
  });
});

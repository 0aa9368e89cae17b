import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { cellText } from './column.ts';
import { DEFAULT_MISSING_TOKENS } from './csv-ingest.ts';
import { parseCsv } from './parse-csv.ts';

// Seeded differential fuzz (issue 11): our streaming parser against papaparse on generated CSVs. Wherever both
// accept a file they must give the same rows and cells; wherever ours refuses, the error must say where.

const MISSING = new Set(DEFAULT_MISSING_TOKENS);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

// Our snapshot trims cells, reads missing tokens as null and prints numbers in shortest form; papaparse's cells are
// brought to the same form. The generated text has no digits, so only the number cells below are numbers.
function normalise(cell: string): string | null {
  const t = cell.trim();
  if (MISSING.has(t)) return null;
  return NUMBER.test(t) ? String(Number(t)) : t;
}

const quotedText = (breaks: boolean) => fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', 'é', '😀', '\t', "'", ...(breaks ? ['\n', '\r', '\r\n'] : [])), maxLength: 8 });
const cell = (breaks: boolean) => fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom('a', 'Z', ' ', 'é', "'", '"', '\t', '?'), maxLength: 6 }).filter((s) => !s.startsWith('"')) },
  { weight: 2, arbitrary: quotedText(breaks).map((s) => `"${s.replaceAll('"', '""')}"`) },
  { weight: 2, arbitrary: fc.constantFrom('1', '-2.5', '3e2', '0.10', '.5', 'NA', '') },
);
const header = (breaks: boolean) => fc.uniqueArray(fc.constantFrom('id', 'name', 'x', '"a,b"', '"__proto__"', 'constructor', 'é', ...(breaks ? ['"two\nlines"'] : [])), { minLength: 1, maxLength: 5 });

/** A corruption applied to a well-formed file: a stray quote, a NUL, a lost character or an extra delimiter. */
const damage = fc.record({ kind: fc.constantFrom('none', 'none', 'none', 'quote', 'nul', 'drop', 'comma'), at: fc.nat() });

const csv = damage.chain((damage) => {
  const breaks = damage.kind !== 'quote' && damage.kind !== 'drop';
  return fc.record({ names: header(breaks), newline: fc.constantFrom<'\n' | '\r\n' | '\r'>('\n', '\r\n', '\r'), trailing: fc.boolean(), blank: fc.boolean() })
    // A stray or lost quote turns quoted line breaks into record ends; papaparse then keeps the one line-ending style it
    // guessed while Python's csv (and ours) ends a record at any, so such files carry no quoted line breaks.
    .chain(({ names, newline, trailing, blank }) => fc.array(fc.array(cell(breaks), { minLength: names.length, maxLength: names.length }), { minLength: 1, maxLength: 8 })
      .map((rows) => {
        const lines = [names.join(','), ...rows.map((r) => r.join(','))];
        // A blank line in a wider file is skipped by both parsers; in a one-column file it is a missing cell.
        if (blank && lines.length > 2) lines.splice(2, 0, '');
        // The last row of a one-column file must not be an empty cell: papaparse cannot tell it from a final line end.
        if (names.length === 1 && normalise(rows[rows.length - 1][0].replaceAll('"', '')) === null) lines.push('z');
        // Damage works on code points, so an emoji is never split into a lone surrogate.
        const chars = [...lines.join(newline) + (trailing ? newline : '')];
        let at = damage.at % (chars.length + 1);
      // Nothing goes between the CR and LF of a CRLF: that too would mix line endings.
      if (chars[at - 1] === '\r' && chars[at] === '\n') at++;
        if (damage.kind === 'quote') chars.splice(at, 0, '"');
        if (damage.kind === 'nul') chars.splice(at, 0, '\u0000');
        if (damage.kind === 'comma') chars.splice(at, 0, ',');
        // Dropping half of a CRLF would mix line endings in the same way.
        if (damage.kind === 'drop' && chars[at] !== '\r' && chars[at] !== '\n') chars.splice(at, 1);
        // The last row of a one-column file must not be an empty cell: papaparse cannot tell it from a final line end.
      const text = chars.join('') + (names.length === 1 ? `${trailing ? '' : newline}z${newline}` : '');
        return { text, width: names.length, newline };
      }));
});

// Papaparse is told the line ending the file was written with: its own guess can take a CRLF file whose quoted cells
// hold many CRs for a CR-only one.
function papaRows(text: string, width: number, newline: '\n' | '\r\n' | '\r'): string[][] | null {
  const result = Papa.parse<string[]>(text, { delimiter: ',', newline, skipEmptyLines: width > 1 });
  let data = result.data;
  // Without skipEmptyLines papaparse also gives blank lines before the header and a final line end as rows of one
  // empty cell; ours skips those (a quoted "" there is rare enough for the generator to ignore).
  const empty = (r: string[] | undefined): boolean => r !== undefined && r.length === 1 && r[0] === '';
  if (width === 1) {
    while (empty(data[data.length - 1])) data = data.slice(0, -1);
    while (empty(data[0])) data = data.slice(1);
  }
  if (result.errors.length > 0 || data.length < 2 || data.some((r) => r.length !== width)) return null;
  return data;
}

describe('differential fuzz against papaparse', () => {
  test('300 seeded files: same cells where both accept, a located one-line error where ours refuses', async () => {
    const samples = fc.sample(csv, { seed: 20261130, numRuns: 300 });
    const tally = { both: 0, oursRefused: 0, papaOnlyRefused: 0 };
    for (const { text, width, newline } of samples) {
      const ours = await parseCsv(new TextEncoder().encode(text), 'fuzz.csv');
      const papa = papaRows(text, width, newline);
      const label = JSON.stringify(text);
      if (!ours.ok) {
        tally.oursRefused++;
        const { location, message } = ours.error;
        expect(location.line ?? location.byte, label).toBeGreaterThanOrEqual(0);
        expect(message, label).not.toMatch(/[\n\r]/);
        continue;
      }
      if (!papa) {
        tally.papaOnlyRefused++;
        continue;
      }
      tally.both++;
      const { snapshot } = ours;
      const expected = papa.slice(1).map((r) => r.map(normalise));
      const got = Array.from({ length: snapshot.rowCount }, (_, r) => snapshot.columns.map((c) => {
        // A text column keeps a number's spelling when it arrives after the first word, so ours is normalised too.
        const t = cellText(c, r);
        return t === null ? null : normalise(t);
      }));
      // A boolean column keeps its values in lower case (so `TRUE` and `true` are one class).
      snapshot.columns.forEach((c, j) => {
        if (c.type === 'boolean') for (const row of expected) row[j] = row[j]?.toLowerCase() ?? null;
      });
      expect(got, label).toEqual(expected);
      // An empty header is named by position, with a warning (a duplicate would be renamed too; none is generated).
      expect(snapshot.columns.map((c) => c.name), label).toEqual(papa[0].map((n, i) => n.trim() || `column_${i + 1}`));
    }
    // The generator must exercise both paths, or the comparison proves little.
    expect(tally.both).toBeGreaterThan(150);
    expect(tally.oursRefused).toBeGreaterThan(20);
    expect(tally.papaOnlyRefused).toBeLessThan(10);
  });
});

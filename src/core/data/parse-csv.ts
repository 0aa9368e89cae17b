import Papa from 'papaparse';
import { ColumnBuilder } from './column-builder.ts';
import { decodeText, guessDelimiter } from './decode-text.ts';
import { fail, LoadFailure, type LoadError } from './load-error.ts';
import { sha256Hex } from './sha256.ts';
import type { Snapshot } from './snapshot.ts';

/** Cell values read as missing by default (after trimming). */
export const DEFAULT_MISSING_TOKENS: readonly string[] = ['', 'NA', 'N/A', 'null', 'NaN', '?'];

export interface ParseOptions {
  readonly missingTokens?: readonly string[];
}

export type LoadResult = { ok: true; snapshot: Snapshot } | { ok: false; error: LoadError };

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function uniqueHeader(raw: readonly string[], warnings: string[]): string[] {
  const taken = new Set(raw.map((name) => name.trim()));
  const used = new Set<string>();
  return raw.map((name, i) => {
    let base = name.trim();
    if (base === '') {
      base = `column_${i + 1}`;
      warnings.push(`Column ${i + 1} has an empty header; it is named "${base}".`);
    }
    if (!used.has(base)) {
      used.add(base);
      return base;
    }
    // Skip suffixes that another header already spells, so "a,a,a_2" never yields two "a_2" columns.
    let k = 2;
    while (used.has(`${base}_${k}`) || taken.has(`${base}_${k}`)) k++;
    const renamed = `${base}_${k}`;
    used.add(renamed);
    warnings.push(`Header "${base}" appears more than once; column ${i + 1} is renamed "${renamed}".`);
    return renamed;
  });
}

function raggedMessage(fileName: string, row: number, line: number, fields: readonly string[], header: readonly string[]): never {
  const location = { row, line };
  if (fields.length < header.length) {
    const column = header[fields.length];
    fail('ragged', `${fileName}, data row ${row} (line ${line}) has ${fields.length} field${fields.length === 1 ? '' : 's'} but the header has ${header.length}: column ${fields.length + 1} "${column}" is missing.`, { ...location, field: fields.length + 1, column });
  }
  fail('ragged', `${fileName}, data row ${row} (line ${line}) has ${fields.length} fields but the header has ${header.length}: an extra field starts at column ${header.length + 1}, after "${header[header.length - 1]}".`, { ...location, field: header.length + 1 });
}

function parseText(text: string, fileName: string, options: ParseOptions): Omit<Snapshot, 'id' | 'byteLength'> {
  const missing = new Set(options.missingTokens ?? DEFAULT_MISSING_TOKENS);
  const warnings: string[] = [];
  let header: string[] | null = null;
  let builders: ColumnBuilder[] = [];
  let rows = 0;
  let failure: LoadFailure | null = null;
  // The header line decides the delimiter: papaparse's own guess gives up on files with a ragged row.
  const newline = text.indexOf('\n');
  const delimiter = guessDelimiter(newline < 0 ? text : text.slice(0, newline));
  const result = Papa.parse<string[]>(text, {
    delimiter,
    // Only truly empty lines are skipped: a row of empty cells is a row of missing values and keeps row numbers true.
    skipEmptyLines: true,
    step: (step, parser) => {
      try {
        const quoteError = step.errors.find((e) => e.type === 'Quotes');
        if (quoteError) {
          const line = lineOf(text, step.meta.cursor);
          fail('quotes', `${fileName}: a quoted field that starts in data row ${rows + 1} (near line ${line}) is never closed.`, { row: rows + 1, line });
        }
        if (!header) {
          header = uniqueHeader(step.data, warnings);
          builders = header.map((name) => new ColumnBuilder(name, missing));
          return;
        }
        rows++;
        if (step.data.length !== header.length) {
          raggedMessage(fileName, rows, lineOf(text, step.meta.cursor) - (text[step.meta.cursor - 1] === '\n' ? 1 : 0), step.data, header);
        }
        for (let c = 0; c < builders.length; c++) builders[c].push(step.data[c]);
      } catch (e) {
        if (!(e instanceof LoadFailure)) throw e;
        failure = e;
        parser.abort();
      }
    },
  });
  if (failure) throw failure;
  if (!header || (header as string[]).every((h) => h.trim() === '')) {
    fail('empty', `${fileName} has no header row: the file contains only blank lines.`);
  }
  const names = header as string[];
  if (rows === 0) {
    fail('no-rows', `${fileName} has a header row (${names.length} column${names.length === 1 ? '' : 's'}: ${names.slice(0, 5).map((n) => `"${n}"`).join(', ')}${names.length > 5 ? ', …' : ''}) but no data rows.`, { line: 2, row: 1 });
  }
  return {
    fileName,
    rowCount: rows,
    delimiter,
    columns: builders.map((b) => b.build()),
    warnings,
  };
}

/** Parses CSV bytes into a typed-column snapshot identified by the SHA-256 of the bytes; failures come back as values. */
export async function parseCsv(bytes: Uint8Array, fileName: string, options: ParseOptions = {}): Promise<LoadResult> {
  try {
    const text = decodeText(bytes, fileName);
    const parsed = parseText(text, fileName, options);
    const id = await sha256Hex(bytes);
    return { ok: true, snapshot: { ...parsed, id, byteLength: bytes.length } };
  } catch (e) {
    if (e instanceof LoadFailure) return { ok: false, error: e.error };
    throw e;
  }
}

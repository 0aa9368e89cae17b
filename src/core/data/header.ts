import { fail } from './load-error.ts';

/** A name as it is quoted in a one-line message: control characters, quotes and backslashes escaped (`a\nb`). */
export function escapeName(name: string): string {
  return JSON.stringify(name).slice(1, -1);
}

/** Header names made unique and non-empty, with a warning for each rename. */
export function uniqueHeader(raw: readonly string[], warnings: string[]): string[] {
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
    warnings.push(`Header "${escapeName(base)}" appears more than once; column ${i + 1} is renamed "${escapeName(renamed)}".`);
    return renamed;
  });
}

/** Throws the located message for a row whose field count differs from the header's. */
export function raggedMessage(fileName: string, row: number, line: number, fields: readonly string[], header: readonly string[]): never {
  const location = { row, line };
  if (fields.length < header.length) {
    const column = header[fields.length];
    fail('ragged', `${fileName}, data row ${row} (line ${line}) has ${fields.length} field${fields.length === 1 ? '' : 's'} but the header has ${header.length}: column ${fields.length + 1} "${escapeName(column)}" is missing.`, { ...location, field: fields.length + 1, column });
  }
  fail('ragged', `${fileName}, data row ${row} (line ${line}) has ${fields.length} fields but the header has ${header.length}: an extra field starts at column ${header.length + 1}, after "${escapeName(header[header.length - 1])}".`, { ...location, field: header.length + 1 });
}

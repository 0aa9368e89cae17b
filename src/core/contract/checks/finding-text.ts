import { hasValues, type Column, type ValuesColumn } from '../../data/column.ts';

// How findings name rows and numbers: example rows, shares, value lists, cell values and missing cells.

/** Most example rows a finding carries (the Finding contract allows 5). */
export const MAX_EXAMPLE_ROWS = 5;

/** The first MAX_EXAMPLE_ROWS of `rows` (0-based data rows), in the order given. */
export function exampleRows(rows: Iterable<number>): number[] {
  const out: number[] = [];
  for (const row of rows) {
    if (out.length === MAX_EXAMPLE_ROWS) break;
    out.push(row);
  }
  return out;
}

/** A share in [0, 1] as a short percentage for messages, e.g. 0.05 → "5%", 0.1234 → "12.3%", 0.0002 → "<0.1%". */
export function percent(rate: number): string {
  const p = rate * 100;
  if (p === 0) return '0%';
  // A tiny non-zero share must not print as "0%", or a user would read it as "none".
  if (p < 0.1) return '<0.1%';
  return `${Number(p.toFixed(1))}%`;
}

/** Up to `limit` values as `"a", "b", "c"`, then "and N more", so a message stays one readable sentence. */
export function quoteList(values: readonly string[], limit = 5): string {
  const shown = values.slice(0, limit).map((v) => `"${v}"`).join(', ');
  return values.length > limit ? `${shown} and ${values.length - limit} more` : shown;
}

/** A numeric or datetime value (epoch ms) as a user reads it: plain number, or ISO 8601 (UTC) for datetimes. */
export function formatValue(column: Pick<ValuesColumn, 'type'>, value: number): string {
  return column.type === 'datetime' ? new Date(value).toISOString() : String(value);
}

/** Ascending 0-based rows (length = column.missing) whose cell is missing: NaN values or code -1. */
export function missingRows(column: Column): number[] {
  const rows: number[] = [];
  if (hasValues(column)) {
    for (let i = 0; i < column.values.length; i++) if (Number.isNaN(column.values[i])) rows.push(i);
  } else {
    for (let i = 0; i < column.codes.length; i++) if (column.codes[i] < 0) rows.push(i);
  }
  return rows;
}

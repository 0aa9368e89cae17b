/**
 * Storage type of a column. Booleans and categoricals are dictionary-encoded; numerics and datetimes are float64
 * with NaN for missing (datetimes in epoch milliseconds, UTC). Finer kinds (integer, free text, ID-like) live in the profile.
 */
export type ColumnType = 'numeric' | 'categorical' | 'boolean' | 'datetime';

/** What the parser noticed in a column's cells: rows are 0-based data rows, at most a few examples each. */
export interface ParseNotes {
  /** A text column where most cells are numbers: the non-numeric cells that made it text. */
  readonly mixedTypes?: { readonly numericCells: number; readonly textCells: number; readonly textRows: readonly number[]; readonly numericRows: readonly number[] };
  /** Cells such as `1,5` that look like decimal commas; they are read as text, not numbers. */
  readonly decimalCommas?: { readonly count: number; readonly rows: readonly number[] };
  /** Cells such as `119,220` with comma-grouped thousands; `readAsNumbers` when every text cell is one, so the column is numeric. */
  readonly thousandsSeparators?: { readonly count: number; readonly rows: readonly number[]; readonly readAsNumbers: boolean };
}

/** A numeric column: one float64 per row, NaN where the cell was missing. */
export interface NumericColumn {
  readonly name: string;
  readonly type: 'numeric';
  readonly values: Float64Array;
  readonly missing: number;
  readonly distinct: number;
  readonly notes?: ParseNotes;
}

/** A datetime column: epoch milliseconds (UTC) per row, NaN where missing; `format` says how the cells were written. */
export interface DatetimeColumn {
  readonly name: string;
  readonly type: 'datetime';
  readonly values: Float64Array;
  readonly missing: number;
  readonly distinct: number;
  readonly format: 'iso' | 'epoch-seconds' | 'epoch-milliseconds';
  readonly notes?: ParseNotes;
}

/** A categorical or boolean column: one int32 code per row into `categories`, -1 where the cell was missing. */
export interface CategoricalColumn {
  readonly name: string;
  readonly type: 'categorical' | 'boolean';
  readonly codes: Int32Array;
  readonly categories: readonly string[];
  readonly missing: number;
  readonly distinct: number;
  readonly notes?: ParseNotes;
}

export type Column = NumericColumn | DatetimeColumn | CategoricalColumn;

/** Columns stored as float64 values (numeric and datetime). */
export type ValuesColumn = NumericColumn | DatetimeColumn;

export function hasValues(column: Column): column is ValuesColumn {
  return column.type === 'numeric' || column.type === 'datetime';
}

/** Number of rows a column holds. */
export function columnLength(column: Column): number {
  return hasValues(column) ? column.values.length : column.codes.length;
}

/** The text of one cell, or null when missing; numbers print in their shortest round-trip form. */
export function cellText(column: Column, row: number): string | null {
  if (column.type === 'numeric') {
    const v = column.values[row];
    return Number.isNaN(v) ? null : String(v);
  }
  if (column.type === 'datetime') {
    const v = column.values[row];
    return Number.isNaN(v) ? null : new Date(v).toISOString();
  }
  const code = column.codes[row];
  return code < 0 ? null : column.categories[code];
}

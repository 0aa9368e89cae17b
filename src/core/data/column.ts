/** Inferred column type. Booleans and categoricals are dictionary-encoded; numerics are float64 with NaN for missing. */
export type ColumnType = 'numeric' | 'categorical' | 'boolean';

/** A numeric column: one float64 per row, NaN where the cell was missing. */
export interface NumericColumn {
  readonly name: string;
  readonly type: 'numeric';
  readonly values: Float64Array;
  readonly missing: number;
  readonly distinct: number;
}

/** A categorical or boolean column: one int32 code per row into `categories`, -1 where the cell was missing. */
export interface CategoricalColumn {
  readonly name: string;
  readonly type: 'categorical' | 'boolean';
  readonly codes: Int32Array;
  readonly categories: readonly string[];
  readonly missing: number;
  readonly distinct: number;
}

export type Column = NumericColumn | CategoricalColumn;

/** The text of one cell, or null when missing; numbers print in their shortest round-trip form. */
export function cellText(column: Column, row: number): string | null {
  if (column.type === 'numeric') {
    const v = column.values[row];
    return Number.isNaN(v) ? null : String(v);
  }
  const code = column.codes[row];
  return code < 0 ? null : column.categories[code];
}

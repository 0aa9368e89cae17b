import { hasValues, type Column } from '../../data/column.ts';

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

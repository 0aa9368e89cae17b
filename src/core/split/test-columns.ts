import type { CategoricalColumn, DatetimeColumn, NumericColumn } from '../data/column.ts';

const missingCount = (values: readonly number[]): number => values.filter((v) => Number.isNaN(v)).length;

/** Test fixture: a numeric column from plain numbers (NaN = missing). */
export function numericColumn(name: string, values: readonly number[]): NumericColumn {
  const v = Float64Array.from(values);
  return { name, type: 'numeric', values: v, missing: missingCount(values), distinct: new Set(values).size };
}

/** Test fixture: a datetime column from epoch-ms numbers (NaN = missing). */
export function datetimeColumn(name: string, values: readonly number[]): DatetimeColumn {
  return { ...numericColumn(name, values), type: 'datetime', format: 'iso' };
}

/** Test fixture: a categorical column from cell strings (null = missing), coded in order of first appearance. */
export function categoricalColumn(name: string, cells: readonly (string | null)[]): CategoricalColumn {
  const categories: string[] = [];
  const codes = Int32Array.from(cells, (c) => {
    if (c === null) return -1;
    if (!categories.includes(c)) categories.push(c);
    return categories.indexOf(c);
  });
  return { name, type: 'categorical', codes, categories, missing: cells.filter((c) => c === null).length, distinct: categories.length };
}

/** Row indices 0..n-1. */
export const range = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i);

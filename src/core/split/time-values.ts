import type { Column } from '../data/column.ts';
import { hasValues } from '../data/column.ts';

/** The per-row event times (epoch ms for datetime, raw numbers for numeric; NaN = missing) of a time column. */
export function timeValues(column: Column): Float64Array {
  if (hasValues(column)) return column.values;
  // Categories have no order we could trust as time, so refuse rather than guess.
  throw new Error(
    `Column "${column.name}" is ${column.type}, not a date/time or numeric column, so it cannot order rows in time. Choose an event-time column for a time split.`,
  );
}

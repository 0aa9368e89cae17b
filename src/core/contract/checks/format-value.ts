import type { ValuesColumn } from '../../data/column.ts';

/** A numeric or datetime value (epoch ms) as a user reads it: plain number, or ISO 8601 (UTC) for datetimes. */
export function formatValue(column: Pick<ValuesColumn, 'type'>, value: number): string {
  return column.type === 'datetime' ? new Date(value).toISOString() : String(value);
}

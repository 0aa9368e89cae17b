// Shared inputs for the checks' tests; not part of the public API (index.ts does not export it).
import type { Column } from '../../data/column.ts';
import { parseCsv } from '../../data/parse-csv.ts';
import type { Snapshot } from '../../data/snapshot.ts';
import type { Split } from '../../split/split.ts';
import { DEFAULT_SPLIT } from '../../split/split.ts';
import type { ColumnRule, DataContract, Role } from '../data-contract.ts';

/** Parses CSV text into a snapshot; throws the loader's message on failure. */
export async function snapshotFromCsv(csv: string, fileName = 'test.csv'): Promise<Snapshot> {
  const result = await parseCsv(new TextEncoder().encode(csv), fileName);
  if (!result.ok) throw new Error(result.error.message);
  return result.snapshot;
}

function asDatetime(column: Column): Column {
  if (column.type === 'datetime') return column;
  if (column.type !== 'categorical') throw new Error(`"${column.name}" is ${column.type}, not ISO text`);
  const values = new Float64Array(column.codes.length);
  column.codes.forEach((code, i) => { values[i] = code < 0 ? NaN : Date.parse(column.categories[code]); });
  return { name: column.name, type: 'datetime', values, missing: column.missing, distinct: column.distinct, format: 'iso' };
}

/** The snapshot with the named ISO-text columns turned into datetime columns (kept as-is if the parser already did). */
export function withDatetimes(snapshot: Snapshot, names: readonly string[]): Snapshot {
  return { ...snapshot, columns: snapshot.columns.map((c) => (names.includes(c.name) ? asDatetime(c) : c)) };
}

/** A contract over `roles` (column → role, snapshot order) with optional rules; other fields take defaults. */
export function contractFor(label: string, positiveClass: string, roles: Record<string, Role>, rules: Record<string, ColumnRule> = {}): DataContract {
  return { schema: 1, revision: 1, snapshotId: 'test', label, positiveClass, roles, labelTiming: null, rules, missingTokens: [], split: DEFAULT_SPLIT, dismissed: [] };
}

/** A split from plain row lists (each ascending). */
export function splitOf(train: number[], validation: number[], test: number[]): Split {
  return { train: Int32Array.from(train), validation: Int32Array.from(validation), test: Int32Array.from(test) };
}

/** Rows 0..n-1 as an Int32Array. */
export function allRows(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

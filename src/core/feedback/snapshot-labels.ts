import { joinLabels, LabelJoinError, labelValue } from './label-join.ts';

/** A CSV read whole: its name (for messages), trimmed header and data rows (row r of the file is rows[r − 1]). */
export interface CsvTable {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Where labels come from: a later labels table joined by `key` (and `time`), or else the snapshot's own label column. */
export interface SnapshotLabelSource {
  readonly labels: CsvTable | null;
  /** Join key column (default: the bundle's entity key). */
  readonly key?: string;
  /** Event-time column, in both tables: joins on key and time, and gives each row's age. */
  readonly time?: string;
}

/** Per snapshot row (n): 1, 0 or null (not arrived); each row's age in days before the newest event time; the source. */
export interface SnapshotLabels {
  readonly labels: (0 | 1 | null)[];
  readonly ageDays: number[] | null;
  readonly from: string;
}

/** What labels need of a bundle's inference contract (its fields of the same names). */
export interface LabelContract {
  readonly label: string;
  readonly classes: readonly string[];
  readonly positive_class: string;
  readonly missing_tokens: readonly string[];
  readonly entity_key: string | null;
}

function column(table: CsvTable, name: string, role: string): number {
  const i = table.header.indexOf(name);
  if (i < 0) throw new LabelJoinError(`${table.name} has no column "${name}" (${role})`);
  return i;
}

/** Epoch days of a time cell (ISO date/time or epoch seconds/milliseconds), NaN when unreadable. */
function days(text: string): number {
  const t = text.trim();
  if (t === '') return NaN;
  const n = Number(t);
  const ms = Number.isFinite(n) ? (n < 1e11 ? n * 1000 : n) : Date.parse(t);
  return ms / 86_400_000;
}

/**
 * Reads the labels of a snapshot's rows: joined from `source.labels` by key (and time), or from the snapshot's label
 * column; null when no label can exist (no labels table and no label column). A missing column, an unknown label
 * value or a repeated key throws LabelJoinError naming the file and row.
 */
export function snapshotLabels(contract: LabelContract, input: CsvTable, source: SnapshotLabelSource): SnapshotLabels | null {
  const read = (text: string | null, where: string) => (text === null ? null : labelValue(text, contract.classes, contract.positive_class, contract.missing_tokens, where));
  const timeIdx = source.time ? column(input, source.time, 'the event time') : -1;
  let ageDays: number[] | null = null;
  if (timeIdx >= 0) {
    const d = input.rows.map((r) => days(r[timeIdx] ?? ''));
    const newest = d.reduce((a, b) => (Number.isNaN(b) ? a : Math.max(a, b)), -Infinity);
    ageDays = d.map((x) => newest - x);
  }
  const table = source.labels;
  if (table) {
    const key = source.key ?? contract.entity_key ?? undefined;
    if (!key) throw new LabelJoinError(`${table.name} needs a join key column: the bundle has no entity key to join on`);
    const keyIdx = column(input, key, 'the join key');
    const lk = column(table, key, 'the join key');
    const ll = column(table, contract.label, 'the bundle\'s label');
    const lt = source.time ? column(table, source.time, 'the event time') : -1;
    const records = table.rows.map((r) => ({ key: r[lk] ?? '', time: lt >= 0 ? r[lt] ?? '' : null, label: r[ll] ?? '' }));
    const joined = joinLabels(input.rows.map((r) => r[keyIdx] ?? ''), lt >= 0 ? input.rows.map((r) => r[timeIdx] ?? '') : null, records, table.name);
    return { labels: joined.map((t, r) => read(t, `${table.name} (joined to row ${r + 1})`)), ageDays, from: table.name };
  }
  const li = input.header.indexOf(contract.label);
  if (li < 0) return null;
  return { labels: input.rows.map((r, i) => read(r[li] ?? '', `${input.name} row ${i + 1}, column ${contract.label}`)), ageDays, from: `${input.name} column ${contract.label}` };
}

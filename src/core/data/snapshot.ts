import type { ColumnProfile } from './column-profile.ts';
import type { Column } from './column.ts';
import { escapeName } from './header.ts';

/** A loaded CSV: its SHA-256 identity and typed columns. No row objects anywhere. */
export interface Snapshot {
  /** Lower-case hex SHA-256 of the file's bytes. */
  readonly id: string;
  readonly fileName: string;
  readonly byteLength: number;
  readonly rowCount: number;
  readonly delimiter: string;
  readonly columns: readonly Column[];
  /** Non-fatal findings, e.g. renamed duplicate headers. */
  readonly warnings: readonly string[];
  /** Column profiles computed while loading (one sort per float column serves both distinct counts and quantiles). */
  readonly profiles?: readonly ColumnProfile[];
}

/** How bundles and CLI reports name a snapshot: its SHA-256, file name and row count. */
export function snapshotSummary(snapshot: Pick<Snapshot, 'id' | 'fileName' | 'rowCount'>): { sha256: string; file_name: string; rows: number } {
  return { sha256: snapshot.id, file_name: snapshot.fileName, rows: snapshot.rowCount };
}

/** The first 12 hex characters of a snapshot ID, as shown in the UI and in bundle IDs. */
export function shortId(id: string): string {
  return id.slice(0, 12);
}

/** Looks a column up by name; throws a message naming the missing column. */
export function columnByName(snapshot: Pick<Snapshot, 'columns' | 'fileName'>, name: string): Column {
  const column = snapshot.columns.find((c) => c.name === name);
  if (!column) throw new Error(`Column "${escapeName(name)}" is not in ${snapshot.fileName}`);
  return column;
}

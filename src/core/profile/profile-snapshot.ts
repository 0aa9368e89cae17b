import type { Snapshot } from '../data/snapshot.ts';
import type { ColumnProfile } from './column-profile.ts';
import { profileColumn } from './profile-column.ts';

/** Profiles of every column of a snapshot, in snapshot order. */
export function profileSnapshot(snapshot: Snapshot): ColumnProfile[] {
  return snapshot.columns.map((column) => profileColumn(column, snapshot.rowCount));
}

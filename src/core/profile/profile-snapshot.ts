import type { Snapshot } from '../data/snapshot.ts';
import type { ColumnProfile } from '../data/column-profile.ts';
import { profileColumn } from './profile-column.ts';

/** Profiles of every column of a snapshot, in snapshot order; reuses the ones computed while loading. */
export function profileSnapshot(snapshot: Snapshot): ColumnProfile[] {
  if (snapshot.profiles?.length === snapshot.columns.length) return [...snapshot.profiles];
  return snapshot.columns.map((column) => profileColumn(column, snapshot.rowCount));
}

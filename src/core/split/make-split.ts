import { columnByName, type Snapshot } from '../data/snapshot.ts';
import { groupSplit } from './group-split.ts';
import type { Split, SplitConfig } from './split.ts';
import { stratifiedSplit } from './stratified-split.ts';
import { timeSplit } from './time-split.ts';

/** A split from any policy; `droppedMissingTime` counts rows a time split left out (0 for other policies). */
export type SplitResult = Split & { readonly droppedMissingTime: number };

/**
 * Splits the labelled rows (`rows`, snapshot row indices) by the configured policy. `y` is the 0/1 label per
 * snapshot row; group and time splits read `config.column` from the snapshot and throw if it is absent or unusable.
 */
export function makeSplit(snapshot: Snapshot, rows: Int32Array, y: Uint8Array, config: SplitConfig, seed: number): SplitResult {
  switch (config.policy) {
    case 'stratified-random':
      return { ...stratifiedSplit(rows, y, config.fractions, seed), droppedMissingTime: 0 };
    case 'group':
      return { ...groupSplit(rows, columnByName(snapshot, config.column), config.fractions, seed), droppedMissingTime: 0 };
    case 'time':
      return timeSplit(rows, columnByName(snapshot, config.column), config.cuts);
  }
}

import type { Snapshot } from '../data/snapshot.ts';
import type { Split, SplitConfig } from './split.ts';
import { stratifiedSplit } from './stratified-split.ts';

/** Splits the labelled rows by the configured policy. `y` is the 0/1 label per snapshot row. */
export function makeSplit(snapshot: Snapshot, rows: Int32Array, y: Uint8Array, config: SplitConfig, seed: number): Split {
  if (config.policy === 'stratified-random') return stratifiedSplit(rows, y, config.fractions, seed);
  throw new Error(`Split policy "${config.policy}" is not available yet (snapshot ${snapshot.fileName}).`);
}

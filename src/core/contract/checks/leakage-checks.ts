import type { Snapshot } from '../../data/snapshot.ts';
import type { Split } from '../../split/split.ts';
import type { DataContract } from '../data-contract.ts';
import type { Finding } from '../finding.ts';
import { checkDuplicatesAcrossSplits } from './check-duplicates-across-splits.ts';
import { checkEntityOverlap } from './check-entity-overlap.ts';
import { checkFutureDates } from './check-future-dates.ts';
import { checkIdLikeColumns } from './check-id-like.ts';
import { checkSingleFeaturePower } from './check-single-feature.ts';

/** Inputs of the leakage checks: y is 0/1 per snapshot row (rowCount), split holds row indices, seed drives folds. */
export interface LeakageInput {
  readonly snapshot: Snapshot;
  readonly contract: DataContract;
  readonly y: Uint8Array;
  readonly split: Split;
  readonly seed: number;
}

/**
 * Leakage checks run before any training, in order: single-feature power and ID/row-order on the training rows,
 * datetime features after the event time, entities in several splits, identical rows across splits. Pure and
 * deterministic for a given seed; dismissals are left to the caller.
 */
export function leakageChecks(input: LeakageInput): Finding[] {
  const { snapshot, contract, y, split, seed } = input;
  if (y.length !== snapshot.rowCount) {
    throw new Error(`y has ${y.length} entries but ${snapshot.fileName} has ${snapshot.rowCount} rows; pass one 0/1 label per row.`);
  }
  return [
    ...checkSingleFeaturePower(snapshot, contract, y, split.train, seed),
    ...checkIdLikeColumns(snapshot, contract, y, split.train),
    ...checkFutureDates(snapshot, contract),
    ...checkEntityOverlap(snapshot, contract, split),
    ...checkDuplicatesAcrossSplits(snapshot, contract, split),
  ];
}

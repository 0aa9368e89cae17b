import { cellText } from '../../data/column.ts';
import { createRandom, shuffleInPlace } from '../../random.ts';
import type { Snapshot } from '../../data/snapshot.ts';
import type { Split } from '../../split/split.ts';
import type { DataContract } from '../data-contract.ts';
import type { Finding } from '../finding.ts';
import type { ClassTarget } from './class-targets.ts';
import { checkDuplicatesAcrossSplits } from './check-duplicates-across-splits.ts';
import { checkEntityOverlap } from './check-entity-overlap.ts';
import { checkFutureDates } from './check-future-dates.ts';
import { checkIdLikeColumns } from './check-id-like.ts';
import { checkOutcomePatterns } from './check-outcome-patterns.ts';
import { checkSingleFeaturePower } from './check-single-feature.ts';

/**
 * Inputs of the leakage checks: y is 0/1 per snapshot row (rowCount) against the positive class, split holds row
 * indices, seed drives folds. `targets` are the classes judged one-vs-rest (every class of a multiclass label);
 * absent, only the positive class is.
 */
export interface LeakageInput {
  readonly snapshot: Snapshot;
  readonly contract: DataContract;
  readonly y: Uint8Array;
  readonly split: Split;
  readonly seed: number;
  readonly targets?: readonly ClassTarget[];
}

/** Most training rows the per-feature screens (power, patterns, order) read; beyond, a seeded sample of this size. */
export const MAX_SCREEN_ROWS = 20_000;

// A leak strong enough to matter shows on 20,000 rows; a seeded sample keeps the checks before training fast on big
// files. Ascending, so the row-order check still sees the file's order.
function screenRows(train: Int32Array, seed: number): Int32Array {
  if (train.length <= MAX_SCREEN_ROWS) return train;
  const copy = Int32Array.from(train);
  shuffleInPlace(copy, createRandom(seed ^ 0x5eed));
  return copy.slice(0, MAX_SCREEN_ROWS).sort();
}

// The other class of a binary label, named by its value on the first training row that is not the positive class.
function complement(snapshot: Snapshot, contract: DataContract, target: ClassTarget, train: Int32Array): ClassTarget {
  const column = snapshot.columns.find((c) => c.name === contract.label);
  const row = train.find((r) => target.y[r] === 0);
  const name = (column && row !== undefined ? cellText(column, row) : null) ?? `not ${target.name}`;
  return { name, y: target.y.map((v) => 1 - v) };
}

/**
 * Leakage checks run before any training, in order: single-feature power, post-outcome patterns and ID/row-order on
 * the training rows (every class; a seeded sample of MAX_SCREEN_ROWS when there are more), datetime features after the event time, entities in several splits, identical
 * rows across splits. Pure and deterministic for a given seed; dismissals are left to the caller.
 */
export function leakageChecks(input: LeakageInput): Finding[] {
  const { snapshot, contract, y, split, seed } = input;
  if (y.length !== snapshot.rowCount) {
    throw new Error(`y has ${y.length} entries but ${snapshot.fileName} has ${snapshot.rowCount} rows; pass one 0/1 label per row.`);
  }
  const targets = input.targets ?? [{ name: contract.positiveClass, y }];
  // A post-outcome record can mark either class (Titanic's body is filled only for the dead): patterns look at both.
  const patternTargets = targets.length === 1 ? [...targets, complement(snapshot, contract, targets[0], split.train)] : targets;
  const screened = screenRows(split.train, seed);
  const power = checkSingleFeaturePower(snapshot, contract, targets, screened, seed);
  // A strong signal is still looked at for patterns: a post-outcome pattern is the evidence that raises it.
  const flagged = new Set(power.filter((f) => f.status !== 'pass' && !f.strongSignal && f.column).map((f) => f.column as string));
  return [
    ...power,
    ...checkOutcomePatterns(snapshot, contract, patternTargets, screened, flagged),
    ...checkIdLikeColumns(snapshot, contract, targets, screened),
    ...checkFutureDates(snapshot, contract),
    ...checkEntityOverlap(snapshot, contract, split),
    ...checkDuplicatesAcrossSplits(snapshot, contract, split),
  ];
}

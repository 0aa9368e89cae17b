import { cellText } from '../data/column.ts';
import { columnByName, type Snapshot } from '../data/snapshot.ts';
import type { Contract } from './contract.ts';

/** Binary targets for every row (1 = positive class) and the rows whose label is present. */
export interface EncodedLabel {
  /** One entry per snapshot row; 0 for rows with a missing label (they are excluded via `labelled`). */
  readonly y: Uint8Array;
  /** Ascending row indices that have a label. */
  readonly labelled: Int32Array;
  readonly nPositive: number;
}

/** Encodes the contract's label column as 0/1 against its positive class; fails if either class is absent. */
export function encodeLabel(snapshot: Snapshot, contract: Contract): EncodedLabel {
  const column = columnByName(snapshot, contract.label);
  const y = new Uint8Array(snapshot.rowCount);
  const labelled: number[] = [];
  let nPositive = 0;
  for (let i = 0; i < snapshot.rowCount; i++) {
    const text = cellText(column, i);
    if (text === null) continue;
    labelled.push(i);
    if (text === contract.positiveClass) { y[i] = 1; nPositive++; }
  }
  if (nPositive === 0) throw new Error(`No row of "${contract.label}" equals the positive class "${contract.positiveClass}".`);
  if (nPositive === labelled.length) throw new Error(`Every labelled row of "${contract.label}" is "${contract.positiveClass}": the label has only one class, so there is nothing to learn.`);
  return { y, labelled: Int32Array.from(labelled), nPositive };
}

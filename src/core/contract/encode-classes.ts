import { cellText } from '../data/column.ts';
import { columnByName, type Snapshot } from '../data/snapshot.ts';
import type { Contract } from './contract.ts';

/** More classes than this is almost always an ID or free-text column chosen as the label by mistake. */
export const MAX_CLASSES = 50;

/** Class index per row for a multiclass (softmax) label, and which index is the contract's positive class. */
export interface EncodedClasses {
  /** Distinct label values in code-unit order (as numpy's `unique`), so index k always means the same class. */
  readonly classes: readonly string[];
  /** One entry per snapshot row: the index into `classes`; 0 for rows with a missing label (excluded via `labelled`). */
  readonly classIndex: Uint8Array;
  /** Ascending row indices that have a label. */
  readonly labelled: Int32Array;
  /** Index of the positive class, whose probability drives the one-vs-rest views. */
  readonly positiveIndex: number;
}

/** Encodes the label column as class indices; fails on fewer than three or more than MAX_CLASSES classes. */
export function encodeClasses(snapshot: Snapshot, contract: Contract): EncodedClasses {
  const column = columnByName(snapshot, contract.label);
  const texts: (string | null)[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < snapshot.rowCount; i++) {
    const text = cellText(column, i);
    texts.push(text);
    if (text !== null) seen.add(text);
  }
  const classes = [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (classes.length < 3) throw new Error(`Multiclass training needs at least three classes; "${contract.label}" has ${classes.length}. Train it as binary (positive class against the rest).`);
  if (classes.length > MAX_CLASSES) throw new Error(`"${contract.label}" has ${classes.length} distinct values, more than the ${MAX_CLASSES} classes multiclass training allows. Is it really the label?`);
  const positiveIndex = classes.indexOf(contract.positiveClass);
  if (positiveIndex < 0) throw new Error(`No row of "${contract.label}" equals the positive class "${contract.positiveClass}".`);
  const index = new Map(classes.map((c, k) => [c, k]));
  const classIndex = new Uint8Array(snapshot.rowCount);
  const labelled: number[] = [];
  texts.forEach((text, i) => {
    if (text === null) return;
    labelled.push(i);
    classIndex[i] = index.get(text) ?? 0;
  });
  return { classes, classIndex, labelled: Int32Array.from(labelled), positiveIndex };
}

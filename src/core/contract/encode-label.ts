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

/** Distinct label values in code-unit order (as `encodeClasses` orders them), with each row's index (-1 = missing). */
function classIndexOf(snapshot: Snapshot, label: string): { classes: string[]; index: Int32Array } {
  const column = columnByName(snapshot, label);
  // One text per distinct number, not per row: a label has few values, and formatting 100k numbers costs more than
  // looking them up (a Map key folds -0 into 0 and matches NaN, as their texts do).
  const memo = new Map<number, string | null>();
  const texts = Array.from({ length: snapshot.rowCount }, (_, i) => {
    if (column.type !== 'numeric' && column.type !== 'datetime') return cellText(column, i);
    const v = column.values[i];
    let text = memo.get(v);
    if (text === undefined) memo.set(v, (text = cellText(column, i)));
    return text;
  });
  const classes = [...new Set(texts.filter((t): t is string => t !== null))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const at = new Map(classes.map((c, k) => [c, k]));
  return { classes, index: Int32Array.from(texts, (t) => (t === null ? -1 : (at.get(t) ?? -1))) };
}

/**
 * What a stratified split stratifies on, one entry per snapshot row: the 0/1 label for a two-class label, the class
 * index (code-unit order) for 3 to 255 classes. `check`, `train` and the app all split on this, so they build the same
 * split for the same contract and seed whatever task is trained.
 */
export function splitStrata(snapshot: Snapshot, contract: Pick<Contract, 'label' | 'positiveClass'>, y: Uint8Array): Uint8Array {
  const { classes, index } = classIndexOf(snapshot, contract.label);
  if (classes.length <= 2 || classes.length > 255) return y;
  return Uint8Array.from(index, (k) => Math.max(k, 0));
}

/**
 * The classes the leakage checks judge one-vs-rest: only the positive class for a two-class label, every class
 * otherwise (code-unit order), each with y = 1 on its rows.
 */
export function classTargets(snapshot: Snapshot, contract: Pick<Contract, 'label' | 'positiveClass'>, y: Uint8Array): { name: string; y: Uint8Array }[] {
  const { classes, index } = classIndexOf(snapshot, contract.label);
  if (classes.length <= 2) return [{ name: contract.positiveClass, y }];
  return classes.map((name, k) => ({ name, y: Uint8Array.from(index, (i) => (i === k ? 1 : 0)) }));
}

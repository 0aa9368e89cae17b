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
  const n = snapshot.rowCount;
  // Each row gets a provisional id per distinct text, and each distinct cell is turned into text once (a label has few
  // values; formatting 100k numbers costs more than looking them up); the ids are then renumbered in code-unit order.
  const ids = new Map<string, number>();
  const texts: string[] = [];
  const idOf = (text: string | null): number => {
    if (text === null) return -1;
    let id = ids.get(text);
    if (id === undefined) {
      id = texts.length;
      ids.set(text, id);
      texts.push(text);
    }
    return id;
  };
  const provisional = new Int32Array(n);
  if (column.type === 'numeric' || column.type === 'datetime') {
    // A Map key folds -0 into 0 and matches NaN, as their texts do.
    const byValue = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const v = column.values[i];
      let id = byValue.get(v);
      if (id === undefined) byValue.set(v, (id = idOf(cellText(column, i))));
      provisional[i] = id;
    }
  } else {
    // Categories are taken as rows use them, so one no row holds is no class.
    const byCode = new Int32Array(column.categories.length).fill(-2);
    for (let i = 0; i < n; i++) {
      const code = column.codes[i];
      if (code < 0) { provisional[i] = -1; continue; }
      if (byCode[code] === -2) byCode[code] = idOf(column.categories[code]);
      provisional[i] = byCode[code];
    }
  }
  const classes = [...texts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rank = new Int32Array(texts.length);
  classes.forEach((c, k) => (rank[ids.get(c) as number] = k));
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) index[i] = provisional[i] < 0 ? -1 : rank[provisional[i]];
  return { classes, index };
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

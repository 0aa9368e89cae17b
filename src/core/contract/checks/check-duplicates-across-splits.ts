import { hasValues, type Column } from '../../data/column.ts';
import type { Snapshot } from '../../data/snapshot.ts';
import type { Split } from '../../split/split.ts';
import { columnsWithRole, type DataContract } from '../data-contract.ts';
import type { Finding } from '../finding.ts';
import { crossSplitGroups, splitMembership } from './cross-split-groups.ts';

/** Poisson tail probability below which more spanning duplicates than chance predicts count as real copies. */
export const DUPLICATE_ALPHA = 0.001;

// One small integer per distinct number (NaN is -1), ids in first-seen order, and how many there are. Numbers are keyed
// in an open-addressing table over their bits (a Map boxes every float key, and this runs for every cell).
function valueIds(values: Float64Array): { codes: Int32Array; distinct: number } {
  const n = values.length;
  const codes = new Int32Array(n);
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const keys = new Float64Array(n);
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  let next = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) { codes[i] = -1; continue; }
    // +0 for -0, so the two zeros are one value, as they are for a Map.
    bits[0] = v === 0 ? 0 : v;
    let h = Math.imul(words[0] ^ Math.imul(words[1], 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    let at = h & mask;
    let id = slots[at];
    while (id !== -1 && keys[id] !== v) {
      at = (at + 1) & mask;
      id = slots[at];
    }
    if (id === -1) {
      id = next++;
      keys[id] = v;
      slots[at] = id;
    }
    codes[i] = id;
  }
  return { codes, distinct: next };
}

// One small integer per cell and distinct value (categories keep their codes; numbers get one per distinct value;
// missing is -1), so rows compare without building a string per cell; `range`: codes lie in [-1, range).
function cellCodes(column: Column): { codes: Int32Array; range: number } {
  if (!hasValues(column)) return { codes: column.codes, range: column.categories.length };
  const { codes, distinct } = valueIds(column.values);
  return { codes, range: distinct };
}

// Row ids that tell rows apart by one more column: the pair (group so far, cell code) numbered in first-seen order.
// Keys stay below rows × (range + 1) ≤ 2^53 for any table that fits in memory, so they are exact.
function refineGroups(groups: Int32Array, cells: Int32Array, range: number): { codes: Int32Array; distinct: number } {
  const keys = new Float64Array(groups.length);
  for (let i = 0; i < keys.length; i++) keys[i] = groups[i] * (range + 1) + cells[i] + 1;
  return valueIds(keys);
}

// Probability that two distinct random rows agree on every column, treating columns as independent:
// Π_c Σ_v n_v(n_v − 1) / (n(n − 1)). Every factor is at most 1, so once the product is under `enough` it stays there:
// a caller that only needs to know that (no spanning set to judge) stops early, e.g. after one all-distinct column.
function collisionProbability(columns: number, codesOf: (column: number) => Int32Array, rows: readonly number[], enough = 0): number {
  let p = 1;
  for (let column = 0; column < columns; column++) {
    if (p < enough) return p;
    const codes = codesOf(column);
    // Codes are small dense integers (-1 for missing), so an array counts them.
    let max = -1;
    for (const row of rows) if (codes[row] > max) max = codes[row];
    const counts = new Float64Array(max + 2);
    for (const row of rows) counts[codes[row] + 1]++;
    let same = 0;
    for (let k = 0; k < counts.length; k++) same += counts[k] * (counts[k] - 1);
    p *= rows.length < 2 ? 0 : same / (rows.length * (rows.length - 1));
  }
  return p;
}

// P(X ≥ k) for X ~ Poisson(mean).
function poissonTail(k: number, mean: number): number {
  let term = Math.exp(-mean);
  let below = 0;
  for (let i = 0; i < k; i++) {
    below += term;
    term *= mean / (i + 1);
  }
  return Math.max(0, 1 - below);
}

/**
 * Rows that fall in different splits and are identical: one finding `leak:duplicate-rows`. Rows compare on every
 * present role-'feature' column (label excluded); when that many identical sets are what chance gives (Poisson tail ≥
 * 0.001 around the expected count of coinciding pairs, as with a few coarse categoricals or coarse measurements),
 * they compare again on every column of the file, so only exact copies count. Warn with the count of such rows when
 * the copies are more than chance; pass otherwise. Cells compare by value (category text or number).
 */
export function checkDuplicatesAcrossSplits(snapshot: Snapshot, contract: DataContract, split: Split): Finding[] {
  const features = columnsWithRole(contract, 'feature')
    .filter((name) => name !== contract.label)
    .flatMap((name) => snapshot.columns.filter((c) => c.name === name));
  if (features.length === 0) return [];
  const membership = splitMembership(split, snapshot.rowCount);
  const inSplit = [...split.train, ...split.validation, ...split.test];
  const pairs = (inSplit.length * (inSplit.length - 1)) / 2;
  const compare = (columns: readonly Column[]) => {
    const cells: { codes: Int32Array; range: number }[] = [];
    const codesOf = (column: number): Int32Array => (cells[column] ??= cellCodes(columns[column])).codes;
    // Rows are grouped column by column into exact ids; once every row has its own id (after two or three columns of
    // measurements, typically) nothing can span splits and the remaining columns need not be read.
    let groups: Int32Array = new Int32Array(snapshot.rowCount);
    let distinct = 1;
    for (let column = 0; column < columns.length && distinct < snapshot.rowCount; column++) {
      codesOf(column);
      ({ codes: groups, distinct } = refineGroups(groups, cells[column].codes, cells[column].range));
    }
    const result = distinct === snapshot.rowCount
      ? { groups: inSplit.length, spanning: 0, rowsInSpanning: 0, examples: [] }
      : crossSplitGroups((row) => groups[row], membership);
    // With no spanning set, the expected count only shows in the evidence, where anything under 0.01 reads "0" (stopping
    // under 0.001 leaves room for rounding), so its product stops early.
    const expected = pairs * collisionProbability(columns.length, codesOf, inSplit, result.spanning === 0 ? 0.001 / pairs : 0);
    return { result, expected, real: result.spanning > 0 && poissonTail(result.spanning, expected) < DUPLICATE_ALPHA };
  };
  const byFeatures = compare(features);
  const exact = !byFeatures.real && byFeatures.result.spanning > 0;
  const { result, expected, real } = exact ? compare(snapshot.columns) : byFeatures;
  const base = { id: 'leak:duplicate-rows', check: 'duplicate-rows', count: real ? result.rowsInSpanning : 0 };
  const over = exact ? `every column of the file (identical feature values alone are what chance gives)` : `${features.length} feature column${features.length === 1 ? '' : 's'}`;
  const evidence = `${result.spanning} sets of identical rows span splits, compared over ${over}; chance alone predicts about ${expected < 0.01 ? '0' : expected.toFixed(2)}.`;
  if (!real) {
    return [{ ...base, status: 'pass', message: result.spanning === 0 ? 'No row in one split repeats a row in another.' : `${result.spanning} sets of identical rows span splits, no more than chance gives for values this coarse.`, evidence }];
  }
  return [{
    ...base,
    status: 'warn',
    message: exact
      ? `${result.rowsInSpanning} rows are exact copies of a row in another split, so evaluation partly re-tests training data.`
      : `${result.rowsInSpanning} rows share all feature values with a row in another split, so evaluation partly re-tests training data.`,
    evidence,
    suggestion: 'Deduplicate rows before splitting, or use the group split so copies of the same record stay together.',
    exampleRows: [...result.examples],
  }];
}

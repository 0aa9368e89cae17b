import type { Column } from '../data/column.ts';
import { hasValues } from '../data/column.ts';
import { createRandom, shuffleInPlace } from '../random.ts';
import type { Split, SplitFractions } from './split.ts';

/**
 * Dense entity id per position of `rows` (0..count-1, in order of first appearance) and the number of entities.
 * A row whose key is missing becomes an entity of its own: we cannot tell which entity it belongs to, and pooling
 * all missing-key rows into one pseudo-entity would push an arbitrary, possibly large block into a single split
 * and distort the fractions. Singletons keep the fractions honest; if those rows truly share an entity they can
 * still leak across splits, which is why the contract checks flag missing entity keys.
 */
function entityIds(rows: Int32Array, entity: Column): { ids: Int32Array; count: number } {
  const ids = new Int32Array(rows.length);
  const seen = new Map<number, number>();
  let count = 0;
  rows.forEach((row, i) => {
    const key = hasValues(entity) ? entity.values[row] : entity.codes[row];
    const missing = hasValues(entity) ? Number.isNaN(key) : key < 0;
    if (missing) {
      ids[i] = count++;
      return;
    }
    let id = seen.get(key);
    if (id === undefined) {
      id = count++;
      seen.set(key, id);
    }
    ids[i] = id;
  });
  return { ids, count };
}

/**
 * Seeded group split: distinct values of `entity` (codes for categorical/boolean, float values for numeric/datetime)
 * are shuffled and cut by the fractions of entities, rounded like `stratifiedSplit`; every row of an entity lands in
 * the same split. `rows` are snapshot row indices; each output part is an ascending Int32Array.
 */
export function groupSplit(rows: Int32Array, entity: Column, fractions: SplitFractions, seed: number): Split {
  const [fTrain, fVal] = fractions;
  const { ids, count } = entityIds(rows, entity);
  const order = shuffleInPlace(Int32Array.from({ length: count }, (_, i) => i), createRandom(seed));
  const nTrain = Math.round(count * fTrain);
  const nVal = Math.round(count * fVal);
  const partOf = new Uint8Array(count);
  order.forEach((id, i) => {
    partOf[id] = i < nTrain ? 0 : i < nTrain + nVal ? 1 : 2;
  });
  const parts: [number[], number[], number[]] = [[], [], []];
  rows.forEach((row, i) => parts[partOf[ids[i]]].push(row));
  const [train, validation, test] = parts.map((p) => Int32Array.from(p).sort());
  return { train, validation, test };
}

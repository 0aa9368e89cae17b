import type { Split } from '../../split/split.ts';

/** Per snapshot row (rowCount), the split it belongs to: 0 train, 1 validation, 2 test, -1 none (e.g. unlabelled). */
export function splitMembership(split: Split, rowCount: number): Int8Array {
  const membership = new Int8Array(rowCount).fill(-1);
  [split.train, split.validation, split.test].forEach((rows, s) => {
    for (const row of rows) membership[row] = s;
  });
  return membership;
}

import type { Split } from '../../split/split.ts';
import { MAX_EXAMPLE_ROWS } from './finding-text.ts';

/** Per snapshot row (rowCount), the split it belongs to: 0 train, 1 validation, 2 test, -1 none (e.g. unlabelled). */
export function splitMembership(split: Split, rowCount: number): Int8Array {
  const membership = new Int8Array(rowCount).fill(-1);
  [split.train, split.validation, split.test].forEach((rows, s) => {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      membership[row] = s;
    }
  });
  return membership;
}

/** Groups of rows sharing a key, counted by how they fall across the splits. */
export interface CrossSplitGroups {
  /** Distinct keys among rows in a split. */
  readonly groups: number;
  /** Keys whose rows fall in two or more splits. */
  readonly spanning: number;
  /** Rows (in a split) whose key spans splits. */
  readonly rowsInSpanning: number;
  /** Up to 5 rows: for each spanning key in order of first appearance, its first row in each split it touches. */
  readonly examples: readonly number[];
}

interface Group {
  mask: number;
  rows: number;
  readonly first: [number, number, number];
}

/**
 * Groups the rows that are in a split (`membership[row]` ≥ 0, see splitMembership) by `keyOf(row)` (null = skip)
 * and reports the groups that reach more than one split.
 */
export function crossSplitGroups(keyOf: (row: number) => string | number | null, membership: Int8Array): CrossSplitGroups {
  const groups = new Map<string | number, Group>();
  for (let row = 0; row < membership.length; row++) {
    const s = membership[row];
    if (s < 0) continue;
    const key = keyOf(row);
    if (key === null) continue;
    let group = groups.get(key);
    if (!group) {
      group = { mask: 0, rows: 0, first: [-1, -1, -1] };
      groups.set(key, group);
    }
    group.mask |= 1 << s;
    group.rows++;
    if (group.first[s] < 0) group.first[s] = row;
  }
  let spanning = 0;
  let rowsInSpanning = 0;
  const examples: number[] = [];
  for (const group of groups.values()) {
    // Masks 3, 5, 6 and 7 have two or more bits: the group reaches at least two splits.
    if (group.mask === 1 || group.mask === 2 || group.mask === 4) continue;
    spanning++;
    rowsInSpanning += group.rows;
    for (const row of group.first) if (row >= 0 && examples.length < MAX_EXAMPLE_ROWS) examples.push(row);
  }
  return { groups: groups.size, spanning, rowsInSpanning, examples };
}

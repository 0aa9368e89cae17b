import { describe, expect, test } from 'vitest';
import { checkEntityOverlap } from './check-entity-overlap.ts';
import { crossSplitGroups, splitMembership } from './cross-split-groups.ts';
import { contractFor, snapshotFromCsv, splitOf } from './test-fixtures.ts';

// Rows: 0 a, 1 a, 2 b, 3 c, 4 c, 5 d, 6 (no key), 7 a. Train 0 2 3 6; validation 1 4; test 5 7.
// "a" spans train/validation/test, "c" train/validation; "b" and "d" stay put.
const KEYS = 'k,x,z,y\na,1,p,0\na,1,p,1\nb,2,p,0\nc,3,q,1\nc,4,q,0\nd,2,p,1\n,9,q,0\na,3,q,1\n';
const SPLIT = splitOf([0, 2, 3, 6], [1, 4], [5, 7]);

describe('checkEntityOverlap', () => {
  test('fails with the number of entities in two or more splits, pairing their rows', async () => {
    const snapshot = await snapshotFromCsv(KEYS);
    const [finding] = checkEntityOverlap(snapshot, contractFor('y', '1', { k: 'entity_key' }), SPLIT);
    expect(finding).toMatchObject({ id: 'leak:entity-overlap:k', status: 'fail', count: 2, exampleRows: [0, 1, 7, 3, 4] });
    expect(finding.evidence).toBe('2 of 4 entities span splits, covering 5 rows.');
  });

  test('warns instead under a time split, and passes when entities stay together', async () => {
    const snapshot = await snapshotFromCsv(KEYS);
    const timed = { ...contractFor('y', '1', { k: 'entity_key' }), split: { policy: 'time', column: 't', cuts: [0, 1] } as const };
    expect(checkEntityOverlap(snapshot, timed, SPLIT)[0].status).toBe('warn');
    const grouped = splitOf([0, 1, 2, 7], [3, 4], [5, 6]);
    expect(checkEntityOverlap(snapshot, contractFor('y', '1', { k: 'entity_key' }), grouped)[0]).toMatchObject({ status: 'pass', count: 0 });
  });
});

describe('crossSplitGroups', () => {
  test('missing keys and rows outside the split are skipped', () => {
    const membership = splitMembership(splitOf([0], [1], [2]), 4);
    expect([...membership]).toEqual([0, 1, 2, -1]);
    const keys = ['a', null, 'a', 'a'];
    expect(crossSplitGroups((row) => keys[row], membership)).toEqual({ groups: 1, spanning: 1, rowsInSpanning: 2, examples: [0, 2] });
  });
});

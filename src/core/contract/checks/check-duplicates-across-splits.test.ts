import { describe, expect, test } from 'vitest';
import { checkDuplicatesAcrossSplits } from './check-duplicates-across-splits.ts';
import { contractFor, snapshotFromCsv, splitOf } from './test-fixtures.ts';

// 24 rows; x has 24 distinct values (not coarse) except that rows 22 and 23 repeat rows 0 and 1 with the other label.
function fine(): string {
  const lines = ['x,z,y'];
  for (let i = 0; i < 22; i++) lines.push(`${i + 0.5},${i % 2 ? 'p' : 'q'},${i % 2}`);
  lines.push('0.5,q,1', '1.5,p,0');
  return `${lines.join('\n')}\n`;
}
const FINE_SPLIT = splitOf([...Array(16).keys()], [16, 17, 18, 19, 20, 21], [22, 23]);

// Only coarse features (2 and 3 values): identical feature values by chance are no leak; exact copies are.
const COARSE = 'a,b,note,y\nx,1,r1,0\nx,1,r2,0\ny,2,r3,1\ny,2,r3,1\nx,3,r5,1\nx,3,r6,0\n';

describe('checkDuplicatesAcrossSplits', () => {
  test('warns on rows whose detailed feature values repeat in another split, label excluded', async () => {
    const snapshot = await snapshotFromCsv(fine());
    const [finding] = checkDuplicatesAcrossSplits(snapshot, contractFor('y', '1', { x: 'feature', z: 'feature', y: 'label' }), FINE_SPLIT);
    expect(finding).toMatchObject({ id: 'leak:duplicate-rows', status: 'warn', count: 4, exampleRows: [0, 22, 1, 23] });
    expect(finding.evidence).toBe('2 sets of identical rows span splits, compared over 2 feature columns.');
  });

  test('coarse features alone: identical values across splits stay quiet, exact copies of the whole row warn', async () => {
    const snapshot = await snapshotFromCsv(COARSE);
    const contract = contractFor('y', '1', { a: 'feature', b: 'feature', note: 'ignore', y: 'label' });
    // Rows 0/1 and 4/5 agree on a, b but differ in note (and 4/5 in y): not copies.
    expect(checkDuplicatesAcrossSplits(snapshot, contract, splitOf([0, 4], [1, 5], [2, 3]))[0]).toMatchObject({ status: 'pass', count: 0 });
    // Rows 2 and 3 are the same line twice.
    const [copy] = checkDuplicatesAcrossSplits(snapshot, contract, splitOf([0, 2], [1, 4], [3, 5]));
    expect(copy).toMatchObject({ status: 'warn', count: 2, exampleRows: [2, 3] });
    expect(copy.message).toMatch(/exact copies/);
  });

  test('duplicates inside one split, or rows outside every split, do not count', async () => {
    const snapshot = await snapshotFromCsv('x,y\n1,0\n1,1\n2,0\n2,1\n');
    const contract = contractFor('y', '1', { x: 'feature', y: 'label' });
    expect(checkDuplicatesAcrossSplits(snapshot, contract, splitOf([0, 1], [2], []))[0]).toMatchObject({ status: 'pass', count: 0 });
    expect(checkDuplicatesAcrossSplits(snapshot, contractFor('y', '1', { y: 'label' }), splitOf([0], [1], []))).toEqual([]);
  });
});

import { describe, expect, test } from 'vitest';
import { checkDuplicatesAcrossSplits } from './check-duplicates-across-splits.ts';
import { contractFor, snapshotFromCsv, splitOf } from './test-fixtures.ts';

// 200 rows; x nearly unique, z 2 values, w 5 values. With `copies`, rows 195..199 repeat rows 0..4 on x, z, w (label flipped).
function fine(copies: boolean): string {
  const lines = ['x,z,w,y'];
  for (let i = 0; i < 200; i++) {
    const j = copies && i >= 195 ? i - 195 : i;
    lines.push(`${j + 0.5},${j % 2 ? 'p' : 'q'},${j % 5},${i >= 195 ? 1 - (j % 2) : j % 2}`);
  }
  return `${lines.join('\n')}\n`;
}
const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);
const SPLIT = splitOf(range(0, 150), range(150, 180), range(180, 200));

// Only coarse features (2 and 3 values) and a unique note that is not a feature; with `copies`, rows 195..199 are the
// same lines as rows 0..4.
function coarse(copies: boolean): string {
  const lines = ['a,b,note,y'];
  for (let i = 0; i < 200; i++) {
    const j = copies && i >= 195 ? i - 195 : i;
    lines.push(`${j % 2 ? 'x' : 'y'},${j % 3},n${j},${(j >> 1) % 2}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('checkDuplicatesAcrossSplits', () => {
  test('a feature with every value distinct (x here) makes every row unique: pass, chance predicts 0', async () => {
    const contract = contractFor('y', '1', { x: 'feature', z: 'feature', w: 'feature', y: 'label' });
    const [finding] = checkDuplicatesAcrossSplits(await snapshotFromCsv(fine(false)), contract, SPLIT);
    expect(finding).toMatchObject({ id: 'leak:duplicate-rows', status: 'pass', count: 0, message: 'No row in one split repeats a row in another.' });
    expect(finding.evidence).toBe('0 sets of identical rows span splits, compared over 3 feature columns; chance alone predicts about 0.');
  });

  test('warns when rows agree on every feature more often than chance: 5 copies where about 0.5 are expected', async () => {
    const contract = contractFor('y', '1', { x: 'feature', z: 'feature', w: 'feature', y: 'label' });
    const [finding] = checkDuplicatesAcrossSplits(await snapshotFromCsv(fine(true)), contract, SPLIT);
    expect(finding).toMatchObject({ id: 'leak:duplicate-rows', status: 'warn', count: 10, exampleRows: [0, 195, 1, 196, 2] });
    // p = (5·2 / (200·199)) · (2·100·99 / (200·199)) · (5·40·39 / (200·199)) over 19900 pairs ≈ 0.49.
    expect(finding.evidence).toBe('5 sets of identical rows span splits, compared over 3 feature columns; chance alone predicts about 0.49.');
    expect(checkDuplicatesAcrossSplits(await snapshotFromCsv(fine(false)), contract, SPLIT)[0]).toMatchObject({ status: 'pass', count: 0 });
  });

  test('coarse features alone: identical values across splits stay quiet, exact copies of the whole row warn', async () => {
    const contract = contractFor('y', '1', { a: 'feature', b: 'feature', note: 'ignore', y: 'label' });
    const quiet = checkDuplicatesAcrossSplits(await snapshotFromCsv(coarse(false)), contract, SPLIT)[0];
    expect(quiet).toMatchObject({ status: 'pass', count: 0 });
    // Feature values coincide across splits as chance predicts, so only exact copies of whole rows would count: none.
    expect(quiet.message).toBe('No row in one split repeats a row in another.');
    expect(quiet.evidence).toMatch(/^0 sets of identical rows span splits, compared over every column of the file/);
    const [copy] = checkDuplicatesAcrossSplits(await snapshotFromCsv(coarse(true)), contract, SPLIT);
    expect(copy).toMatchObject({ status: 'warn', count: 10, exampleRows: [0, 195, 1, 196, 2] });
    expect(copy.message).toBe('10 rows are exact copies of a row in another split, so evaluation partly re-tests training data.');
  });

  test('duplicates inside one split, or rows outside every split, do not count', async () => {
    const snapshot = await snapshotFromCsv('x,y\n1,0\n1,1\n2,0\n2,1\n');
    const contract = contractFor('y', '1', { x: 'feature', y: 'label' });
    expect(checkDuplicatesAcrossSplits(snapshot, contract, splitOf([0, 1], [2], []))[0]).toMatchObject({ status: 'pass', count: 0 });
    expect(checkDuplicatesAcrossSplits(snapshot, contractFor('y', '1', { y: 'label' }), splitOf([0], [1], []))).toEqual([]);
  });
});

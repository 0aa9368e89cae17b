import { describe, expect, test } from 'vitest';
import { createRandom } from '../../random.ts';
import { checkSingleFeaturePower } from './check-single-feature.ts';
import { allRows, contractFor, snapshotFromCsv } from './test-fixtures.ts';

// 20 rows, y = 1 on rows 10..19. copy = y, flipped = 1 - y; near: negatives 1..10, positives 100 except one 5.5
// (95 of 100 pairs won: AUC 0.95); token: a unique code per row.
async function data(): Promise<{ csv: string; y: Uint8Array }> {
  const lines = ['copy,flipped,near,token,y'];
  const y = new Uint8Array(20);
  for (let i = 0; i < 20; i++) {
    y[i] = i >= 10 ? 1 : 0;
    const near = y[i] === 0 ? i + 1 : i === 10 ? 5.5 : 100;
    lines.push(`${y[i]},${1 - y[i]},${near},t${i},${y[i]}`);
  }
  return { csv: `${lines.join('\n')}\n`, y };
}

const roles = { copy: 'feature', flipped: 'feature', near: 'feature', token: 'feature', y: 'label' } as const;

describe('checkSingleFeaturePower', () => {
  test('fails a copy in either direction, warns at AUC 0.95, does not flag a memorisable unique token', async () => {
    const { csv, y } = await data();
    const findings = checkSingleFeaturePower(await snapshotFromCsv(csv), contractFor('y', '1', { ...roles }), [{ name: '1', y }], allRows(20), 1);
    const status = Object.fromEntries(findings.map((f) => [f.id, f.status]));
    expect(status).toEqual({
      'leak:single-feature:copy': 'fail',
      'leak:single-feature:flipped': 'fail',
      'leak:single-feature:near': 'warn',
      'leak:single-feature': 'pass',
    });
    const near = findings.find((f) => f.column === 'near');
    // Hanley-McNeil: SE = 0.0526 on 10 + 10 rows; the best cut (> 10) keeps 9 of 10 positives: balanced accuracy 0.95.
    expect(near?.evidence).toBe('AUC 0.950 (lower bound 0.845) on 20 training rows, scoring by its values alone; best single cut: balanced accuracy 0.950.');
    expect(near?.strongSignal).toBe(true);
    expect(findings.find((f) => f.column === 'copy')?.strongSignal).toBeUndefined();
    expect(findings.find((f) => f.id === 'leak:single-feature')?.evidence).toBe('Highest single-feature AUCs on 20 training rows: token 0.500.');
  });

  test('a categorical label copy fails through the out-of-fold encoding; random categories do not', async () => {
    const random = createRandom(5);
    const lines = ['code,noise,y'];
    const y = new Uint8Array(300);
    for (let i = 0; i < 300; i++) {
      y[i] = random.next() < 0.4 ? 1 : 0;
      lines.push(`${y[i] ? 'B' : 'A'},n${random.nextInt(60)},${y[i]}`);
    }
    const snapshot = await snapshotFromCsv(`${lines.join('\n')}\n`);
    const findings = checkSingleFeaturePower(snapshot, contractFor('y', '1', { code: 'feature', noise: 'feature', y: 'label' }), [{ name: '1', y }], allRows(300), 3);
    expect(findings.find((f) => f.column === 'code')?.status).toBe('fail');
    expect(findings.some((f) => f.column === 'noise')).toBe(false);
  });

  test('same seed, same findings; a one-class training set is too small to judge, not a fail', async () => {
    const { csv, y } = await data();
    const snapshot = await snapshotFromCsv(csv);
    const contract = contractFor('y', '1', { ...roles });
    expect(checkSingleFeaturePower(snapshot, contract, [{ name: '1', y }], allRows(20), 9)).toEqual(checkSingleFeaturePower(snapshot, contract, [{ name: '1', y }], allRows(20), 9));
    const tiny = checkSingleFeaturePower(snapshot, contract, [{ name: '1', y }], Int32Array.from([10, 11, 12]), 9);
    expect(tiny.map((f) => [f.id, f.status])).toEqual([['leak:too-few-rows', 'pass']]);
    expect(tiny[0].message).toBe('Too few rows of class "1" (3 training rows) to judge single-feature power, row order or patterns for it.');
  });
});

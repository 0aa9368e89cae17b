import { describe, expect, test } from 'vitest';
import { checkNullRates } from './check-null-rates.ts';
import { contractFor, snapshotFromCsv } from './test-fixtures.ts';

// 20 rows: "a" misses 3 (rows 1, 4, 9), "b" misses none, "y" misses 2 (rows 0, 19).
function csv(): string {
  const lines = ['a,b,y'];
  for (let i = 0; i < 20; i++) lines.push(`${[1, 4, 9].includes(i) ? '' : i},${i},${i === 0 || i === 19 ? '' : i % 2}`);
  return `${lines.join('\n')}\n`;
}

describe('checkNullRates', () => {
  test('a limit equal to the observed rate passes despite float rounding (3/20 vs 0.15)', async () => {
    const snapshot = await snapshotFromCsv(csv());
    const [finding] = checkNullRates(snapshot, contractFor('y', '1', { a: 'feature' }, { a: { maxNullRate: 0.15 } }));
    expect(finding).toMatchObject({ id: 'validate:null-rate:a', status: 'pass', count: 3 });
    expect(finding.evidence).toBe('3 of 20 rows missing (15%); the rule allows 15%.');
  });

  test('a feature above its limit warns with rate, count and example rows', async () => {
    const snapshot = await snapshotFromCsv(csv());
    const [finding] = checkNullRates(snapshot, contractFor('y', '1', { a: 'feature' }, { a: { maxNullRate: 0.1 } }));
    expect(finding).toMatchObject({ status: 'warn', count: 3, exampleRows: [1, 4, 9] });
    expect(finding.message).toBe('"a" is missing in 15% of rows, more than the 10% the rule allows.');
  });

  test('the label above its limit fails; columns without a limit are not checked', async () => {
    const snapshot = await snapshotFromCsv(csv());
    const findings = checkNullRates(snapshot, contractFor('y', '1', { y: 'label' }, { y: { maxNullRate: 0.05 }, b: { min: 0 } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'validate:null-rate:y', status: 'fail', count: 2, exampleRows: [0, 19] });
  });
});

import { describe, expect, test } from 'vitest';
import { checkRanges } from './check-ranges.ts';
import { contractFor, snapshotFromCsv, withDatetimes } from './test-fixtures.ts';

describe('checkRanges', () => {
  test('counts rows below and above, ignores missing cells and non-numeric columns', async () => {
    const snapshot = await snapshotFromCsv('x,c\n-1,a\n5,b\n,c\n11,d\n12,e\n10,f\n');
    const findings = checkRanges(snapshot, contractFor('c', 'a', { x: 'feature' }, { x: { min: 0, max: 10 }, c: { min: 0 } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'validate:range:x', status: 'warn', count: 3, exampleRows: [0, 3, 4] });
    expect(findings[0].message).toBe('3 rows of "x" fall outside the allowed range (0 to 10).');
    expect(findings[0].evidence).toBe('1 below, 2 above; observed -1 to 12.');
  });

  test('a one-sided rule and a clean column pass', async () => {
    const snapshot = await snapshotFromCsv('x\n1\n2\n3\n');
    const [finding] = checkRanges(snapshot, contractFor('y', '1', {}, { x: { max: 3 } }));
    expect(finding).toMatchObject({ status: 'pass', count: 0, message: 'Every value of "x" is within at most 3.' });
  });

  test('datetime bounds are epoch ms and print as ISO 8601', async () => {
    const raw = await snapshotFromCsv('t\n2024-01-01T00:00:00Z\n2024-03-01T00:00:00Z\n');
    const snapshot = withDatetimes(raw, ['t']);
    const [finding] = checkRanges(snapshot, contractFor('y', '1', {}, { t: { min: Date.parse('2024-02-01T00:00:00Z') } }));
    expect(finding).toMatchObject({ status: 'warn', count: 1, exampleRows: [0] });
    expect(finding.message).toContain('at least 2024-02-01T00:00:00.000Z');
  });
});

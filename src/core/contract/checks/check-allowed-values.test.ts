import { describe, expect, test } from 'vitest';
import { checkAllowedValues } from './check-allowed-values.ts';
import { contractFor, snapshotFromCsv } from './test-fixtures.ts';

describe('checkAllowedValues', () => {
  test('lists unexpected values by frequency, counts their rows and skips missing cells', async () => {
    const snapshot = await snapshotFromCsv('c\nred\nblue\nGreen\nNA\npink\npink\nred\n');
    const [finding] = checkAllowedValues(snapshot, contractFor('y', '1', {}, { c: { allowed: ['red', 'blue', 'green'] } }));
    expect(finding).toMatchObject({ id: 'validate:allowed:c', status: 'warn', count: 3, exampleRows: [2, 4, 5] });
    expect(finding.message).toBe('3 rows of "c" hold values outside the allowed list: "pink" (2), "Green" (1).');
  });

  test('numeric columns compare by cell text', async () => {
    const snapshot = await snapshotFromCsv('n\n1\n2\n3\n2\n');
    const [finding] = checkAllowedValues(snapshot, contractFor('y', '1', {}, { n: { allowed: ['1', '2'] } }));
    expect(finding).toMatchObject({ status: 'warn', count: 1, exampleRows: [2] });
  });

  test('every value allowed passes', async () => {
    const snapshot = await snapshotFromCsv('c\na\nb\n');
    const [finding] = checkAllowedValues(snapshot, contractFor('y', '1', {}, { c: { allowed: ['a', 'b'] } }));
    expect(finding).toMatchObject({ status: 'pass', count: 0 });
  });
});

import { describe, expect, test } from 'vitest';
import { checkDuplicateKeys } from './check-duplicate-keys.ts';
import { checkMissingKeys } from './check-missing-keys.ts';
import { contractFor, snapshotFromCsv } from './test-fixtures.ts';

// Keys: a a b c c c (missing) d → "a" and "c" repeat; row 6 has no key.
const CSV = 'k,t\na,1\na,2\nb,3\nc,4\nc,5\nc,6\n,7\nd,8\n';

describe('checkDuplicateKeys', () => {
  test('warns with the number of repeated keys and their rows', async () => {
    const snapshot = await snapshotFromCsv(CSV);
    const [finding] = checkDuplicateKeys(snapshot, contractFor('y', '1', { k: 'entity_key', t: 'feature' }));
    expect(finding).toMatchObject({ id: 'validate:duplicate-key:k', status: 'warn', count: 2, exampleRows: [0, 1, 3, 4, 5] });
    expect(finding.evidence).toBe('2 of 4 key values repeat, adding 3 rows beyond the first of each.');
  });

  test('passes with a note when an event time column exists', async () => {
    const snapshot = await snapshotFromCsv(CSV);
    const [finding] = checkDuplicateKeys(snapshot, contractFor('y', '1', { k: 'entity_key', t: 'event_time' }));
    expect(finding).toMatchObject({ status: 'pass', count: 2 });
    expect(finding.message).toContain('event time "t"');
  });

  test('unique keys pass', async () => {
    const snapshot = await snapshotFromCsv('k\n1\n2\n3\n');
    expect(checkDuplicateKeys(snapshot, contractFor('y', '1', { k: 'entity_key' }))[0]).toMatchObject({ status: 'pass', count: 0 });
  });
});

describe('checkMissingKeys', () => {
  test('warns with the rows that have no key', async () => {
    const snapshot = await snapshotFromCsv(CSV);
    const [finding] = checkMissingKeys(snapshot, contractFor('y', '1', { k: 'entity_key' }));
    expect(finding).toMatchObject({ id: 'validate:missing-key:k', status: 'warn', count: 1, exampleRows: [6] });
  });
});

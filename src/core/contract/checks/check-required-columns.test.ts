import { describe, expect, test } from 'vitest';
import { checkRequiredColumns, requiredColumns } from './check-required-columns.ts';
import { contractFor, snapshotFromCsv } from './test-fixtures.ts';

describe('requiredColumns', () => {
  test('every role but ignore, the label always, rules marked required, and an explicit opt-out', () => {
    const contract = contractFor('y', '1', { a: 'feature', b: 'ignore', c: 'pii', d: 'slice', y: 'label' }, {
      d: { required: false },
      y: { required: false },
      extra: { required: true },
    });
    expect(requiredColumns(contract)).toEqual(['y', 'a', 'c', 'extra']);
  });
});

describe('checkRequiredColumns', () => {
  test('passes present columns and fails each missing one by name', async () => {
    const snapshot = await snapshotFromCsv('a,y\n1,0\n2,1\n', 'small.csv');
    const findings = checkRequiredColumns(snapshot, contractFor('y', '1', { a: 'feature', y: 'label', gone: 'entity_key', skip: 'ignore' }));
    expect(findings.map((f) => [f.id, f.status])).toEqual([
      ['validate:required:y', 'pass'],
      ['validate:required:a', 'pass'],
      ['validate:required:gone', 'fail'],
    ]);
    const gone = findings[2];
    expect(gone.message).toBe('"gone" is required by the contract but small.csv has no such column.');
    expect(gone.evidence).toBe('The file\'s columns: "a", "y".');
  });

  test('a missing label fails even when no role names it', async () => {
    const snapshot = await snapshotFromCsv('a\n1\n');
    const findings = checkRequiredColumns(snapshot, contractFor('target', '1', { a: 'feature' }));
    expect(findings.find((f) => f.column === 'target')?.status).toBe('fail');
  });
});

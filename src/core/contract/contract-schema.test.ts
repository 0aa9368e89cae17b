import { describe, expect, test } from 'vitest';
import { parseDataContract } from './contract-schema.ts';

const good = {
  schema: 1, revision: 3, snapshotId: 'abc', label: 'y', positiveClass: '1',
  roles: { y: 'label', x: 'feature', email: 'pii', id: 'entity_key' }, labelTiming: null,
  rules: { x: { min: 0, max: 10, maxNullRate: 0.1 } }, missingTokens: ['', 'NA'],
  split: { policy: 'group', column: 'id', fractions: [0.6, 0.2, 0.2] }, dismissed: [],
};

describe('parseDataContract', () => {
  test('accepts a well-formed contract unchanged', () => {
    expect(parseDataContract(good)).toEqual({ ok: true, contract: good });
  });

  test('names the path of an unknown role', () => {
    const result = parseDataContract({ ...good, roles: { ...good.roles, x: 'feeture' } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^roles\["x"\]: /);
  });

  test('rejects fractions that do not sum to 1 and inverted time cuts', () => {
    expect(parseDataContract({ ...good, split: { policy: 'stratified-random', fractions: [0.5, 0.2, 0.2] } }).ok).toBe(false);
    const inverted = parseDataContract({ ...good, split: { policy: 'time', column: 't', cuts: [5, 1] } });
    expect(!inverted.ok && inverted.message).toMatch(/first time cut/);
  });

  test('the label column must carry the label role', () => {
    const result = parseDataContract({ ...good, roles: { ...good.roles, y: 'feature' } });
    expect(!result.ok && result.message).toMatch(/roles\["y"\] must be "label"/);
  });

  test('words for the outcomes are optional: a contract stored before them loads, one with them keeps them, a wrong shape says where', () => {
    expect(parseDataContract(good).ok).toBe(true);
    const named = { ...good, outcomeNames: { positive: 'flagged for review', negative: 'not flagged' } };
    expect(parseDataContract(named)).toEqual({ ok: true, contract: named });
    const bad = parseDataContract({ ...good, outcomeNames: { positive: 'flagged' } });
    expect(!bad.ok && bad.message).toMatch(/^outcomeNames\.negative: /);
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { seededNullRate, seedRules } from './seed-rules.ts';
import { contractFor, snapshotFromCsv, withDatetimes } from './test-fixtures.ts';
import { validateContract } from './validate-contract.ts';

describe('seededNullRate', () => {
  test('rounds up to the next 0.05, at least 0.05 when anything is missing', () => {
    expect([0, 0.001, 0.05, 0.0501, 0.15, 3 / 20, 0.99, 1].map(seededNullRate)).toEqual([0, 0.05, 0.05, 0.1, 0.15, 0.15, 1, 1]);
  });

  test('never below the observed rate', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (n, k) => {
      const rate = Math.min(k, n) / n;
      expect(seededNullRate(rate)).toBeGreaterThanOrEqual(rate - 1e-12);
    }));
  });
});

describe('seedRules', () => {
  test('seeds null rate, min/max, allowed categories and required from the data', async () => {
    const raw = await snapshotFromCsv('n,c,b,t,e\n3,x,true,2024-01-01T00:00:00Z,\n-2,y,false,2024-02-01T00:00:00Z,\n,x,,,\n7,z,true,2024-01-15T00:00:00Z,\n');
    const rules = seedRules(withDatetimes(raw, ['t']));
    expect(rules.n).toEqual({ maxNullRate: 0.25, min: -2, max: 7, required: true });
    expect(rules.c).toEqual({ maxNullRate: 0, allowed: ['x', 'y', 'z'], required: true });
    expect(rules.b).toEqual({ maxNullRate: 0.25, allowed: ['false', 'true'], required: true });
    expect(rules.t).toEqual({ maxNullRate: 0.25, min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2024-02-01T00:00:00Z'), required: true });
    expect(rules.e).toEqual({ maxNullRate: 1, required: true });
  });

  test('no allowed list past 50 categories', async () => {
    const lines = ['c', ...Array.from({ length: 51 }, (_, i) => `v${i}`)];
    const rules = seedRules(await snapshotFromCsv(`${lines.join('\n')}\n`));
    expect(rules.c).toEqual({ maxNullRate: 0, required: true });
  });

  test('the data it was seeded from passes its own rules', async () => {
    const snapshot = await snapshotFromCsv('x,c,y\n1.5,a,1\n,b,0\n-3,a,0\n8,,1\n');
    const findings = validateContract(snapshot, contractFor('y', '1', { x: 'feature', c: 'feature', y: 'label' }, seedRules(snapshot)));
    expect(findings.filter((f) => f.status !== 'pass')).toEqual([]);
  });
});

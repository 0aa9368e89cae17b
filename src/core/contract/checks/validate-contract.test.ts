import { describe, expect, test } from 'vitest';
import type { Finding } from '../finding.ts';
import { contractFor, snapshotFromCsv } from './test-fixtures.ts';
import { validateContract } from './validate-contract.ts';

const byId = (findings: Finding[], id: string): Finding => {
  const hit = findings.find((f) => f.id === id);
  if (!hit) throw new Error(`no finding ${id} among ${findings.map((f) => f.id).join(', ')}`);
  return hit;
};

// 8 rows: row 2 misses its label, row 5 misses "age", row 6 has age 150 and region "Mars", key 3 repeats.
const CSV = `id,age,region,y
1,30,north,1
2,45,south,0
3,50,north,
3,22,east,0
4,38,south,1
5,,north,0
6,150,Mars,1
7,41,east,0
`;

describe('validateContract', () => {
  test('runs every check, one finding per check and column, with hand-computed counts', async () => {
    const snapshot = await snapshotFromCsv(CSV, 'people.csv');
    const contract = contractFor('y', '1', { id: 'entity_key', age: 'feature', region: 'feature', y: 'label', income: 'feature' }, {
      age: { maxNullRate: 0.1, min: 0, max: 120 },
      region: { allowed: ['north', 'south', 'east'] },
      y: { maxNullRate: 0 },
    });
    const findings = validateContract(snapshot, contract);
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);

    expect(byId(findings, 'validate:required:income')).toMatchObject({ status: 'fail', column: 'income' });
    expect(byId(findings, 'validate:required:income').message).toContain('people.csv');
    expect(byId(findings, 'validate:required:age').status).toBe('pass');

    expect(byId(findings, 'validate:missing-label:y')).toMatchObject({ status: 'warn', count: 1, exampleRows: [2] });
    expect(byId(findings, 'validate:label-classes:y')).toMatchObject({ status: 'pass', count: 3 });

    // 1 of 8 missing = 12.5% > 10%: a feature warns; the label's 12.5% > 0% fails.
    expect(byId(findings, 'validate:null-rate:age')).toMatchObject({ status: 'warn', count: 1, exampleRows: [5] });
    expect(byId(findings, 'validate:null-rate:age').message).toContain('12.5%');
    expect(byId(findings, 'validate:null-rate:y')).toMatchObject({ status: 'fail', count: 1, exampleRows: [2] });

    expect(byId(findings, 'validate:range:age')).toMatchObject({ status: 'warn', count: 1, exampleRows: [6] });
    expect(byId(findings, 'validate:allowed:region')).toMatchObject({ status: 'warn', count: 1, exampleRows: [6] });
    expect(byId(findings, 'validate:allowed:region').message).toContain('"Mars" (1)');

    expect(byId(findings, 'validate:duplicate-key:id')).toMatchObject({ status: 'warn', count: 1, exampleRows: [2, 3] });
    expect(byId(findings, 'validate:missing-key:id')).toMatchObject({ status: 'pass', count: 0 });
  });

  test('a clean file under its own rules passes everything', async () => {
    const snapshot = await snapshotFromCsv('x,y\n1,a\n2,b\n3,a\n');
    const contract = contractFor('y', 'a', { x: 'feature', y: 'label' }, { x: { maxNullRate: 0, min: 1, max: 3 }, y: { allowed: ['a', 'b'] } });
    const findings = validateContract(snapshot, contract);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.status === 'pass')).toBe(true);
  });
});

import { describe, expect, test } from 'vitest';
import { checkOutcomePatterns } from './check-outcome-patterns.ts';
import { allRows, contractFor, snapshotFromCsv } from './test-fixtures.ts';

// 200 rows, y = 1 on every 5th row (40 positives, base rate 20%).
const Y = Array.from({ length: 200 }, (_, i) => (i % 5 === 0 ? 1 : 0));
const target = (name: string, y: readonly number[]) => ({ name, y: Uint8Array.from(y) });
const BOTH = [target('1', Y), target('0', Y.map((v) => 1 - v))];

async function run(columns: Record<string, (i: number) => string>, roles: Record<string, 'feature'> = {}) {
  const names = Object.keys(columns);
  const lines = [[...names, 'y'].join(',')];
  for (let i = 0; i < 200; i++) lines.push([...names.map((n) => columns[n](i)), Y[i]].join(','));
  const snapshot = await snapshotFromCsv(`${lines.join('\n')}\n`);
  const contract = contractFor('y', '1', { ...Object.fromEntries(names.map((n) => [n, 'feature'])), ...roles, y: 'label' });
  return checkOutcomePatterns(snapshot, contract, BOTH, allRows(200), new Set());
}

describe('checkOutcomePatterns', () => {
  test('presence filled only for positives (30 of 40): a warn with support, purity, lift and example rows', async () => {
    const [finding] = await run({ note_id: (i) => (Y[i] && i < 150 ? String(i * 3) : ''), noise: (i) => String(i % 7) });
    expect(finding).toMatchObject({ id: 'leak:pattern:note_id', status: 'warn', count: 30, exampleRows: [0, 5, 10, 15, 20] });
    expect(finding.strongSignal).toBeUndefined();
    // purity 30/30 = 100%, base 40/200 = 20%, lift 5.0.
    expect(finding.evidence).toBe('Support 30 of 200 training rows; purity 100% "1" against a base rate of 20% (lift 5.0).');
  });

  test('quiet: a sparse column filled at random, and a pattern on fewer than 20 rows', async () => {
    expect(await run({ random_fill: (i) => (i % 3 === 0 ? String(i) : ''), few: (i) => (Y[i] && i < 60 ? '1' : '') })).toEqual([]);
  });

  test('a non-zero indicator is a strong signal to confirm; an outcome-like header makes it a warn', async () => {
    const sparse = (i: number): string => (Y[i] && i < 120 ? String(10 + i) : '0');
    const [plain] = await run({ extra_visits: sparse });
    expect(plain).toMatchObject({ id: 'leak:pattern:extra_visits', status: 'warn', strongSignal: true, count: 24 });
    expect(plain.message).toMatch(/^Strong signal: /);
    const [named] = await run({ refund_amount: sparse });
    expect(named).toMatchObject({ id: 'leak:pattern:refund_amount', status: 'warn', count: 24 });
    expect(named.strongSignal).toBeUndefined();
    expect(named.evidence).toContain('the header says "refund"');
  });

  test('a high-purity region: the top tenth of a measurement holds only positives (lift 5)', async () => {
    // Positives get 100 + i, negatives i mod 97: the top 20 values (10%) are all positives.
    const [region] = await run({ reading: (i) => String(Y[i] ? 100 + i : i % 97) });
    expect(region).toMatchObject({ id: 'leak:pattern:reading', status: 'warn', strongSignal: true });
    expect(region.message).toMatch(/"reading" is ≥ \d+/);
  });

  test('columns already flagged by single-feature power are skipped', async () => {
    const snapshot = await snapshotFromCsv(`a,y\n${Y.map((v, i) => `${v && i < 150 ? 'x' : ''},${v}`).join('\n')}\n`);
    const contract = contractFor('y', '1', { a: 'feature', y: 'label' });
    expect(checkOutcomePatterns(snapshot, contract, BOTH, allRows(200), new Set(['a']))).toEqual([]);
    expect(checkOutcomePatterns(snapshot, contract, BOTH, allRows(200), new Set())).toHaveLength(1);
  });
});

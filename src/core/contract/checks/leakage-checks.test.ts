import { describe, expect, test } from 'vitest';
import { createRandom } from '../../random.ts';
import { groupSplit } from '../../split/group-split.ts';
import { stratifiedSplit } from '../../split/stratified-split.ts';
import { columnByName, type Snapshot } from '../../data/snapshot.ts';
import type { DataContract } from '../data-contract.ts';
import { leakageChecks } from './leakage-checks.ts';
import { allRows, contractFor, snapshotFromCsv, splitOf, withDatetimes } from './test-fixtures.ts';

const DAY = 86_400_000;
const N = 600;
const HONEST = ['tenure', 'region', 'postcode', 'signup_at'];

/**
 * 600 planted rows: honest features (tenure weakly shifted by the label, region mildly skewed, a 400-value postcode
 * unrelated to it, signup_at before the event), a label copy outcome_code (A/B, every 100th row flipped), a future-dated
 * closed_at (after event_time on ~90% of rows), event_time and an entity key customer_id (150 customers).
 */
function plantedCsv(seed: number): string {
  const random = createRandom(seed);
  const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
  const start = Date.parse('2024-01-05T10:00:00Z');
  const lines = ['customer_id,event_time,tenure,region,postcode,signup_at,outcome_code,closed_at,churned'];
  for (let i = 0; i < N; i++) {
    const y = random.next() < 0.35 ? 1 : 0;
    const event = start + random.nextInt(300) * DAY + random.nextInt(24) * 3_600_000;
    const tenure = (random.next() * 10 + (y ? 1.2 : 0)).toFixed(3);
    const region = ['north', 'south', 'east', 'west'][y && random.next() < 0.15 ? 0 : random.nextInt(4)];
    const code = (i % 100 === 37 ? 1 - y : y) ? 'B' : 'A'; // exactly 1% noise
    const closed = event + (random.next() < 0.9 ? 1 + random.nextInt(30) : -1 - random.nextInt(5)) * DAY;
    const signup = event - (30 + random.nextInt(900)) * DAY;
    lines.push([`C${random.nextInt(150)}`, iso(event), tenure, region, `P${random.nextInt(400)}`, iso(signup), code, iso(closed), y].join(','));
  }
  return `${lines.join('\n')}\n`;
}

async function planted(): Promise<{ snapshot: Snapshot; contract: DataContract; y: Uint8Array }> {
  const raw = await snapshotFromCsv(plantedCsv(2024), 'planted.csv');
  // The parser may or may not infer ISO datetimes yet; either way these three become datetime columns.
  const snapshot = withDatetimes(raw, ['event_time', 'signup_at', 'closed_at']);
  const contract = contractFor('churned', '1', {
    customer_id: 'entity_key',
    event_time: 'event_time',
    tenure: 'feature',
    region: 'feature',
    postcode: 'feature',
    signup_at: 'feature',
    outcome_code: 'feature',
    closed_at: 'feature',
    churned: 'label',
  });
  const label = columnByName(snapshot, 'churned');
  if (label.type !== 'numeric') throw new Error('expected a numeric label');
  return { snapshot, contract, y: Uint8Array.from(label.values) };
}

describe('leakageChecks on planted data', () => {
  test('flags the label copy and the future-dated feature, and none of the honest features', async () => {
    const { snapshot, contract, y } = await planted();
    const split = stratifiedSplit(allRows(N), y, [0.6, 0.2, 0.2], 11);
    const findings = leakageChecks({ snapshot, contract, y, split, seed: 11 });
    const status = (id: string): string | undefined => findings.find((f) => f.id === id)?.status;

    // With 1% of rows flipped the copy scores AUC ≈ 0.987: flagged (warn), just under the 0.99 bar for "fail".
    expect(['warn', 'fail']).toContain(status('leak:single-feature:outcome_code'));
    expect(findings.find((f) => f.id === 'leak:single-feature:outcome_code')?.evidence).toMatch(/AUC 0\.9[89]/);
    const future = findings.find((f) => f.id === 'leak:future-date:closed_at');
    expect(future?.status).toBe('fail');
    expect(future?.count).toBeGreaterThan(0.8 * N);
    expect(future?.exampleRows).toHaveLength(5);
    expect(status('leak:future-date:signup_at')).toBe('pass');

    for (const column of HONEST) expect(findings.filter((f) => f.column === column && f.status !== 'pass')).toEqual([]);
    const summary = findings.find((f) => f.id === 'leak:single-feature');
    expect(summary?.status).toBe('pass');
    expect(summary?.count).toBe(5); // the four honest features and closed_at, whose values alone say nothing
    expect(status('leak:row-order')).toBe('pass');
    expect(status('leak:duplicate-rows')).toBe('pass');

    // A random split scatters each customer's rows: the entity key fails until the group split is used.
    expect(status('leak:entity-overlap:customer_id')).toBe('fail');
    const grouped = groupSplit(allRows(N), columnByName(snapshot, 'customer_id'), [0.6, 0.2, 0.2], 11);
    const regrouped = leakageChecks({ snapshot, contract, y, split: grouped, seed: 11 });
    expect(regrouped.find((f) => f.id === 'leak:entity-overlap:customer_id')?.status).toBe('pass');
  });

  test('is deterministic for a seed and refuses labels of the wrong length', async () => {
    const { snapshot, contract, y } = await planted();
    const split = stratifiedSplit(allRows(N), y, [0.6, 0.2, 0.2], 3);
    expect(leakageChecks({ snapshot, contract, y, split, seed: 3 })).toEqual(leakageChecks({ snapshot, contract, y, split, seed: 3 }));
    expect(() => leakageChecks({ snapshot, contract, y: y.subarray(1), split: splitOf([], [], []), seed: 3 })).toThrow(/one 0\/1 label per row/);
  });
});

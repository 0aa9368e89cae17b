import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { shadowCase } from '../core/index.ts';
import { loadLedger } from '../storage/ledger-store.ts';
import type { ShadowOutcome } from '../workers/shadow.worker.ts';
import { ShadowComparison } from './shadow-comparison.svelte.ts';

const SIDE = { threshold: 0.5, pii: [], promised: {}, floors: [] };
// Champion decides 1,0,0,1 and the candidate 1,1,1,0 on four rows labelled 1,0,1,0: 3 of 4 disagree, candidate recall 1.
const result = shadowCase({
  table: { name: 'new.csv', header: ['sex', 'y'], rows: [['f', '1'], ['m', '0'], ['m', '1'], ['f', '0']] },
  champion: new Map([[1, 0.9], [2, 0.2], [3, 0.4], [4, 0.6]]), candidate: new Map([[1, 0.8], [2, 0.7], [3, 0.6], [4, 0.3]]),
  championSide: SIDE, candidateSide: SIDE, labelled: { labels: [1, 0, 1, 0], ageDays: null, from: 'new.csv column y' },
  slice: null, key: null, costs: { fp: 1, fn: 5 }, maxListed: 50, seed: 0, resamples: 100, drift: null,
});
const outcome: ShadowOutcome = {
  champion: { bundleId: 'lr-1', fileName: 'lr.zip', threshold: 0.5, sha256: 'a'.repeat(64) },
  candidate: { bundleId: 'mlp-2', fileName: 'mlp.zip', threshold: 0.5, sha256: 'b'.repeat(64) },
  snapshot: { fileName: 'new.csv', rows: 4, rejected: 0, flagged: 0 }, columns: ['sex', 'y'], labelsFrom: 'new.csv column y', driftSummary: null, result,
};

describe('ShadowComparison', () => {
  test('the triggers as edited are judged on the outcome: recall 1 is not below 0.6; disagreement 0.75 is above 0.5', () => {
    const s = new ShadowComparison();
    expect(s.ready).toBe(false);
    s.outcome = outcome;
    expect(s.judged?.verdicts.map((v) => [v.rule, v.live, v.fired])).toEqual([['psi_score > 0.25', null, false], ['recall < 0.6', 1, false]]);
    expect(s.judged?.fired).toBe(false);
    s.triggerRows.push({ metric: 'disagreement_rate', direction: 'above', value: '0.5' });
    expect(s.judged?.fired).toBe(true);
    s.triggerRows[2] = { metric: 'disagreement_rate', direction: 'above', value: 'x' };
    expect(s.judged).toBeNull();
    expect(s.triggers).toEqual({ ok: false, message: 'Trigger 3 (disagreement_rate above): "x" is not a number' });
    // A new bundle in either slot drops the outcome it no longer describes.
    s.use('candidate', { bytes: new Uint8Array(1), fileName: 'other.zip' });
    expect(s.outcome).toBeNull();
  });

  test('a roll back is committed to the ledger naming the champion, with the figures and the verdicts', async () => {
    const s = new ShadowComparison();
    s.outcome = outcome;
    s.triggerRows = [{ metric: 'disagreement_rate', direction: 'above', value: '0.5' }];
    const entry = await s.record('rollback');
    expect(s.error).toBeNull();
    expect(entry).toMatchObject({ id: 'entry-1', decision: 'keep-champion', runs: [], champion: { bundleId: 'lr-1', action: 'rollback', sha256: 'a'.repeat(64) } });
    expect(entry?.shadow).toMatchObject({ rows: 4, disagreements: 3, triggers: [{ rule: 'disagreement_rate > 0.5', live: 0.75, fired: true }] });
    expect(entry?.shadow?.cost).toEqual({ fp: 1, fn: 5, expectedChange: expect.closeTo(-1.1, 12) as number, realisedChange: -5 });
    const kept = await s.record('keep-candidate', 'Cheaper by 5 on the labelled rows.');
    expect([kept?.id, kept?.decision, kept?.reason]).toEqual(['entry-2', 'promote', 'Cheaper by 5 on the labelled rows.']);
    expect((await loadLedger()).map((e) => e.decision)).toEqual(['keep-champion', 'promote']);
  });
});

test('a file larger than a bundle may hold is refused before it is read', async () => {
  const s = new ShadowComparison();
  const huge = { name: 'huge.zip', size: 2 ** 40, arrayBuffer: () => { throw new Error('read'); } } as unknown as File;
  await s.pick('champion', huge);
  expect(s.champion).toBeNull();
  expect(s.error).toMatch(/^huge\.zip is 1048576 MB, over the \d+ MB a bundle may hold$/);
});

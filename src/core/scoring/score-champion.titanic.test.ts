import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { bundleRun, createContract, createRunConfig, loadCsv, zipBundle, type Snapshot, type TrainOutcome } from '../index.ts';
import { trainBaseline } from '../train/train-baseline.ts';
import { scoreChampion } from './score-champion.ts';
import { openScoringBundle } from './scoring-bundle.ts';

const FEATURES = ['pclass', 'sex', 'age', 'sibsp', 'parch', 'fare', 'embarked'];
let snapshot: Snapshot;
let outcome: TrainOutcome;
let zip: Uint8Array;

beforeAll(async () => {
  const parsed = await loadCsv(new Uint8Array(readFileSync(new URL('../../../public/samples/titanic.csv', import.meta.url))), 'titanic.csv');
  if (!parsed.ok) throw new Error(parsed.error.message);
  snapshot = parsed.snapshot;
  outcome = await trainBaseline(snapshot, createContract('survived', '1', FEATURES), createRunConfig({ seed: 7, backend: 'cpu', model: 'logistic' }));
  const bundle = await bundleRun({ snapshot, outcome, threshold: 0.5, app: { version: '9.9.9', gitSha: 'abc123def456' }, createdAt: '2026-01-01T00:00:00.000Z', evaluation: { resamples: 0 } });
  zip = zipBundle(bundle, '2026-01-01T00:00:00.000Z');
}, 60_000);

describe('scoreChampion on Titanic', () => {
  // The bundle stores float32 weights, so scores agree with the run's float64 ones to ~1e-8, not bit for bit.
  test('a bundle exported from a run scores that run\'s test rows as the run did, with no rejects', async () => {
    const scoring = await openScoringBundle(unzipSync(zip), 'titanic-bundle.zip');
    const result = scoreChampion(scoring, snapshot, outcome.test);
    // Two test cells lie outside their column's training range: scored and flagged, not rejected.
    expect(result.issues).toEqual({ wrong_type: 0, out_of_range: 2, unseen_category: 0, unexpected_missing: 0, ragged_row: 0 });
    expect(result.rejectedRows).toBe(0);
    expect([...result.test.rows]).toEqual([...outcome.test.rows]);
    for (let i = 0; i < outcome.test.scores.length; i++) expect(Math.abs(result.test.scores[i] - outcome.test.scores[i])).toBeLessThan(1e-6);
  });
});

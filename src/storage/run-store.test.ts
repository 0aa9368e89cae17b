import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import type { RunRecord } from '../core/index.ts';
import { deleteRun, loadRuns, saveRun } from './run-store.ts';

/** A stand-in record: only the fields the store reads, and a typed array to show it comes back as one. */
const run = (id: string, snapshotId: string, createdAt: string): RunRecord =>
  ({ id, snapshotId, createdAt, outcome: { test: { scores: Float64Array.of(0.25, 0.75) } } }) as unknown as RunRecord;

describe('run store', () => {
  test('loads one snapshot\'s runs, oldest first, typed arrays intact; a deleted run is gone', async () => {
    for (const r of [run('b', 's1', '2026-12-01T02:00:00Z'), run('x', 's2', '2026-12-01T01:30:00Z'), run('a', 's1', '2026-12-01T01:00:00Z')]) expect(await saveRun(r)).toBeNull();
    const runs = await loadRuns('s1');
    expect(runs.map((r) => r.id)).toEqual(['a', 'b']);
    expect(runs[0].outcome.test.scores).toEqual(Float64Array.of(0.25, 0.75));
    expect((await loadRuns('s2')).map((r) => r.id)).toEqual(['x']);
    await deleteRun('a');
    expect((await loadRuns('s1')).map((r) => r.id)).toEqual(['b']);
    expect(await loadRuns('none')).toEqual([]);
  });
});

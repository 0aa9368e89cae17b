import { describe, expect, test } from 'vitest';
import { createRunConfig } from '../core/index.ts';
import { clearInFlight, clearInterrupted, deleteInterrupted, loadInterrupted, markInFlight, takeInterrupted, type InterruptedRun } from './interrupted-runs.ts';

/** A Storage stand-in: sessionStorage and localStorage are parameters, so this runs in Node. */
function memory(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
}

const run = (id: string, snapshotId = 's1'): InterruptedRun => ({
  id, snapshotId, startedAt: '2026-11-30T22:00:00.000Z',
  config: createRunConfig({ seed: 7, model: 'mlp', hyperparameters: { hidden: [8, 4], epochs: 33 }, classWeight: 'balanced' }),
});

describe('interrupted runs', () => {
  test('a marker left at reload becomes an interrupted run, once, with its settings', () => {
    const session = memory();
    const local = memory();
    markInFlight(run('a'), session);
    const lost = takeInterrupted(session, local);
    expect(lost?.config).toMatchObject({ model: 'mlp', seed: 7, classWeight: 'balanced', hyperparameters: { hidden: [8, 4], epochs: 33 } });
    expect(loadInterrupted('s1', local).map((r) => r.id)).toEqual(['a']);
    // The marker is consumed: a second reload does not list it twice.
    expect(takeInterrupted(session, local)).toBeNull();
    expect(loadInterrupted('s1', local)).toHaveLength(1);
  });

  test('a run that ended (any way) leaves nothing behind', () => {
    const session = memory();
    const local = memory();
    markInFlight(run('a'), session);
    clearInFlight(session);
    expect(takeInterrupted(session, local)).toBeNull();
    expect(loadInterrupted('s1', local)).toEqual([]);
  });

  test('listed per snapshot; delete and clear forget them', () => {
    const session = memory();
    const local = memory();
    for (const [id, snap] of [['a', 's1'], ['b', 's2'], ['c', 's1']] as const) {
      markInFlight(run(id, snap), session);
      takeInterrupted(session, local);
    }
    expect(loadInterrupted('s1', local).map((r) => r.id)).toEqual(['a', 'c']);
    deleteInterrupted('a', local);
    expect(loadInterrupted('s1', local).map((r) => r.id)).toEqual(['c']);
    clearInterrupted(local);
    expect(loadInterrupted('s2', local)).toEqual([]);
  });

  test('storage that refuses (private window) is survived, not thrown', () => {
    const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => { throw new Error('denied'); } };
    expect(() => markInFlight(run('a'), refusing)).not.toThrow();
    expect(takeInterrupted(refusing, refusing)).toBeNull();
    expect(loadInterrupted('s1', refusing)).toEqual([]);
  });
});

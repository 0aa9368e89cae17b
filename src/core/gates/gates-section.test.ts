import { describe, expect, it } from 'vitest';
import { EMPTY_GATES, editGates, lockGates } from './gates-section.ts';
import type { GateSpec } from '../contract/gate-spec.ts';

const strict: GateSpec = { version: 1, gates: [{ id: 'auc', kind: 'metric', metric: 'roc_auc', bound: 'min', value: 0.99 }] };
const relaxed: GateSpec = { version: 1, gates: [{ id: 'auc', kind: 'metric', metric: 'roc_auc', bound: 'min', value: 0.8 }] };

describe('gate lock and change log', () => {
  it('edits freely before the lock, with no change recorded', () => {
    const s = editGates(EMPTY_GATES, strict, '2026-01-01T00:00:00Z');
    expect(s).toEqual({ spec: strict, lockedAt: null, changes: [] });
  });

  it('locks once, at the first run; a second lock keeps the first time', () => {
    const locked = lockGates(editGates(EMPTY_GATES, strict, 't0'), '2026-01-02T00:00:00Z');
    expect(locked.lockedAt).toBe('2026-01-02T00:00:00Z');
    expect(lockGates(locked, '2026-01-03T00:00:00Z').lockedAt).toBe('2026-01-02T00:00:00Z');
  });

  it('after the lock, an edit needs a reason and is recorded with its time, before and after', () => {
    const locked = lockGates(editGates(EMPTY_GATES, strict, 't0'), '2026-01-02T00:00:00Z');
    expect(() => editGates(locked, relaxed, '2026-01-04T00:00:00Z', '  ')).toThrow('The gates locked at 2026-01-02T00:00:00Z; say why you change them (the reason is recorded).');
    const changed = editGates(locked, relaxed, '2026-01-04T00:00:00Z', ' AUC 0.99 is out of reach for this data ');
    expect(changed.spec).toEqual(relaxed);
    expect(changed.lockedAt).toBe('2026-01-02T00:00:00Z');
    expect(changed.changes).toEqual([{ at: '2026-01-04T00:00:00Z', reason: 'AUC 0.99 is out of reach for this data', before: strict, after: relaxed }]);
    // Saving the same spec again is no change.
    expect(editGates(changed, relaxed, 't9', '')).toBe(changed);
  });
});

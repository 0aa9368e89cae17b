import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { attempt, clearAll, getValue, setValue, STORES } from './app-db.ts';

describe('app storage', () => {
  // One database per test file (the module keeps its connection): the steps run in order on one browser profile.
  it('moves thresholds and calibrations out of the v3 files store on upgrade, leaving the file', async () => {
    const old = await openDB('mle-playground', 3, {
      upgrade(d) { for (const s of ['contracts', 'files', 'runs']) d.createObjectStore(s); },
    });
    await old.put('files', { threshold: 0.3 }, 'threshold:run-1');
    await old.put('files', { webgl: 2 }, 'calibration:v2:0.1.0:ua');
    await old.put('files', { name: 'a.csv' }, 'current');
    old.close();

    expect(await getValue('threshold:run-1')).toEqual({ threshold: 0.3 });
    expect(await getValue('calibration:v2:0.1.0:ua')).toEqual({ webgl: 2 });
    expect(await attempt((d) => d.getAllKeys(STORES.files), [])).toEqual(['current']);
  });

  it('clears every store, the keyed values included', async () => {
    await setValue('threshold:run-2', { threshold: 0.7 });
    await attempt(async (d) => { await d.put(STORES.runs, { id: 'r' }, 'r'); await d.put(STORES.contracts, {}, 'snap'); }, undefined);
    await clearAll();
    for (const store of Object.values(STORES)) expect(await attempt((d) => d.count(store), -1)).toBe(0);
    expect(await getValue('threshold:run-2')).toBeNull();
  });

  it('answers the fallback, or a message built from the error, when storage refuses', async () => {
    expect(await attempt(() => Promise.reject(new Error('QuotaExceededError')), 'none')).toBe('none');
    expect(await attempt(() => Promise.reject(new Error('full')), (m: string) => `not saved (${m})`)).toBe('not saved (full)');
  });
});

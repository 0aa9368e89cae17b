import { openDB, type IDBPDatabase } from 'idb';
import { errorText } from '../core/error-text.ts';

/**
 * Object stores of the app's IndexedDB database: contracts by snapshot ID, the current file, saved runs by ID,
 * small keyed values (a run's threshold choice, the backend calibration), and the append-only Observation Ledger.
 */
export const STORES = { contracts: 'contracts', files: 'files', runs: 'runs', kv: 'kv', ledger: 'ledger' } as const;

// v4 added the kv store (thresholds and calibrations kept in `files` before it move there on upgrade); v5 the ledger.
const VERSION = 5;
const KV_KEY = /^(threshold|calibration):/;

let db: Promise<IDBPDatabase> | null = null;

/** The app's one IndexedDB database, opened once per page or worker. */
function open(): Promise<IDBPDatabase> {
  db ??= openDB('mle-playground', VERSION, {
    async upgrade(d, oldVersion, _newVersion, tx) {
      for (const store of Object.values(STORES)) if (!d.objectStoreNames.contains(store)) d.createObjectStore(store);
      if (oldVersion === 0 || oldVersion >= 4) return;
      const kv = tx.objectStore(STORES.kv);
      for (let cursor = await tx.objectStore(STORES.files).openCursor(); cursor; cursor = await cursor.continue()) {
        if (typeof cursor.key === 'string' && KV_KEY.test(cursor.key)) {
          await kv.put(cursor.value, cursor.key);
          await cursor.delete();
        }
      }
    },
  });
  return db;
}

/**
 * Runs one storage operation; when IndexedDB refuses (private windows, full disk, locked-down browsers) it answers
 * `fallback` instead, or the error's message when `fallback` is a function of it. The app then works on, forgetting on reload.
 */
export async function attempt<T>(body: (d: IDBPDatabase) => Promise<T>, fallback: T | ((message: string) => T)): Promise<T> {
  try {
    return await body(await open());
  } catch (e) {
    return typeof fallback === 'function' ? (fallback as (message: string) => T)(errorText(e)) : fallback;
  }
}

/** A small keyed value (a threshold choice, a calibration), or null when absent or storage is refused. */
export function getValue<T>(key: string): Promise<T | null> {
  return attempt(async (d) => ((await d.get(STORES.kv, key)) as T | undefined) ?? null, null);
}

/** Stores a small keyed value; without storage it lasts for this session only. */
export function setValue(key: string, value: unknown): Promise<void> {
  return attempt(async (d) => { await d.put(STORES.kv, value, key); }, undefined);
}

/** Empties every store: what "Clear workspace" promises. */
export function clearAll(): Promise<void> {
  return attempt(async (d) => {
    const tx = d.transaction(Object.values(STORES), 'readwrite');
    await Promise.all([...Object.values(STORES).map((s) => tx.objectStore(s).clear()), tx.done]);
  }, undefined);
}

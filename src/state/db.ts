import { openDB, type IDBPDatabase } from 'idb';

/** Object stores of the app's IndexedDB database. */
export const STORES = { contracts: 'contracts', files: 'files', runs: 'runs', ledger: 'ledger' } as const;

let db: Promise<IDBPDatabase> | null = null;

/** The app's one IndexedDB database: contracts by snapshot ID, the current snapshot's file, and saved runs by ID. */
export function openAppDb(): Promise<IDBPDatabase> {
  db ??= openDB('mle-playground', 4, {
    upgrade(d) {
      for (const store of Object.values(STORES)) if (!d.objectStoreNames.contains(store)) d.createObjectStore(store);
    },
  });
  return db;
}

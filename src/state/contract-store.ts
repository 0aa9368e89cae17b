import { parseDataContract, type DataContract } from '../core/index.ts';
import { openAppDb as open, STORES } from './db.ts';

const STORE = STORES.contracts;

/** The stored contract for a snapshot, or null when none was saved or what was saved no longer parses. */
export async function loadContract(snapshotId: string): Promise<DataContract | null> {
  try {
    const stored: unknown = await (await open()).get(STORE, snapshotId);
    if (stored === undefined) return null;
    const parsed = parseDataContract(stored);
    return parsed.ok ? parsed.contract : null;
  } catch {
    // Private windows and locked-down browsers may refuse IndexedDB; the app still works, it just forgets on reload.
    return null;
  }
}

/** What became of a save: written, refused because the store already holds a newer revision, or failed. */
export type SaveOutcome =
  | { readonly kind: 'saved' }
  | { readonly kind: 'stale'; readonly newer: DataContract }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Saves the contract under its snapshot ID unless the store already holds the same or a later revision (another tab
 * edited it): then nothing is written and the stored contract comes back, so the caller reloads it instead of
 * overwriting. Read and write share one transaction, so two tabs cannot both pass the check. Never throws.
 */
export async function saveContract(contract: DataContract): Promise<SaveOutcome> {
  try {
    const tx = (await open()).transaction(STORE, 'readwrite');
    const stored: unknown = await tx.store.get(contract.snapshotId);
    const parsed = stored === undefined ? null : parseDataContract(stored);
    if (parsed?.ok && parsed.contract.revision >= contract.revision) {
      await tx.done;
      return { kind: 'stale', newer: parsed.contract };
    }
    await tx.store.put(contract, contract.snapshotId);
    await tx.done;
    return { kind: 'saved' };
  } catch (e) {
    return { kind: 'failed', message: `The contract could not be saved in this browser (${e instanceof Error ? e.message : String(e)}); it will be lost on reload.` };
  }
}

/** Forgets every stored contract. */
export async function clearContracts(): Promise<void> {
  try {
    await (await open()).clear(STORE);
  } catch {
    // Nothing stored, or storage refused: either way nothing is left to clear.
  }
}

import { parseDataContract, type DataContract } from '../core/index.ts';
import { attempt, STORES } from '../storage/app-db.ts';

/** The stored contract for a snapshot, or null when none was saved or what was saved no longer parses. */
export function loadContract(snapshotId: string): Promise<DataContract | null> {
  return attempt(async (d) => {
    const stored: unknown = await d.get(STORES.contracts, snapshotId);
    if (stored === undefined) return null;
    const parsed = parseDataContract(stored);
    return parsed.ok ? parsed.contract : null;
  }, null);
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
export function saveContract(contract: DataContract): Promise<SaveOutcome> {
  return attempt(async (d): Promise<SaveOutcome> => {
    const tx = d.transaction(STORES.contracts, 'readwrite');
    const stored: unknown = await tx.store.get(contract.snapshotId);
    const parsed = stored === undefined ? null : parseDataContract(stored);
    if (parsed?.ok && parsed.contract.revision >= contract.revision) {
      await tx.done;
      return { kind: 'stale', newer: parsed.contract };
    }
    await tx.store.put(contract, contract.snapshotId);
    await tx.done;
    return { kind: 'saved' };
  }, (message) => ({ kind: 'failed', message: `The contract could not be saved in this browser (${message}); it will be lost on reload.` }));
}

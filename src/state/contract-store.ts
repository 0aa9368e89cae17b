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

/** Saves the contract under its snapshot ID; a failure is reported, never thrown into the edit that caused it. */
export function saveContract(contract: DataContract): Promise<string | null> {
  return attempt(async (d) => { await d.put(STORES.contracts, contract, contract.snapshotId); return null; },
    (message) => `The contract could not be saved in this browser (${message}); it will be lost on reload.`);
}

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

/** Saves the contract under its snapshot ID; a failure is reported, never thrown into the edit that caused it. */
export async function saveContract(contract: DataContract): Promise<string | null> {
  try {
    await (await open()).put(STORE, contract, contract.snapshotId);
    return null;
  } catch (e) {
    return `The contract could not be saved in this browser (${e instanceof Error ? e.message : String(e)}); it will be lost on reload.`;
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

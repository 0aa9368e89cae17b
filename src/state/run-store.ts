import type { RunRecord } from '../core/index.ts';
import { openAppDb, STORES } from './db.ts';

/** Saves a run, weights and scores included (typed arrays store as they are); returns an error message or null. */
export async function saveRun(run: RunRecord): Promise<string | null> {
  try {
    await (await openAppDb()).put(STORES.runs, run, run.id);
    return null;
  } catch (e) {
    return `The run could not be saved in this browser (${e instanceof Error ? e.message : String(e)}); it will be lost on reload.`;
  }
}

/** Saved runs of one snapshot, oldest first. */
export async function loadRuns(snapshotId: string): Promise<RunRecord[]> {
  try {
    const all = (await (await openAppDb()).getAll(STORES.runs)) as RunRecord[];
    return all.filter((r) => r.snapshotId === snapshotId).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  } catch {
    return [];
  }
}

export async function deleteRun(id: string): Promise<void> {
  try {
    await (await openAppDb()).delete(STORES.runs, id);
  } catch {
    // Already gone or storage refused: the list on screen is what matters.
  }
}

export async function clearRuns(): Promise<void> {
  try {
    await (await openAppDb()).clear(STORES.runs);
  } catch {
    // See deleteRun.
  }
}

import type { RunRecord } from '../core/index.ts';
import { attempt, STORES } from '../storage/app-db.ts';

/** Saves a run, weights and scores included (typed arrays store as they are); returns an error message or null. */
export function saveRun(run: RunRecord): Promise<string | null> {
  return attempt(async (d) => { await d.put(STORES.runs, run, run.id); return null; },
    (message) => `The run could not be saved in this browser (${message}); it will be lost on reload.`);
}

/** Saved runs of one snapshot, oldest first. */
export function loadRuns(snapshotId: string): Promise<RunRecord[]> {
  return attempt(async (d) => {
    const all = (await d.getAll(STORES.runs)) as RunRecord[];
    return all.filter((r) => r.snapshotId === snapshotId).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }, []);
}

/** Forgets one saved run; already gone or storage refused, the list on screen is what matters. */
export function deleteRun(id: string): Promise<void> {
  return attempt(async (d) => { await d.delete(STORES.runs, id); }, undefined);
}

import type { RunRecord } from '../core/index.ts';
import { attempt, STORES } from './app-db.ts';

/** Saves a run, weights and scores included (typed arrays store as they are); returns an error message or null. */
export function saveRun(run: RunRecord): Promise<string | null> {
  return attempt(async (d) => { await d.put(STORES.runs, run, run.id); return null; },
    (message) => `The run could not be saved in this browser (${message}); it will be lost on reload.`);
}

/** Saved runs of one snapshot, oldest first. */
export function loadRuns(snapshotId: string): Promise<RunRecord[]> {
  return attempt(async (d) => {
    // One record per cursor step (each read in a task of its own), not all in one getAll: at 1M rows a run holds
    // ~20 MB of scores, and reading every saved run at once held the page past 50 ms on reload.
    const runs: RunRecord[] = [];
    for (let cursor = await d.transaction(STORES.runs).store.openCursor(); cursor; cursor = await cursor.continue()) {
      const run = cursor.value as RunRecord;
      if (run.snapshotId === snapshotId) runs.push(run);
    }
    return runs.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }, []);
}

/** Forgets one saved run; already gone or storage refused, the list on screen is what matters. */
export function deleteRun(id: string): Promise<void> {
  return attempt(async (d) => { await d.delete(STORES.runs, id); }, undefined);
}

import type { ChosenThreshold } from '../core/index.ts';
import { openAppDb, STORES } from './db.ts';

const key = (runId: string) => `threshold:${runId}`;

/** Stores a run's chosen threshold with its strategy and inputs, so a reload brings the same decision back. */
export async function saveThresholdChoice(runId: string, choice: ChosenThreshold): Promise<void> {
  try {
    await (await openAppDb()).put(STORES.files, choice, key(runId));
  } catch {
    // Without storage the choice lasts for this session only.
  }
}

export async function loadThresholdChoice(runId: string): Promise<ChosenThreshold | null> {
  try {
    return ((await (await openAppDb()).get(STORES.files, key(runId))) as ChosenThreshold | undefined) ?? null;
  } catch {
    return null;
  }
}

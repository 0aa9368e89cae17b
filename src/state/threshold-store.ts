import type { ChosenThreshold } from '../core/index.ts';
import { getValue, setValue } from '../storage/app-db.ts';

const key = (runId: string) => `threshold:${runId}`;

/** Stores a run's chosen threshold with its strategy and inputs, so a reload brings the same decision back. */
export function saveThresholdChoice(runId: string, choice: ChosenThreshold): Promise<void> {
  return setValue(key(runId), choice);
}

/** A run's stored threshold choice, or null when none was chosen (or storage is refused). */
export function loadThresholdChoice(runId: string): Promise<ChosenThreshold | null> {
  return getValue<ChosenThreshold>(key(runId));
}

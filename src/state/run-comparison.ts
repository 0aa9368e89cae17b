import { describeModel, type Comparison, type RunRecord, type RunToCompare, type SliceSpec, type ThresholdStrategy } from '../core/index.ts';
import type { EvaluateSettings } from '../workers/protocol.ts';
import type { EvaluateClient } from './evaluate-client.ts';
import { loadThresholdChoice } from './threshold-store.ts';

/** The baseline a comparison uses when none is picked: the first logistic regression, else the first run. */
export function defaultBaseline(runs: readonly RunRecord[]): string {
  return (runs.find((r) => r.outcome.config.model === 'logistic') ?? runs[0])?.id ?? '';
}

/**
 * Compares saved runs on their shared test rows in the evaluate worker, deltas against `baseline`. With `policy`,
 * each run at the threshold that one strategy chooses on the run's own validation split; without, at the threshold
 * its stored strategy chooses (fixed 0.5 when none was chosen). `extra` joins as is (the champion bundle, scored on
 * the same test rows, at the threshold it ships).
 */
export async function compareSavedRuns(
  client: EvaluateClient, runs: readonly RunRecord[], snapshotId: string, baseline: string, slice: SliceSpec | null, settings: EvaluateSettings,
  policy: ThresholdStrategy | null = null, extra: readonly RunToCompare[] = [],
): Promise<Comparison> {
  const inputs = await Promise.all(runs.map(async (r) => {
    const stored = await loadThresholdChoice(r.id);
    const strategy: ThresholdStrategy = stored?.strategy ?? { kind: 'fixed', value: 0.5 };
    return { id: r.id, name: describeModel(r.outcome).split(' (')[0], test: r.outcome.test, validation: r.outcome.validation, strategy };
  }));
  return client.call((api) => api.compare([...inputs, ...extra], snapshotId, baseline, slice, settings, policy));
}

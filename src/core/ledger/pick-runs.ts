import type { RunRecord } from '../train/run-record.ts';

/**
 * The baseline and candidate among one snapshot's runs (oldest first): the baseline is the first logistic regression,
 * else the first prior, else null (no baseline-model run). The candidate is the selected run when it is not the
 * baseline, else the newest other run, else null.
 */
export function pickLedgerRuns(runs: readonly RunRecord[], selectedId: string | null): { baseline: RunRecord | null; candidate: RunRecord | null } {
  const baseline = runs.find((r) => r.outcome.config.model === 'logistic') ?? runs.find((r) => r.outcome.config.model === 'prior') ?? null;
  const selected = runs.find((r) => r.id === selectedId) ?? null;
  const candidate = selected && selected !== baseline ? selected : [...runs].reverse().find((r) => r !== baseline) ?? null;
  return { baseline, candidate };
}

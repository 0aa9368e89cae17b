import type { DataContract } from '../contract/data-contract.ts';
import type { Snapshot } from '../data/snapshot.ts';
import type { TrainOutcome } from '../train/train-outcome.ts';
import { collectEvidence, type GatedRun } from './collect-evidence.ts';
import { evaluateGates } from './evaluate-gates.ts';
import type { GateFinding } from './gate-evidence.ts';
import type { GateSpec } from '../contract/gate-spec.ts';
import { gatesFile, type GatesFile } from './gates-file.ts';

/** A finished run as a gated run: its test split at `threshold`, model bytes and measured latency. */
export function gatedRun(outcome: TrainOutcome, threshold: number, name: string): GatedRun {
  const modelBytes = outcome.modelFiles['model.json'].length + outcome.modelFiles['weights.bin'].length;
  return { name, test: outcome.test, threshold, modelBytes, latency: outcome.reliance?.latency ?? null };
}

/** Everything `judgeRun` needs besides the run: the spec (from the contract or a g.json), findings and a baseline. */
export interface JudgeInput {
  readonly spec: GateSpec;
  readonly dataContract: DataContract | null;
  readonly snapshot: Snapshot | null;
  readonly findings: readonly GateFinding[] | null;
  readonly baseline: GatedRun | null;
  readonly baselineNote?: string;
  /** The champion bundle scored on this snapshot's test rows, for "no worse than the champion" gates. */
  readonly champion?: GatedRun | null;
  /** Seed of the bootstrap (the run's seed, so a verdict repeats); 1000 resamples. */
  readonly seed: number;
}

/** The one path from a run to its `gates.json`, shared by the page and the CLI: evidence, verdicts and the lock record. */
export function judgeRun(outcome: TrainOutcome, threshold: number, name: string, input: JudgeInput): GatesFile {
  const evidence = collectEvidence({
    spec: input.spec, run: gatedRun(outcome, threshold, name), snapshot: input.snapshot, baseline: input.baseline,
    ...(input.baselineNote !== undefined ? { baselineNote: input.baselineNote } : {}), champion: input.champion ?? null,
    findings: input.findings, bootstrap: { resamples: 1000, seed: input.seed },
  });
  const section = input.dataContract?.gates;
  return gatesFile(input.spec, evaluateGates(input.spec, evidence), evidence, { lockedAt: section?.lockedAt ?? null, changes: section?.changes ?? [] });
}

import {
  EMPTY_GATES, createRunConfig, editGates, gateFindings, gatedRun, judgeRun, lockGates, runChecks,
  type DataContract, type GateSpec, type GatesFile, type RunConfig, type Snapshot, type TrainOutcome,
} from '../core/index.ts';
import { readGateSpec } from './gates-command.ts';

/**
 * The gates a `train` run is judged by: `--gates g.json` when given, else the contract's own gates section, else none.
 * They lock at `startedAt`; a --gates file that differs from a contract's locked spec is recorded as a change.
 * Read before training, so a bad g.json exits 2 without spending a run.
 */
export function trainGateContract(path: string | undefined, dataContract: DataContract, startedAt: string): DataContract | null {
  const spec: GateSpec | null = path ? readGateSpec(path) : (dataContract.gates?.spec.gates.length ? dataContract.gates.spec : null);
  if (!spec) return null;
  const section = editGates(dataContract.gates ?? EMPTY_GATES, spec, startedAt, `train --gates ${path ?? ''}`.trim());
  return { ...dataContract, gates: lockGates(section, startedAt) };
}

/**
 * Judges a finished run: findings from the same checks the app runs (only when a gate needs them), and for a
 * candidate-vs-baseline gate a baseline trained on the same split and seed (logistic regression, or the prior when
 * the candidate is itself logistic).
 */
export async function judgeTrainRun(
  snapshot: Snapshot, dataContract: DataContract, outcome: TrainOutcome, threshold: number,
  train: (config: RunConfig) => Promise<TrainOutcome>,
): Promise<GatesFile> {
  const spec = (dataContract.gates ?? EMPTY_GATES).spec;
  const needsFindings = spec.gates.some((g) => g.kind === 'no-open-leakage' || g.kind === 'no-validation-failure');
  const findings = needsFindings ? gateFindings(runChecks(snapshot, dataContract, outcome.config.seed), dataContract.dismissed) : null;
  let baseline = null;
  if (spec.gates.some((g) => g.kind === 'vs-baseline')) {
    const model = outcome.config.model === 'logistic' ? 'prior' : 'logistic';
    const { model: _m, hyperparameters: _h, ...rest } = outcome.config;
    const other = await train(createRunConfig({ ...rest, model }));
    baseline = gatedRun(other, threshold, `${model} baseline`);
  }
  return judgeRun(outcome, threshold, outcome.config.model, { spec, dataContract, snapshot, findings, baseline, seed: outcome.config.seed });
}

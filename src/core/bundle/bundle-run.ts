import type { DataContract } from '../contract/data-contract.ts';
import type { Snapshot } from '../data/snapshot.ts';
import { binaryReport } from '../metrics/binary-report.ts';
import type { TrainOutcome } from '../train/train-outcome.ts';
import type { ChosenThreshold } from '../evaluation/threshold-strategy.ts';
import { buildBundle, type AppInfo, type Bundle } from './build-bundle.ts';
import { buildCompact, type CompactKey } from './compact.ts';
import { compactPrefill } from './compact-prefill.ts';
import type { GatesFile } from '../gates/gates-file.ts';

export interface BundleRunInput {
  readonly snapshot: Snapshot;
  readonly outcome: TrainOutcome;
  readonly threshold: number;
  /** What the user wrote in the compact; prefilled fields they did not touch stay prefilled. */
  readonly compactEdits?: Partial<Record<CompactKey, string>>;
  readonly app: AppInfo;
  readonly createdAt: string;
  readonly dataContract?: DataContract;
  /** How the threshold was chosen (strategy, inputs, split), when a strategy chose it. */
  readonly thresholdChoice?: ChosenThreshold | null;
  /** The promotion-gate verdict for `gates.json` and the manifest's `promotable`. */
  readonly gates?: GatesFile;
}

/** The one path from a finished run to its bundle, shared by the page and the CLI so both write identical files. */
export function bundleRun(input: BundleRunInput): Promise<Bundle> {
  const { snapshot, outcome, threshold } = input;
  const testReport = binaryReport(outcome.test.scores, outcome.test.labels, threshold);
  return buildBundle({
    snapshot, outcome, threshold, testReport,
    validationReport: binaryReport(outcome.validation.scores, outcome.validation.labels, threshold),
    trainReport: binaryReport(outcome.train.scores, outcome.train.labels, threshold),
    compact: buildCompact(compactPrefill(snapshot, outcome, testReport, input.thresholdChoice ?? null), input.compactEdits ?? {}),
    app: input.app, createdAt: input.createdAt, dataContract: input.dataContract, thresholdChoice: input.thresholdChoice ?? null,
    ...(input.gates ? { gates: input.gates } : {}),
  });
}

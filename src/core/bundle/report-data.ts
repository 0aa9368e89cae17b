import type { DataContract } from '../contract/data-contract.ts';
import type { Finding } from '../contract/finding.ts';
import type { Snapshot } from '../data/snapshot.ts';
import type { Comparison } from '../evaluation/compare-runs.ts';
import type { EvaluationReport } from '../evaluation/evaluation-report.ts';
import type { BinaryReport } from '../metrics/types.ts';
import type { TrainOutcome } from '../train/train-outcome.ts';
import type { CompactField } from './compact.ts';

/** Everything `report.html` and `model-card.md` are written from: what the app knows about one exported run. */
export interface ReportData {
  readonly bundleId: string;
  readonly snapshot: Snapshot;
  readonly outcome: TrainOutcome;
  /** The top level of `metrics.json` (the test split at the exported threshold): the numbers the page must match. */
  readonly metrics: BinaryReport;
  /** The full evaluation of the test split at the exported threshold (curves, intervals, slices, clusters). */
  readonly evaluation: EvaluationReport;
  readonly compact: readonly CompactField[];
  readonly dataContract?: DataContract;
  /** Columns whose values must never be shown: the contract's PII role, or the profile's PII suggestions. */
  readonly piiColumns: readonly string[];
  /** Findings of the contract checks, when the caller has them. */
  readonly findings?: readonly Finding[];
  /** The runs compared side by side, when the caller has more than one. */
  readonly comparison?: Comparison | null;
  readonly app: { readonly version: string; readonly gitSha: string };
}

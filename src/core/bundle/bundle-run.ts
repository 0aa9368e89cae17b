import { columnsWithRole, withheldColumns, type DataContract } from '../contract/data-contract.ts';
import type { RecordedFinding } from '../contract/run-checks.ts';
import type { Snapshot } from '../data/snapshot.ts';
import type { Comparison } from '../evaluation/compare-runs.ts';
import { evaluationReport, type EvaluationReport } from '../evaluation/evaluation-report.ts';
import { suggestedPiiColumns } from '../evaluation/pii-columns.ts';
import type { SliceSpec } from '../evaluation/slice-table.ts';
import type { ReferenceProfile } from '../drift/reference-profile.ts';
import { binaryReport } from '../metrics/binary-report.ts';
import type { TrainOutcome } from '../train/train-outcome.ts';
import type { ChosenThreshold, ThresholdStrategy } from '../evaluation/threshold-strategy.ts';
import { buildBundle, type AppInfo, type Bundle } from './build-bundle.ts';
import { buildCompact, type CompactKey } from './compact.ts';
import { compactPrefill, type CompactContext } from './compact-prefill.ts';
import type { GatesFile } from '../gates/gates-file.ts';
import type { LedgerEntry } from '../ledger/ledger-entry.ts';
import { DEFAULT_SEED } from '../random.ts';

/** How the report's evaluation is computed; absent fields take the app's defaults. */
export interface BundleEvaluationSettings {
  readonly slices?: readonly SliceSpec[];
  /** Columns error clusters may look at; PII columns are dropped whatever is passed. */
  readonly errorColumns?: readonly string[];
  /** Bootstrap resamples (0: no intervals); default 1000. */
  readonly resamples?: number;
  readonly seed?: number;
}

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
  readonly evaluation?: BundleEvaluationSettings;
  /**
   * The test split's report when a host already computed it with `bundleEvaluation` on these very inputs (the CLI
   * does so on a second thread while the run measures reliance); absent, it is computed here.
   */
  readonly evaluationReport?: EvaluationReport;
  /** The run's reference profile when the host computed it already (see `BundleInput`). */
  readonly referenceProfile?: ReferenceProfile;
  /** The checks' warn and fail findings, open or dismissed (see `recordFindings`), written as `findings.json`. */
  readonly findings?: readonly RecordedFinding[];
  readonly comparison?: Comparison | null;
  /** Rows of the opt-in parity.json; 0 or absent writes none. */
  readonly parityRows?: number;
  /** The promotion-gate verdict for `gates.json` and the manifest's `promotable`. */
  readonly gates?: GatesFile;
  /** Observation Ledger entries for ledger.json and ledger.md. */
  readonly ledger?: readonly LedgerEntry[];
  /** What the compact knows beyond the run: the baseline run, importances, slices examined. */
  readonly compactContext?: CompactContext;
}

/** The parts of a run the test split's evaluation reads: its scored splits, classes and contract. */
export type EvaluatedOutcome = Pick<TrainOutcome, 'contract' | 'validation' | 'test' | 'classes'>;

const MAX_DEFAULT_SLICES = 3;
const MAX_SLICE_CATEGORIES = 12;

/**
 * Columns whose values the bundle never shows: PII and hashed columns by the contract when there is one, else PII by
 * the profile's evidence (the same rule the evaluate step uses).
 */
export function bundlePiiColumns(snapshot: Snapshot, outcome: Pick<TrainOutcome, 'contract'>, dataContract: DataContract | undefined): string[] {
  return dataContract ? withheldColumns(dataContract) : suggestedPiiColumns(snapshot, outcome.contract.label);
}

/** Default slices: the contract's slice columns, then small categorical features; never PII, never the label. */
function defaultSlices(snapshot: Snapshot, outcome: Pick<TrainOutcome, 'contract'>, dataContract: DataContract | undefined, pii: ReadonlySet<string>): SliceSpec[] {
  const sliceRole = dataContract ? columnsWithRole(dataContract, 'slice') : [];
  const small = outcome.contract.features.filter((name) => {
    const c = snapshot.columns.find((col) => col.name === name);
    return c !== undefined && c.type !== 'numeric' && c.type !== 'datetime' && c.categories.length >= 2 && c.categories.length <= MAX_SLICE_CATEGORIES;
  });
  return [...new Set([...sliceRole, ...small])].filter((c) => !pii.has(c) && c !== outcome.contract.label).slice(0, MAX_DEFAULT_SLICES).map((c) => ({ columns: [c] as const }));
}

/** The test split evaluated at exactly the exported threshold, with the same core function the evaluate step runs. */
export function bundleEvaluation(snapshot: Snapshot, outcome: EvaluatedOutcome, threshold: number, choice: ChosenThreshold | null, pii: readonly string[], settings: BundleEvaluationSettings = {}, dataContract?: DataContract): EvaluationReport {
  const piiSet = new Set(pii);
  const fixed: ThresholdStrategy = { kind: 'fixed', value: threshold };
  // Slices the page asked for may name columns of an earlier file (its settings outlive a snapshot); those are skipped.
  const present = new Set(snapshot.columns.map((c) => c.name));
  const slices = (settings.slices ?? defaultSlices(snapshot, outcome, dataContract, piiSet)).filter((s) => s.columns.every((c) => !piiSet.has(c) && present.has(c)));
  const errorColumns = (settings.errorColumns ?? [...outcome.contract.features, ...(dataContract ? columnsWithRole(dataContract, 'slice') : [])]).filter((c) => !piiSet.has(c) && c !== outcome.contract.label);
  const resamples = settings.resamples ?? 1000;
  const run = (strategy: ThresholdStrategy) => evaluationReport({
    evaluated: outcome.test, evaluatedOn: 'test', choice: outcome.validation, strategy,
    bootstrap: resamples > 0 ? { resamples, seed: settings.seed ?? DEFAULT_SEED } : null, snapshot, slices, errorColumns,
    ...(outcome.classes ? { classes: outcome.classes } : {}),
  });
  // The strategy that chose the threshold is replayed so the report names it; should it land elsewhere, the fixed value wins.
  if (choice && choice.threshold === threshold) {
    const report = run(choice.strategy);
    if (report.threshold === threshold) return report;
  }
  return run(fixed);
}

/** The one path from a finished run to its bundle, shared by the page and the CLI so both write identical files. */
export function bundleRun(input: BundleRunInput): Promise<Bundle> {
  const { snapshot, outcome, threshold, dataContract } = input;
  const choice = input.thresholdChoice ?? null;
  const testReport = binaryReport(outcome.test.scores, outcome.test.labels, threshold);
  const piiColumns = bundlePiiColumns(snapshot, outcome, dataContract);
  const evaluation = input.evaluationReport ?? bundleEvaluation(snapshot, outcome, threshold, choice, piiColumns, input.evaluation, dataContract);
  const context = { ...input.compactContext, slices: input.compactContext?.slices ?? evaluation.slices };
  return buildBundle({
    snapshot, outcome, threshold, testReport,
    validationReport: binaryReport(outcome.validation.scores, outcome.validation.labels, threshold),
    trainReport: binaryReport(outcome.train.scores, outcome.train.labels, threshold),
    compact: buildCompact(compactPrefill(snapshot, outcome, testReport, choice, context), input.compactEdits ?? {}),
    app: input.app, createdAt: input.createdAt, dataContract, thresholdChoice: choice,
    evaluation, piiColumns,
    ...(input.findings ? { findings: input.findings } : {}), comparison: input.comparison ?? null, parityRows: input.parityRows ?? 0,
    ...(input.gates ? { gates: input.gates } : {}),
    ...(input.ledger ? { ledger: input.ledger } : {}),
    ...(input.referenceProfile ? { referenceProfile: input.referenceProfile } : {}),
  });
}

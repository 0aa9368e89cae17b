import type { Snapshot } from '../data/snapshot.ts';
import { binaryReport, reportAt } from '../metrics/binary-report.ts';
import { bootstrapBinary, type BinaryCi, type BootstrapResult } from '../metrics/bootstrap.ts';
import { calibrationBins, type CalibrationBin } from '../metrics/calibration.ts';
import { multiclassReport, type MulticlassReport } from '../metrics/multiclass-report.ts';
import { rates } from '../metrics/rates.ts';
import { rocCurve } from '../metrics/roc-curve.ts';
import { prCurve } from '../metrics/pr-curve.ts';
import { confusionAt, thresholdSweep, type Sweep } from '../metrics/sweep.ts';
import type { BinaryReport } from '../metrics/types.ts';
import { isProbabilities } from '../metrics/validate.ts';
import { errorClusters, type Cluster } from './error-clusters.ts';
import { errorLists, type ErrorRow } from './error-lists.ts';
import { operatingPoints, type OperatingPoint } from './operating-points.ts';
import { scoreHistogram, type ScoreHistogram } from './score-histogram.ts';
import { sliceTable, type SliceSpec, type SliceTable } from './slice-table.ts';
import { nullable, pick, sweepTable, thinIndices } from './sweep-table.ts';
import { chooseThreshold, expectedCost, type ChosenThreshold, type ThresholdStrategy } from './threshold-strategy.ts';

/** Rows of one split with their binary (one-vs-rest) labels and scores, and for multiclass the class and all probabilities. */
export interface ScoredRows {
  /** Snapshot row of each entry (for slices, error lists and fixtures). */
  readonly rows: Int32Array;
  readonly scores: Float64Array;
  readonly labels: Uint8Array;
  readonly classIndex?: Uint8Array;
  readonly probabilities?: Float64Array;
}

/** What to evaluate and how. */
export interface ReportRequest {
  /** The rows reported on: the test split of a run, or every labelled row of a scores file. */
  readonly evaluated: ScoredRows;
  /** Which split `evaluated` is, for the report's `evaluated_on` (default: test with a choice split, input without). */
  readonly evaluatedOn?: 'test' | 'validation' | 'train';
  /**
   * Where the threshold is chosen (a run's validation split, even when it is empty: then the strategy has nothing to
   * choose from and says so). Without it, the threshold is chosen on `evaluated` and the report says so.
   */
  readonly choice?: ScoredRows | null;
  readonly strategy: ThresholdStrategy;
  /** Costs for the expected-cost column; taken from a min-cost strategy when not given. */
  readonly costs?: { readonly costFp: number; readonly costFn: number } | null;
  /** Seeded percentile bootstrap; null skips intervals. */
  readonly bootstrap?: { readonly resamples: number; readonly seed: number } | null;
  /** The table the rows come from, for slices and error clusters. */
  readonly snapshot?: Snapshot | null;
  readonly slices?: readonly SliceSpec[];
  /** Columns error clusters may look at: never PII (the caller filters them out). */
  readonly errorColumns?: readonly string[];
  /** Multiclass: the class values, in the order of `probabilities`' columns. */
  readonly classes?: readonly string[];
  /** Most points a curve keeps for plotting (every number still comes from the exact sweep). */
  readonly curvePoints?: number;
}

type Nullable = (number | null)[];

/** One evaluation: the report keys of docs/metrics.md at the chosen threshold, with curves, intervals, slices and errors beside them. */
export interface EvaluationReport extends BinaryReport {
  readonly format: 1;
  readonly evaluated_on: 'test' | 'validation' | 'train' | 'input';
  readonly fpr: number | null;
  readonly fnr: number | null;
  readonly predicted_positive_rate: number | null;
  readonly expected_cost: number | null;
  readonly costs: { readonly cost_fp: number; readonly cost_fn: number } | null;
  readonly threshold_choice: ChosenThreshold;
  /** The choice split's report at the chosen threshold, when there is one. */
  readonly validation: BinaryReport | null;
  readonly roc_curve: { readonly fpr: Nullable; readonly tpr: Nullable; readonly thresholds: Nullable; readonly points_exact: number };
  readonly pr_curve: { readonly precision: Nullable; readonly recall: Nullable; readonly thresholds: Nullable; readonly points_exact: number };
  readonly sweep: { readonly threshold: Nullable; readonly precision: Nullable; readonly recall: Nullable; readonly f1: Nullable; readonly fpr: Nullable; readonly specificity: Nullable; readonly ppr: Nullable; readonly cost: Nullable; readonly points_exact: number };
  readonly calibration_bins: CalibrationBin[] | null;
  readonly score_histogram: ScoreHistogram;
  readonly operating_points: OperatingPoint[];
  readonly ci: BinaryCi | null;
  readonly bootstrap: Omit<BootstrapResult, 'ci'> | null;
  readonly slices: SliceTable[];
  readonly errors: {
    readonly counts: { readonly false_positives: number; readonly false_negatives: number };
    readonly false_positives: ErrorRow[];
    readonly false_negatives: ErrorRow[];
    readonly low_confidence: ErrorRow[];
    readonly clusters: { readonly false_positives: Cluster[]; readonly false_negatives: Cluster[] } | null;
  };
  readonly multiclass: MulticlassReport | null;
  /** Plain sentences about what is undefined and why (one class only, tied scores, nothing flagged, …). */
  readonly messages: string[];
}

function messagesFor(report: BinaryReport, scores: Float64Array, probabilistic: boolean): string[] {
  const out: string[] = [];
  if (report.n === 0) return ['There are no rows to evaluate.'];
  if (report.n_pos === 0 || report.n_neg === 0) {
    out.push(`ROC AUC and average precision are undefined: every evaluated row is ${report.n_pos === 0 ? 'negative' : 'positive'} (one class only), so there is nothing to rank against.`);
  }
  let tied = true;
  for (let i = 1; i < scores.length && tied; i++) tied = scores[i] === scores[0];
  if (tied && scores.length > 1) out.push(`All ${scores.length} scores are equal (${scores[0]}): the model does not rank rows, so ROC AUC is 0.5 and every threshold flags all rows or none.`);
  if (report.tp + report.fp === 0) out.push(`No row is flagged positive at threshold ${report.threshold}: precision is undefined (not 0).`);
  if (!probabilistic) out.push('Some scores lie outside [0, 1], so they are not probabilities: Brier, log loss, ECE, MCE and the reliability diagram are undefined.');
  return out;
}

/** The full evaluation report: pure, deterministic for a given request (the bootstrap is seeded). */
export function evaluationReport(request: ReportRequest): EvaluationReport {
  const { evaluated } = request;
  const maxPoints = request.curvePoints ?? 2000;
  // An empty validation split is still the choice split: falling back to the evaluated rows would tune on test.
  const chooseOn = request.choice ?? null;
  const sweep = thresholdSweep(evaluated.scores, evaluated.labels);
  const choiceSweep = chooseOn ? thresholdSweep(chooseOn.scores, chooseOn.labels) : sweep;
  const chosen = chooseThreshold(choiceSweep, request.strategy, chooseOn ? 'validation' : 'input');
  const costs = request.costs ?? (request.strategy.kind === 'min-cost' ? { costFp: request.strategy.costFp, costFn: request.strategy.costFn } : null);

  const base = binaryReport(evaluated.scores, evaluated.labels, chosen.threshold, sweep);
  const confusion = confusionAt(sweep, chosen.threshold);
  const r = rates(confusion);
  const probabilistic = evaluated.scores.length > 0 && isProbabilities(evaluated.scores);

  const roc = rocCurve(sweep);
  const rocKeep = thinIndices(roc.fpr, roc.tpr, maxPoints);
  const pr = prCurve(sweep);
  const prKeep = thinIndices(pr.recall, pr.precision, maxPoints);
  // Thinned on the PR curve's shape, then computed only at the points kept: a million-point table is never built.
  const table = sweepTable(sweep, costs ?? undefined, prKeep);

  const boot = request.bootstrap ? bootstrapBinary(evaluated.scores, evaluated.labels, chosen.threshold, request.bootstrap, sweep) : null;
  const bootstrap = request.bootstrap;
  const interval = bootstrap ? (s: Float64Array, y: Uint8Array, t: number, sw: Sweep) => bootstrapBinary(s, y, t, bootstrap, sw).ci : null;
  const overall = { roc_auc: base.roc_auc, precision: base.precision, recall: base.recall, fpr: r.fpr, fnr: r.fnr };
  const snapshot = request.snapshot ?? null;
  const slices = snapshot ? (request.slices ?? []).map((spec) => sliceTable(snapshot, evaluated.rows, evaluated.scores, evaluated.labels, chosen.threshold, spec, overall, interval)) : [];
  const lists = errorLists(evaluated.rows, evaluated.scores, evaluated.labels, chosen.threshold, 50);
  const clusters = snapshot && request.errorColumns?.length
    ? errorClusters(snapshot, request.errorColumns, evaluated.rows, evaluated.scores, evaluated.labels, chosen.threshold)
    : null;
  const multi = request.classes && evaluated.probabilities && evaluated.classIndex
    ? multiclassReport(evaluated.probabilities, evaluated.classIndex, request.classes)
    : null;
  const validation = chooseOn ? reportAt(binaryReport(chooseOn.scores, chooseOn.labels, chosen.threshold, choiceSweep), confusionAt(choiceSweep, chosen.threshold)) : null;
  const n = base.n;

  return {
    format: 1,
    evaluated_on: chooseOn ? (request.evaluatedOn ?? 'test') : 'input',
    ...base,
    fpr: r.fpr,
    fnr: r.fnr,
    predicted_positive_rate: n ? (confusion.tp + confusion.fp) / n : null,
    expected_cost: costs ? expectedCost(confusion, costs.costFp, costs.costFn) : null,
    costs: costs ? { cost_fp: costs.costFp, cost_fn: costs.costFn } : null,
    threshold_choice: chosen,
    validation,
    roc_curve: { fpr: pick(roc.fpr, rocKeep), tpr: pick(roc.tpr, rocKeep), thresholds: pick(roc.thresholds, rocKeep), points_exact: roc.fpr.length },
    pr_curve: { precision: pick(pr.precision, prKeep), recall: pick(pr.recall, prKeep), thresholds: pick(pr.thresholds, prKeep), points_exact: pr.recall.length },
    sweep: {
      threshold: nullable(table.threshold), precision: nullable(table.precision), recall: nullable(table.recall), f1: nullable(table.f1),
      fpr: nullable(table.fpr), specificity: nullable(table.specificity), ppr: nullable(table.ppr), cost: nullable(table.cost),
      points_exact: sweep.thresholds.length,
    },
    calibration_bins: probabilistic ? calibrationBins(evaluated.scores, evaluated.labels).bins : null,
    score_histogram: scoreHistogram(evaluated.scores, evaluated.labels),
    operating_points: operatingPoints(sweep, costs ?? undefined),
    ci: boot ? boot.ci : null,
    bootstrap: boot ? { resamples: boot.resamples, seed: boot.seed, level: boot.level, method: boot.method } : null,
    slices,
    errors: {
      counts: { false_positives: confusion.fp, false_negatives: confusion.fn },
      false_positives: lists.false_positives.slice(0, 20),
      false_negatives: lists.false_negatives.slice(0, 20),
      low_confidence: lists.low_confidence.slice(0, 20),
      clusters,
    },
    multiclass: multi,
    messages: messagesFor(base, evaluated.scores, probabilistic),
  };
}

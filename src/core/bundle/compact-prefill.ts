import type { Snapshot } from '../data/snapshot.ts';
import { multiclassReport } from '../metrics/multiclass-report.ts';
import { readConfusion } from '../metrics/reading.ts';
import type { BinaryReport } from '../metrics/types.ts';
import { describeStrategy, type ChosenThreshold } from '../evaluation/threshold-strategy.ts';
import type { TrainOutcome } from '../train/train-outcome.ts';
import type { CompactKey } from './compact.ts';
import { describeSplit } from '../split/describe-split.ts';
import { binaryReport } from '../metrics/binary-report.ts';
import type { SliceTable } from '../evaluation/slice-table.ts';
import { candidateSignals, evalSlices, type FeatureImportance } from './compact-signals.ts';
import { percent } from '../percent.ts';

const fmt = (v: number | null, digits = 3): string => (v === null ? 'undefined' : v.toFixed(digits));
const pct = (part: number, whole: number): string => (whole ? percent(part / whole, 1) : 'n/a');

const REASONS = {
  gradient: 'converged',
  'line-search': 'the line search stalled (no step lowered the objective)',
  'max-iterations': 'stopped at the iteration cap',
  'non-finite': 'the objective became non-finite',
  stopped: 'stopped by the user',
} as const;

/**
 * How an L-BFGS fit ended, in words: "converged, max|gradient| 3.1e-6 < 1e-5" or "not converged: the line search
 * stalled (…), max|gradient| 4.2e-5 against a tolerance of 1e-5, objective 0.412350". Runs stored before the optimizer
 * was recorded read plainly converged / not converged.
 */
export function describeConvergence(outcome: TrainOutcome): string {
  const o = outcome.optimizer;
  if (!o) return outcome.converged ? 'converged' : 'not converged';
  const g = o.gradientMax.toExponential(1);
  const tol = o.tolerance.toExponential(0);
  if (outcome.converged) return `converged, max|gradient| ${g} < ${tol}`;
  return `not converged: ${REASONS[o.reason]}, max|gradient| ${g} against a tolerance of ${tol}, objective ${o.objective.toPrecision(6)}`;
}

/** One phrase naming the model and how it was fitted. */
export function describeModel(outcome: TrainOutcome): string {
  const { config } = outcome;
  const k = outcome.classes?.length;
  if (config.model === 'prior') return k ? `Prior baseline (every row gets the training class distribution over ${k} classes)` : 'Prior baseline (every row scores the training base rate)';
  if (config.model === 'logistic') {
    return `${k ? `Multinomial (softmax, ${k} classes) logistic` : 'Logistic'} regression (L2, C=${config.hyperparameters.C}, full-batch L-BFGS, ${outcome.iterations} iterations, ${describeConvergence(outcome)})`;
  }
  const h = config.hyperparameters;
  return `MLP ${h.hidden.join('×')} ${h.activation}${k ? `, softmax over ${k} classes` : ''} (dropout ${h.dropout}, L2 ${h.l2}, Adam lr ${h.learningRate} ε ${h.epsilon}, batch ${h.batchSize}; ` +
    `${outcome.iterations} of at most ${h.epochs} epochs, best weights from epoch ${outcome.bestEpoch ?? outcome.iterations})`;
}

// A multiclass run's own figures come first, so the one-vs-rest ones are not read as the model's.
function multiclassLine(outcome: TrainOutcome): string {
  const { test, classes } = outcome;
  if (!classes || !test.probabilities || !test.classIndex) return '';
  const m = multiclassReport(test.probabilities, test.classIndex, classes);
  return `Test over all ${classes.length} classes: accuracy ${fmt(m.accuracy)}, log loss ${fmt(m.log_loss)}, macro F1 ${fmt(m.macro.f1)}, weighted F1 ${fmt(m.weighted.f1)}. `;
}

/** What the compact knows beyond the exported run. */
export interface CompactContext {
  /** The exported run's ID, as the app names it. */
  readonly runId?: string;
  /** The baseline run (logistic regression or prior) of the session; absent: the exported run is judged by its model. */
  readonly baseline?: { readonly id: string; readonly outcome: TrainOutcome } | null;
  /** Permutation importance of the exported run, when computed. */
  readonly importance?: readonly FeatureImportance[];
  /** The slice tables examined on the exported run's test split. */
  readonly slices?: readonly SliceTable[];
}

// The run's own permutation importance (computed after training), in the compact's shape; undefined when absent.
function relianceImportance(outcome: TrainOutcome): FeatureImportance[] | undefined {
  const columns = outcome.reliance?.importance?.columns;
  return columns?.filter((c) => c.mean !== null).map((c) => ({ feature: c.column, importance: c.mean as number, lo: c.lo, hi: c.hi }));
}

/** A baseline-model run: logistic regression or the prior. */
export const isBaselineModel = (outcome: TrainOutcome): boolean => outcome.config.model === 'logistic' || outcome.config.model === 'prior';

// Threshold-free figures of a run on its test split, for the baseline field.
function testFigures(outcome: TrainOutcome, report: BinaryReport): string {
  return `${multiclassLine(outcome)}Test ROC AUC${outcome.classes ? ` for "${outcome.contract.positiveClass}" one-vs-rest` : ''} ${fmt(report.roc_auc)}, average precision ${fmt(report.average_precision)}, log loss ${fmt(report.log_loss)}, Brier ${fmt(report.brier)}.`;
}

function describeRun(outcome: TrainOutcome, report: BinaryReport): string {
  return `${describeModel(outcome)} on ${outcome.contract.features.length} features (${outcome.preprocessing.outputNames.length} model inputs), trained on the ${outcome.backend.name} backend` +
    `${outcome.config.classWeight === 'balanced' ? ' with balanced class weights' : ''}. ${testFigures(outcome, report)}`;
}

/**
 * The "Baseline" field: names the exported run and its role, then describes the baseline run itself (never the
 * candidate in its place). Without a baseline run, a candidate says there is none to compare against.
 */
function baselineField(outcome: TrainOutcome, report: BinaryReport, context: CompactContext): string {
  const name = context.runId ? `run ${context.runId}` : 'the exported run';
  const base = context.baseline && context.baseline.outcome !== outcome && (!context.runId || context.baseline.id !== context.runId) ? context.baseline : null;
  const floor = 'A constant base-rate predictor would have ROC AUC 0.5.';
  if (!base && isBaselineModel(outcome)) return `This bundle exports the baseline (${name}): ${describeRun(outcome, report)} ${floor}`;
  if (!base) return `This bundle exports a candidate (${name}); no baseline run (logistic regression or prior) was trained on this snapshot to compare it with. The candidate: ${describeRun(outcome, report)} ${floor}`;
  const b = base.outcome;
  const bReport = binaryReport(b.test.scores, b.test.labels, report.threshold);
  return `Baseline run ${base.id}: ${describeRun(b, bReport)} ${floor} This bundle exports the candidate (${name}), ${describeModel(outcome)}: ${testFigures(outcome, report)}`;
}

/** The compact fields the app can write itself: the data snapshot, the baseline, candidate signals, the threshold plan and eval slices. */
export function compactPrefill(snapshot: Snapshot, outcome: TrainOutcome, report: BinaryReport, choice: ChosenThreshold | null = null, context: CompactContext = {}): Partial<Record<CompactKey, string>> {
  const { contract, config, split } = outcome;
  const labelled = split.train.length + split.validation.length + split.test.length;
  const nPos = outcome.validation.labels.reduce((s, v) => s + v, 0) + outcome.test.labels.reduce((s, v) => s + v, 0);
  const nEval = outcome.validation.labels.length + outcome.test.labels.length;
  const coefSource = outcome.coef ? { outcome, name: 'the exported run' } : context.baseline?.outcome.coef ? { outcome: context.baseline.outcome, name: `the baseline run ${context.baseline.id}` } : null;
  return {
    labels_and_data_snapshot:
      `Snapshot ${snapshot.id.slice(0, 12)} (${snapshot.fileName}, ${snapshot.rowCount} rows × ${snapshot.columns.length} columns; SHA-256 ${snapshot.id}). ` +
      `Label "${contract.label}", positive class "${contract.positiveClass}"; ${labelled} labelled rows. ` +
      `Split: ${describeSplit(config.split)}, seed ${config.seed}: ${split.train.length} train, ${split.validation.length} validation, ${split.test.length} test ` +
      `(positive rate ${pct(nPos, nEval)} across validation and test).`,
    baseline: baselineField(outcome, report, context),
    candidate_signals: candidateSignals(snapshot, outcome, context.importance ?? relianceImportance(outcome), coefSource),
    threshold_or_config_plan:
      `Flag positive when score ≥ ${report.threshold}${choice && choice.threshold === report.threshold ? ` (chosen on the ${choice.chosen_on === 'validation' ? 'validation split' : 'evaluated rows'} by ${describeStrategy(choice.strategy)})` : ''}. On the test split (n=${report.n}): precision ${fmt(report.precision)}, recall ${fmt(report.recall)}, ` +
      `F1 ${fmt(report.f1)}, accuracy ${fmt(report.accuracy)} (TP ${report.tp}, FP ${report.fp}, TN ${report.tn}, FN ${report.fn}). ` +
      readConfusion({ threshold: report.threshold, tp: report.tp, fp: report.fp, tn: report.tn, fn: report.fn }),
    eval_slices: evalSlices(context.slices),
  };
}

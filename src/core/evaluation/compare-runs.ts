import type { Snapshot } from '../data/snapshot.ts';
import { pairedBootstrap, type PairedBootstrapResult } from '../metrics/bootstrap.ts';
import { evaluationReport, type EvaluationReport, type ScoredRows } from './evaluation-report.ts';
import type { SliceSpec } from './slice-table.ts';
import type { ThresholdStrategy } from './threshold-strategy.ts';

/** One run to compare: its test and validation scores and the strategy that picks its own threshold. */
export interface RunToCompare {
  readonly id: string;
  readonly name: string;
  readonly test: ScoredRows;
  readonly validation: ScoredRows | null;
  readonly strategy: ThresholdStrategy;
}

/** A run's line in the side-by-side table, with its deltas against the baseline on the same rows. */
export interface ComparedRun {
  readonly id: string;
  readonly name: string;
  readonly report: EvaluationReport;
  /** Paired bootstrap of (this run − baseline), or null for the baseline itself or when the test rows differ. */
  readonly delta: PairedBootstrapResult['delta'] | null;
  /** Why there is no paired delta, when there is none for a candidate. */
  readonly delta_note: string | null;
}

/** One slice with each run's metrics there, and the candidates that do worse than the baseline on it. */
export interface SliceComparisonRow {
  readonly key: string;
  readonly n: number;
  readonly too_small: boolean;
  readonly metrics: Readonly<Record<string, { readonly roc_auc: number | null; readonly recall: number | null; readonly precision: number | null }>>;
  /** Run IDs whose AUC or recall here is clearly below the baseline's (interval wholly below it, when intervals exist). */
  readonly worse: readonly string[];
}

/** The costs behind the expected-cost column; `assumed` when the policy has none and FP = FN = 1 stands in. */
export interface ComparisonCosts {
  readonly cost_fp: number;
  readonly cost_fn: number;
  readonly assumed: boolean;
}

export interface Comparison {
  readonly baseline: string;
  /** The one strategy every run's threshold came from (each on its own validation split); null: each run's own. */
  readonly policy: ThresholdStrategy | null;
  /** Costs of the expected-cost column under `policy`; null without a policy (each report carries its own). */
  readonly costs: ComparisonCosts | null;
  readonly runs: readonly ComparedRun[];
  readonly slice: { readonly spec: SliceSpec; readonly rows: readonly SliceComparisonRow[] } | null;
  readonly bootstrap: { readonly resamples: number; readonly seed: number } | null;
}

function sameRows(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The sentence stating a comparison's policy above its table, e.g. "Each run at the threshold that minimises expected cost (FP 1, FN 5) on its own validation split". */
export function describePolicy(policy: ThresholdStrategy): string {
  const own = 'on its own validation split';
  switch (policy.kind) {
    case 'fixed': return `Each run at the same fixed threshold ${policy.value} (nothing is chosen on validation)`;
    case 'min-cost': return `Each run at the threshold that minimises expected cost (FP ${policy.costFp}, FN ${policy.costFn}) ${own}`;
    case 'max-f1': return `Each run at the threshold that maximises F1 ${own}`;
    case 'precision-at-least': return `Each run at the threshold with the highest recall where precision ≥ ${policy.target} ${own}`;
    case 'recall-at-least': return `Each run at the threshold with the highest precision where recall ≥ ${policy.target} ${own}`;
  }
}

/** Costs of a policy's expected-cost column: its own for min-cost, else FP = FN = 1 (marked assumed). */
export function policyCosts(policy: ThresholdStrategy): ComparisonCosts {
  return policy.kind === 'min-cost' ? { cost_fp: policy.costFp, cost_fn: policy.costFn, assumed: false } : { cost_fp: 1, cost_fn: 1, assumed: true };
}

/**
 * Baseline and candidates side by side, each at its own threshold (chosen on its validation split), with paired
 * bootstrap deltas on shared test rows and, given a slice spec, where each candidate does worse than the baseline.
 * With `options.policy`, every run's threshold comes from that one strategy applied to the run's own validation
 * split (its stored strategy is ignored), and expected cost is reported at the policy's costs. A run without a
 * validation split (a champion bundle, scored on the test rows only) keeps its own fixed threshold: choosing one on
 * the reported rows would tune on test.
 */
export function compareRuns(
  runs: readonly RunToCompare[], baselineId: string,
  options: {
    readonly snapshot: Snapshot | null; readonly bootstrap: { readonly resamples: number; readonly seed: number } | null; readonly slice: SliceSpec | null;
    readonly policy?: ThresholdStrategy | null;
  },
): Comparison {
  const policy = options.policy ?? null;
  const costs = policy ? policyCosts(policy) : null;
  const baseline = runs.find((r) => r.id === baselineId) ?? runs[0];
  if (!baseline) return { baseline: baselineId, policy, costs, runs: [], slice: null, bootstrap: options.bootstrap };
  const slices = options.slice && options.snapshot ? [options.slice] : [];
  const reports = new Map(runs.map((run) => [run.id, evaluationReport({
    evaluated: run.test, choice: run.validation, strategy: run.validation ? policy ?? run.strategy : run.strategy,
    costs: costs ? { costFp: costs.cost_fp, costFn: costs.cost_fn } : null, bootstrap: options.bootstrap, snapshot: options.snapshot, slices, curvePoints: 400,
  })]));
  const base = reports.get(baseline.id) as EvaluationReport;
  const compared = runs.map((run): ComparedRun => {
    const report = reports.get(run.id) as EvaluationReport;
    if (run.id === baseline.id) return { id: run.id, name: run.name, report, delta: null, delta_note: null };
    if (!sameRows(run.test.rows, baseline.test.rows)) {
      return { id: run.id, name: run.name, report, delta: null, delta_note: 'its test rows differ from the baseline\'s (another split or seed), so no paired comparison is possible' };
    }
    if (!options.bootstrap) return { id: run.id, name: run.name, report, delta: null, delta_note: 'bootstrap is off' };
    const paired = pairedBootstrap(baseline.test.scores, run.test.scores, baseline.test.labels, base.threshold, report.threshold, options.bootstrap);
    return { id: run.id, name: run.name, report, delta: paired.delta, delta_note: null };
  });
  let slice: Comparison['slice'] = null;
  if (options.slice && base.slices[0]) {
    const baseRows = base.slices[0].rows;
    const rows = baseRows.map((row, index): SliceComparisonRow => {
      const metrics: Record<string, { roc_auc: number | null; recall: number | null; precision: number | null }> = {};
      const worse: string[] = [];
      // Labels can repeat (a category spelled "(missing)" beside the missing cells): match the k-th row of a label.
      const occurrence = baseRows.slice(0, index).filter((r) => r.key === row.key).length;
      for (const run of compared) {
        const own = run.report.slices[0]?.rows.filter((r) => r.key === row.key)[occurrence];
        metrics[run.id] = { roc_auc: own?.roc_auc ?? null, recall: own?.recall ?? null, precision: own?.precision ?? null };
        if (run.id === baseline.id || !own || row.too_small) continue;
        // With intervals, worse means the candidate's interval lies wholly below the baseline's value (noise is not a
        // regression); without them (bootstrap off), the point estimate has to do.
        const below = (metric: 'roc_auc' | 'recall') => {
          const base = row[metric];
          if (base === null) return false;
          const hi = own.ci ? own.ci[metric].hi : own[metric];
          return hi !== null && hi < base;
        };
        if (below('roc_auc') || below('recall')) worse.push(run.id);
      }
      return { key: row.key, n: row.n, too_small: row.too_small, metrics, worse };
    });
    slice = { spec: options.slice, rows };
  }
  return { baseline: baseline.id, policy, costs, runs: compared, slice, bootstrap: options.bootstrap };
}

import type { DriftReport } from '../drift/drift-report.ts';
import { parseGateSpec } from '../contract/gate-spec.ts';
import { feedbackReport, type FeedbackReport, type SliceFloor } from './feedback-report.ts';
import type { TriggerMetric } from './rollback-trigger.ts';
import { shadowReport, type Costs, type ShadowReport } from './shadow-report.ts';
import type { CsvTable, SnapshotLabels } from './snapshot-labels.ts';

/** One bundle's side of a comparison: its threshold, PII columns, promise (metrics.json) and slice floors (gates.json). */
export interface ShadowSide {
  readonly threshold: number;
  readonly pii: readonly string[];
  readonly promised: Readonly<Record<string, unknown>>;
  readonly floors: readonly SliceFloor[];
}

/** Both bundles' scores of one snapshot (row numbers from 1, as the scorer numbers them) and what to report. */
export interface ShadowCaseInput {
  readonly table: CsvTable;
  /** Score per row number; rows only one bundle scored are left out. */
  readonly champion: ReadonlyMap<number, number>;
  readonly candidate: ReadonlyMap<number, number>;
  readonly championSide: ShadowSide;
  readonly candidateSide: ShadowSide;
  readonly labelled: SnapshotLabels | null;
  readonly slice: string | null;
  /** Entity-key column to list disagreeing rows by; dropped when either bundle marks it PII. */
  readonly key: string | null;
  readonly costs: Costs | null;
  readonly maxListed: number;
  readonly seed: number;
  readonly resamples?: number;
  /** The candidate's drift against its own reference profile, when it has one. */
  readonly drift: DriftReport | null;
}

/** The comparison, the candidate's feedback (with labels) and the live figures rollback triggers are judged on. */
export interface ShadowCase {
  readonly report: ShadowReport;
  readonly feedback: FeedbackReport | null;
  readonly live: Readonly<Record<TriggerMetric, number | null>>;
}

/** metrics.json (test figures at the top level) and the `slice` gates of gates.json, as feedback needs them. */
export function bundlePromise(metrics: unknown, gates: unknown): { promised: Record<string, unknown>; floors: SliceFloor[] } {
  const spec = gates === null || gates === undefined ? null : parseGateSpec((gates as { spec?: unknown }).spec ?? gates);
  const floors = spec?.ok ? spec.spec.gates.flatMap((g) => (g.kind === 'slice' ? [{ id: g.id, column: g.column, metric: g.metric, min: g.min, minRows: g.minRows }] : [])) : [];
  return { promised: metrics !== null && typeof metrics === 'object' ? (metrics as Record<string, unknown>) : {}, floors };
}

/** The figures a trigger can watch; null where they cannot be measured (no labels, no reference profile, no costs). */
export function shadowLiveFigures(report: ShadowReport, feedback: FeedbackReport | null, drift: DriftReport | null): Record<TriggerMetric, number | null> {
  const cost = report.switching_cost;
  const realised = feedback?.realised ?? null;
  return {
    psi_score: drift?.prediction?.psi ?? null, ks_score: drift?.prediction?.ks.statistic ?? null,
    max_feature_psi: drift && drift.features.length ? Math.max(...drift.features.map((f) => f.psi)) : null,
    roc_auc: realised?.roc_auc ?? null, average_precision: realised?.average_precision ?? null,
    precision: realised?.precision ?? null, recall: realised?.recall ?? null, f1: realised?.f1 ?? null,
    accuracy: realised?.accuracy ?? null, label_coverage: feedback?.coverage.share ?? null,
    disagreement_rate: report.disagreement_rate,
    switching_cost_per_row: cost ? (cost.realised?.change_per_row ?? cost.expected.change_per_row) : null,
  };
}

/** Compares champion and candidate on the rows both scored; the CLI `shadow` command and the shadow worker share it. */
export function shadowCase(input: ShadowCaseInput): ShadowCase {
  const { table, champion: a, candidate: b } = input;
  const rows = [...a.keys()].filter((r) => b.has(r)).sort((x, y) => x - y);
  const cell = (col: number) => rows.map((r) => (table.rows[r - 1]?.[col] ?? '').trim());
  const pii = new Set([...input.championSide.pii, ...input.candidateSide.pii]);
  const keyIdx = input.key && !pii.has(input.key) ? table.header.indexOf(input.key) : -1;
  const sliceIdx = input.slice ? table.header.indexOf(input.slice) : -1;
  if (input.slice && sliceIdx < 0) throw new Error(`${table.name} has no column "${input.slice}" to slice by`);
  const labelled = input.labelled;
  const candidateScores = Float64Array.from(rows, (r) => b.get(r) as number);
  const report = shadowReport({
    rows, keys: keyIdx >= 0 ? cell(keyIdx) : null,
    champion: Float64Array.from(rows, (r) => a.get(r) as number), candidate: candidateScores,
    championThreshold: input.championSide.threshold, candidateThreshold: input.candidateSide.threshold,
    labels: labelled ? rows.map((r) => labelled.labels[r - 1] ?? null) : null,
    slices: sliceIdx >= 0 ? cell(sliceIdx) : null,
    costs: input.costs, maxListed: input.maxListed, seed: input.seed, ...(input.resamples !== undefined ? { resamples: input.resamples } : {}),
  });
  let feedback: FeedbackReport | null = null;
  if (labelled) {
    const side = input.candidateSide;
    const sliceCells: Record<string, string[]> = {};
    for (const f of side.floors) {
      const i = table.header.indexOf(f.column);
      if (i >= 0) sliceCells[f.column] = cell(i);
    }
    feedback = feedbackReport({
      scores: candidateScores, labels: rows.map((r) => labelled.labels[r - 1] ?? null),
      ageDays: labelled.ageDays ? rows.map((r) => labelled.ageDays?.[r - 1] ?? NaN) : null,
      sliceCells, threshold: side.threshold, promised: side.promised, floors: side.floors, seed: input.seed,
      ...(input.resamples !== undefined ? { resamples: input.resamples } : {}),
    });
  }
  return { report, feedback, live: shadowLiveFigures(report, feedback, input.drift) };
}

import type { Finding } from '../contract/finding.ts';
import type { Dismissal } from '../contract/data-contract.ts';
import type { Snapshot } from '../data/snapshot.ts';
import { sliceTable } from '../evaluation/slice-table.ts';
import { binaryReport } from '../metrics/binary-report.ts';
import { bootstrapBinary, pairedBootstrap } from '../metrics/bootstrap.ts';
import type { BinaryReport } from '../metrics/types.ts';
import type { ScoredSplit } from '../train/train-outcome.ts';
import type { GateEvidence, GateFinding, GateSliceRow, Observed } from './gate-evidence.ts';
import { PAIRED_METRICS, type GateSpec } from '../contract/gate-spec.ts';

/** A run as the gates see it: its test split, threshold, model size and measured latency. */
export interface GatedRun {
  readonly name: string;
  readonly test: ScoredSplit;
  readonly threshold: number;
  readonly modelBytes: number | null;
  readonly latency: GateEvidence['latency'];
}

/** What the host gathers beside the run: the snapshot (for slices), a baseline on the same rows, check findings, bootstrap settings. */
export interface EvidenceInput {
  readonly spec: GateSpec;
  readonly run: GatedRun;
  readonly snapshot: Snapshot | null;
  readonly baseline: GatedRun | null;
  /** Why there is no baseline, when there is none. */
  readonly baselineNote?: string;
  /** The champion bundle scored on the same test rows (for "no worse than the champion" gates), when one is set. */
  readonly champion?: GatedRun | null;
  readonly findings: readonly GateFinding[] | null;
  readonly bootstrap: { readonly resamples: number; readonly seed: number };
}

/** Validation and leakage findings with `open` set: a finding is open unless a dismissal names it (fixed ones are absent). */
export function gateFindings(checks: { readonly validation: readonly Finding[]; readonly leakage: readonly Finding[] }, dismissed: readonly Dismissal[]): GateFinding[] {
  const gone = new Set(dismissed.map((d) => d.findingId));
  const one = (kind: GateFinding['kind']) => (f: Finding): GateFinding => ({ id: f.id, kind, status: f.status, open: !gone.has(f.id), ...(f.column !== undefined ? { column: f.column } : {}), message: f.message });
  return [...checks.validation.map(one('validation')), ...checks.leakage.map(one('leakage'))];
}

/** Why a test metric is undefined, in words, from the report's counts. */
function whyUndefined(metric: string, r: BinaryReport): string {
  if (r.n === 0) return 'the test split has no rows';
  if (['roc_auc', 'average_precision'].includes(metric) && (r.n_pos === 0 || r.n_neg === 0)) return `the test split has only one class (${r.n_pos} positive, ${r.n_neg} negative rows)`;
  if (metric === 'recall' && r.n_pos === 0) return 'the test split has no positive rows';
  if (metric === 'precision' && r.tp + r.fp === 0) return `no test row scores at or above the threshold ${r.threshold}`;
  if (metric === 'f1' && r.tp + r.fp + r.fn === 0) return 'no positive rows and no positive predictions';
  if (metric === 'log_loss' || metric === 'ece') return 'a score lies outside [0, 1]';
  return 'not computable on this split';
}

/** Test metrics (with bootstrap intervals where the paired metrics have them) as observations. */
function testMetrics(run: GatedRun, bootstrap: EvidenceInput['bootstrap'] | null): { report: BinaryReport; metrics: Record<string, Observed> } {
  const { scores, labels } = run.test;
  const report = binaryReport(scores, labels, run.threshold);
  const ci = bootstrap && report.n_pos > 0 && report.n_neg > 0 ? bootstrapBinary(scores, labels, run.threshold, bootstrap).ci : null;
  const metrics: Record<string, Observed> = {};
  for (const m of ['roc_auc', 'average_precision', 'precision', 'recall', 'f1', 'log_loss', 'ece'] as const) {
    const value = report[m];
    const interval = ci && (PAIRED_METRICS as readonly string[]).includes(m) ? ci[m as (typeof PAIRED_METRICS)[number]] : null;
    metrics[m] = { value, ...(interval ? { lo: interval.lo, hi: interval.hi } : {}), ...(value === null ? { note: whyUndefined(m, report) } : {}) };
  }
  return { report, metrics };
}

const sameRows = (a: Int32Array, b: Int32Array): boolean => a.length === b.length && a.every((r, i) => r === b[i]);

/** Candidate − other on the same test rows by paired bootstrap, each at its own threshold. */
function paired(other: GatedRun, run: GatedRun, bootstrap: EvidenceInput['bootstrap']): NonNullable<GateEvidence['baseline']> {
  const result = pairedBootstrap(other.test.scores, run.test.scores, run.test.labels, other.threshold, run.threshold, bootstrap);
  const delta: Record<string, Observed> = {};
  for (const m of PAIRED_METRICS) delta[m] = { value: result.delta[m].estimate, lo: result.delta[m].lo, hi: result.delta[m].hi };
  return { name: other.name, resamples: result.resamples, delta };
}

/** Gathers the evidence every gate of `spec` needs from a finished run; only what the spec asks for is computed. */
export function collectEvidence(input: EvidenceInput): GateEvidence {
  const { run, spec } = input;
  // Intervals cost resamples: drawn only when a metric gate will show them.
  const { report, metrics } = testMetrics(run, spec.gates.some((g) => g.kind === 'metric') ? input.bootstrap : null);
  let baseline: GateEvidence['baseline'] = null;
  let baselineNote = input.baselineNote;
  if (spec.gates.some((g) => g.kind === 'vs-baseline')) {
    const b = input.baseline;
    if (!b) baselineNote ??= 'no baseline run to compare with';
    else if (!sameRows(b.test.rows, run.test.rows)) baselineNote = `${b.name} was scored on other test rows (another split or seed)`;
    else baseline = paired(b, run, input.bootstrap);
  }
  let champion: GateEvidence['champion'] = null;
  let championNote: string | undefined;
  if (spec.gates.some((g) => g.kind === 'vs-champion')) {
    const c = input.champion;
    if (!c) championNote = 'no champion is set';
    // The champion's contract may reject some rows; a delta on fewer rows would not be paired, so the gate fails closed.
    else if (!sameRows(c.test.rows, run.test.rows)) championNote = `${c.name} scored other rows than this run's test split (rows its contract rejected, or another split)`;
    else champion = paired(c, run, input.bootstrap);
  }
  const slices: Record<string, GateSliceRow[]> = {};
  for (const gate of spec.gates) {
    if (gate.kind !== 'slice' || slices[gate.column] || !input.snapshot) continue;
    try {
      const table = sliceTable(input.snapshot, run.test.rows, run.test.scores, run.test.labels, run.threshold, { columns: [gate.column] },
        { roc_auc: report.roc_auc, precision: report.precision, recall: report.recall, fpr: null, fnr: null }, null);
      slices[gate.column] = table.rows.map((r) => ({ key: r.key, n: r.n, metrics: { roc_auc: r.roc_auc, precision: r.precision, recall: r.recall } }));
    } catch {
      // A column that is not in the snapshot leaves no slices, and its gate fails closed saying so.
    }
  }
  return {
    test: { n: report.n, n_pos: report.n_pos, threshold: run.threshold, tp: report.tp, fp: report.fp, tn: report.tn, fn: report.fn },
    metrics, baseline, ...(baselineNote !== undefined && !baseline ? { baselineNote } : {}),
    champion, ...(championNote !== undefined ? { championNote } : {}), slices,
    findings: input.findings, latency: run.latency, modelBytes: run.modelBytes,
  };
}

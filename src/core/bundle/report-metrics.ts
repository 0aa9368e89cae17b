import { readConfusion } from '../metrics/reading.ts';
import type { BinaryReport } from '../metrics/types.ts';
import { describeStrategy } from '../evaluation/threshold-strategy.ts';
import { escapeHtml, fmtNum, table, thresholdText } from './html.ts';
import { reportOutcomeNames } from './report-outcome-names.ts';
import type { ReportData } from './report-data.ts';
import { notAvailable } from './report-sections.ts';
import { barChart, lineChart } from './svg-chart.ts';
import { percent } from '../percent.ts';

/** The metrics.json keys the page prints, with their one-sentence explanation. */
const HEADLINE: readonly (readonly [keyof BinaryReport, string, string])[] = [
  ['roc_auc', 'ROC AUC', 'Chance that a random positive scores above a random negative (0.5 = no ranking).'],
  ['average_precision', 'Average precision', 'Precision averaged over every recall level; the base rate is its floor.'],
  ['accuracy', 'Accuracy', 'Share of rows classified correctly at the threshold.'],
  ['precision', 'Precision', 'Of the rows flagged positive, the share that are positive.'],
  ['recall', 'Recall', 'Of the positive rows, the share that are flagged.'],
  ['specificity', 'Specificity', 'Of the negative rows, the share left unflagged.'],
  ['f1', 'F1', 'Harmonic mean of precision and recall.'],
  ['balanced_accuracy', 'Balanced accuracy', 'Mean of recall and specificity.'],
  ['mcc', 'MCC', 'Correlation between flags and labels, from −1 to 1.'],
  ['brier', 'Brier score', 'Mean squared gap between score and label (lower is better).'],
  ['log_loss', 'Log loss', 'Mean negative log-likelihood of the labels (lower is better).'],
  ['ece', 'ECE', 'Expected calibration error over 10 equal-width bins.'],
  ['mce', 'MCE', 'Largest calibration gap over those bins.'],
];

/** A number cell carrying its exact value, so tests (and readers) can check it against metrics.json. */
function metricCell(key: string, value: number | null): string {
  return `<span data-metric="${escapeHtml(key)}" data-value="${value === null ? 'null' : String(value)}">${fmtNum(value)}</span>`;
}

/** Confusion matrix, its plain reading and the headline metrics at the exported threshold. */
export function thresholdSection(d: ReportData): string {
  const m = d.metrics;
  const choice = d.evaluation.threshold_choice;
  const cell = (k: 'tp' | 'fp' | 'tn' | 'fn', label: string) => `<td class="cm ${k}"><b>${metricCell(k, m[k])}</b><br><span class="small">${label}</span></td>`;
  const names = reportOutcomeNames(d);
  const q = (word: string) => `“${escapeHtml(word)}”`;
  const matrix = `<div class="scroll"><table class="confusion"><caption>Confusion matrix on the test split (n = ${metricCell('n', m.n)}; ${m.n_pos} ${q(names.positive)}, ${m.n_neg} ${q(names.negative)})</caption>` +
    `<thead><tr><th></th><th scope="col">Predicted ${q(names.positive)}</th><th scope="col">Predicted ${q(names.negative)}</th></tr></thead><tbody>` +
    `<tr><th scope="row">Actually ${q(names.positive)}</th>${cell('tp', 'true positives')}${cell('fn', 'false negatives (missed)')}</tr>` +
    `<tr><th scope="row">Actually ${q(names.negative)}</th>${cell('fp', 'false positives (false alarms)')}${cell('tn', 'true negatives')}</tr></tbody></table></div>`;
  const reading = `<p class="reading">${escapeHtml(readConfusion({ threshold: m.threshold, tp: m.tp, fp: m.fp, tn: m.tn, fn: m.fn }, names))}</p>`;
  const how = choice.strategy.kind === 'fixed'
    ? `<p>Threshold ${thresholdText(m.threshold)}, fixed. A row is predicted ${q(names.positive)} when its score is at or above it.</p>`
    : `<p>Threshold ${thresholdText(m.threshold)}, chosen on the ${escapeHtml(choice.chosen_on)} split by ${escapeHtml(describeStrategy(choice.strategy))}. A row is predicted ${q(names.positive)} when its score is at or above it.</p>`;
  const rows = HEADLINE.map(([k, name, text]) => [escapeHtml(name), metricCell(k, m[k] as number | null), escapeHtml(text)]);
  return how + matrix + reading + table(['Metric', 'Test value', 'What it says'], rows, 'Test-split metrics (values "undefined" have a zero denominator)');
}

/** Precision, recall and F1 across thresholds, with the operating points table. */
export function sweepSection(d: ReportData): string {
  const s = d.evaluation.sweep;
  const chart = lineChart({
    title: 'Threshold sweep (test split)', xLabel: 'threshold', yLabel: 'value', markX: d.metrics.threshold,
    series: [
      { name: 'precision', x: s.threshold, y: s.precision, tone: 's0' },
      { name: 'recall', x: s.threshold, y: s.recall, tone: 's1' },
      { name: 'F1', x: s.threshold, y: s.f1, tone: 's2' },
    ],
  });
  const ops = d.evaluation.operating_points.map((p) => [escapeHtml(p.name), thresholdText(p.threshold), String(p.flagged), fmtNum(p.precision), fmtNum(p.recall), fmtNum(p.f1), fmtNum(p.fpr)]);
  return `<p>Exact sweep over ${s.points_exact} distinct scores; the chart draws a thinned copy. The dashed line marks the exported threshold.</p>` +
    chart + table(['Operating point', 'Threshold', 'Flagged', 'Precision', 'Recall', 'F1', 'FPR'], ops, 'Operating points');
}

/** ROC and PR curves side by side. */
export function curvesSection(d: ReportData): string {
  const { roc_curve: roc, pr_curve: pr } = d.evaluation;
  const base = d.metrics.n ? d.metrics.n_pos / d.metrics.n : 0;
  return `<div class="charts">${lineChart({ title: `ROC curve (AUC ${fmtNum(d.metrics.roc_auc)})`, xLabel: 'false positive rate', yLabel: 'true positive rate', diagonal: true, series: [{ name: 'ROC', x: roc.fpr, y: roc.tpr, tone: 's0' }] })}` +
    `${lineChart({ title: `Precision–recall curve (AP ${fmtNum(d.metrics.average_precision)}; base rate ${fmtNum(base)})`, xLabel: 'recall', yLabel: 'precision', series: [{ name: 'PR', x: pr.recall, y: pr.precision, tone: 's1' }] })}</div>`;
}

/** Reliability diagram and its bins. */
export function calibrationSection(d: ReportData): string {
  const bins = d.evaluation.calibration_bins;
  if (!bins) return notAvailable('the scores are not probabilities, so calibration is undefined.');
  const full = bins.filter((b) => b.count > 0);
  return lineChart({
    title: `Reliability diagram (ECE ${fmtNum(d.metrics.ece)}, MCE ${fmtNum(d.metrics.mce)})`, xLabel: 'mean predicted probability', yLabel: 'fraction positive', diagonal: true,
    series: [{ name: 'bins', x: full.map((b) => b.mean_pred), y: full.map((b) => b.frac_pos), tone: 's0', dots: true }],
  }) + table(['Bin', 'Rows', 'Mean predicted', 'Fraction positive'], bins.map((b) => [`[${b.lo.toFixed(1)}, ${b.hi.toFixed(1)}${b.bin === 9 ? ']' : ')'}`, String(b.count), fmtNum(b.mean_pred), fmtNum(b.frac_pos)]));
}

/** Percentile bootstrap intervals beside the point estimates. */
export function intervalsSection(d: ReportData): string {
  const { ci, bootstrap } = d.evaluation;
  if (!ci || !bootstrap) return notAvailable('no bootstrap intervals were computed for this export.');
  const e = d.evaluation;
  const point: Record<string, number | null> = { roc_auc: e.roc_auc, average_precision: e.average_precision, precision: e.precision, recall: e.recall, f1: e.f1, fpr: e.fpr, fnr: e.fnr };
  const rows = Object.entries(ci).map(([k, iv]) => [escapeHtml(k), fmtNum(point[k] ?? null), fmtNum(iv.lo), fmtNum(iv.hi)]);
  return `<p>${percent(bootstrap.level)} percentile intervals from ${bootstrap.resamples} seeded resamples (seed ${bootstrap.seed}, ${escapeHtml(bootstrap.method)}).</p>` +
    table(['Metric', 'Estimate', 'Low', 'High'], rows);
}

/** Slice tables with their weak and too-small flags. */
export function slicesSection(d: ReportData): string {
  const tables = d.evaluation.slices;
  if (!tables.length) return notAvailable('no slice column was available (slices use non-PII categorical columns).');
  return tables.map((t) => table(
    ['Slice', 'Rows', 'Positives', 'ROC AUC', 'Precision', 'Recall', 'FPR', 'Flags'],
    t.rows.map((r) => [escapeHtml(r.key), String(r.n), String(r.n_pos), fmtNum(r.roc_auc), fmtNum(r.precision), fmtNum(r.recall), fmtNum(r.fpr),
      r.too_small ? `<span class="muted">too small (&lt; ${t.min_rows} rows)</span>` : r.weak.length ? `<span class="flag">weak: ${r.weak.map(escapeHtml).join(', ')}</span>` : '']),
    `Sliced by ${t.spec.columns.map(escapeHtml).join(' × ')}`,
  )).join('\n');
}

/** Values over-represented among the false positives and false negatives. */
export function clustersSection(d: ReportData): string {
  const c = d.evaluation.errors.clusters;
  const counts = d.evaluation.errors.counts;
  const head = `<p>${counts.false_positives} false positives and ${counts.false_negatives} false negatives at the exported threshold.</p>`;
  if (!c) return head + notAvailable('no non-PII column was available to cluster errors by.');
  const part = (name: string, list: typeof c.false_positives) => list.length
    ? barChart(`${name}: lift of each value among the errors`, list.slice(0, 10).map((x) => ({ label: `${x.column}=${x.value}`, value: x.lift, tone: name.startsWith('False p') ? 'fp' : 'fn', text: `×${x.lift.toFixed(2)} (${x.support} of ${x.errors})` })))
    : `<p>${name}: no value stands out.</p>`;
  return head + `<div class="charts">${part('False positives', c.false_positives)}${part('False negatives', c.false_negatives)}</div>`;
}

/** The runs compared side by side, with paired deltas against the baseline. */
export function comparisonSection(d: ReportData): string {
  const c = d.comparison;
  if (!c || c.runs.length < 2) return notAvailable('only this run was exported; compare runs in the app to include them here.');
  const rows = c.runs.map((r) => [escapeHtml(r.name) + (r.id === c.baseline ? ' (baseline)' : ''), thresholdText(r.report.threshold), fmtNum(r.report.roc_auc), fmtNum(r.report.precision), fmtNum(r.report.recall),
    r.delta ? `${fmtNum(r.delta.roc_auc.estimate)} [${fmtNum(r.delta.roc_auc.lo)}, ${fmtNum(r.delta.roc_auc.hi)}]` : escapeHtml(r.delta_note ?? '—')]);
  return table(['Run', 'Threshold', 'ROC AUC', 'Precision', 'Recall', 'Δ ROC AUC vs baseline [interval]'], rows);
}

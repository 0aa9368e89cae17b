import { escapeHtml, fmtNum, table } from './html.ts';
import type { ReportData } from './report-data.ts';
import { notAvailable } from './report-sections.ts';
import { intervalBarChart } from './svg-chart.ts';

const MAX_SHOWN = 20;

/**
 * Source columns with an open leakage finding: from the recorded findings (not dismissed in the contract or the
 * record), else from the gates' evidence. A column relied on heavily *and* flagged is what a reviewer must see.
 */
export function openLeakageColumns(d: ReportData): Set<string> {
  const dismissed = new Set((d.dataContract?.dismissed ?? []).map((x) => x.findingId));
  if (d.findings) {
    return new Set(d.findings.filter((f) => f.id.startsWith('leak:') && f.status !== 'pass' && !dismissed.has(f.id)
      && !('state' in f && f.state === 'dismissed') && f.column !== undefined).map((f) => f.column as string));
  }
  const evidence = d.gates?.evidence.findings ?? [];
  return new Set(evidence.filter((f) => f.kind === 'leakage' && f.open && f.status !== 'pass' && f.column !== undefined).map((f) => f.column as string));
}

const leakFlag = ' <span class="flag">open leakage finding</span>';

/**
 * `value` printed to 4 places inside a span tagged with the exact number, so a test can match it to metrics.json.
 * The column part of the tag is percent-encoded: a name from the user's file then holds no space or markup even escaped.
 */
function tagged(kind: string, name: string, value: number | null): string {
  return `<span data-metric="${kind}:${escapeHtml(encodeURIComponent(name))}" data-value="${value === null ? 'null' : value}">${fmtNum(value)}</span>`;
}

function permutationPart(d: ReportData, leaky: ReadonlySet<string>): string {
  const imp = d.outcome.reliance?.importance;
  if (!imp) return notAvailable('permutation importance was not measured for this run (it is measured when training finishes, not when it is stopped).');
  if (imp.note) return notAvailable(`permutation importance has no values: ${imp.note}.`);
  const what = imp.metric === 'roc_auc' ? 'drop in ROC AUC' : 'rise in log loss';
  const shown = imp.columns.slice(0, MAX_SHOWN);
  const chart = intervalBarChart(`Permutation importance (${what} when the column is shuffled), top ${shown.length}`, `${what}; whiskers: 2.5–97.5% over ${imp.repeats} shuffles`,
    shown.map((c) => ({ label: c.column, value: c.mean, lo: c.lo, hi: c.hi, text: fmtNum(c.mean) })));
  const rows = imp.columns.map((c) => [escapeHtml(c.column) + (leaky.has(c.column) ? leakFlag : ''), tagged('importance', c.column, c.mean),
    `[${tagged('importance_lo', c.column, c.lo)}, ${tagged('importance_hi', c.column, c.hi)}]`]);
  return `<p>Permutation importance on the validation split (${imp.rows} rows, ${imp.repeats} seeded shuffles, seed ${imp.seed}): the ${what} when one source column's values are shuffled across rows, ` +
    `from a base ${imp.metric === 'roc_auc' ? 'ROC AUC' : 'log loss'} of ${fmtNum(imp.base)}. Larger means the model relies on the column more; an interval reaching 0 means no clear reliance. ` +
    'Reliance is not causation, and correlated columns share credit.</p>' +
    chart + table(['Column', `Mean ${what}`, '2.5–97.5% range'], rows, 'Every source column, most relied on first');
}

function coefficientPart(d: ReportData, leaky: ReadonlySet<string>): string {
  const coefs = d.outcome.reliance?.coefficients;
  if (!coefs) return notAvailable(`coefficients exist only for logistic regression; this is a ${d.outcome.config.model} model.`);
  const pii = new Set(d.piiColumns);
  const hashed = new Set(d.outcome.preprocessing.steps.filter((s) => s.kind === 'categorical' && s.salt !== undefined).map((s) => s.column));
  // A withheld column that is not hashed would print its raw levels in the input name: show the column only.
  const name = (c: { name: string; column: string }) => (pii.has(c.column) && !hashed.has(c.column) && c.name !== c.column ? `${c.column} = (value withheld)` : c.name);
  const rows = coefs.slice(0, MAX_SHOWN).map((c) => [escapeHtml(name(c)) + (leaky.has(c.column) ? leakFlag : ''), tagged('coefficient', name(c), c.standardised), fmtNum(c.coef)]);
  return `<p>Logistic-regression coefficients, largest standardised magnitude first (top ${rows.length} of ${coefs.length}). The standardised weight is the change in log-odds ` +
    'for a one-standard-deviation move of the input on the training rows; a positive weight raises the score. These are associations within this model, not causes.</p>' +
    table(['Model input', 'Standardised coefficient', 'Raw coefficient'], rows) +
    (d.outcome.intercept !== null && d.outcome.intercept !== undefined ? `<p class="small">Intercept ${fmtNum(d.outcome.intercept)}.</p>` : '');
}

/** Permutation importance (chart with intervals, and table) and the LR coefficients, with open leakage findings marked. */
export function importanceSection(d: ReportData): string {
  if (!d.outcome.reliance) {
    return notAvailable(`feature importance was not measured for this run (training was stopped, or the ${d.outcome.config.model} model did not finish).`);
  }
  const leaky = openLeakageColumns(d);
  const note = leaky.size ? `<p class="flag">Open leakage finding on ${[...leaky].map((c) => `“${escapeHtml(c)}”`).join(', ')}: high reliance on it may be leakage, not signal.</p>` : '';
  return `${note}<h3>Permutation importance</h3>${permutationPart(d, leaky)}<h3>Coefficients</h3>${coefficientPart(d, leaky)}`;
}

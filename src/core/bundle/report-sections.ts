import { hasValues } from '../data/column.ts';
import { describeSplit } from '../split/describe-split.ts';
import { describeModel } from './compact-prefill.ts';
import { formatThreshold } from '../format-number.ts';
import { escapeHtml, table } from './html.ts';
import { reportOutcomeNames } from './report-outcome-names.ts';
import type { ReportData } from './report-data.ts';

/** A section with an id (for tests and the table of contents) and a heading. */
export function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${escapeHtml(title)}</h2>\n${body}\n</section>`;
}

/** A plain statement that the app does not produce this yet: never placeholder content that looks real. */
export function notAvailable(what: string): string {
  return `<p class="na">Not available: ${escapeHtml(what)}</p>`;
}

/** Header facts: bundle, model, snapshot, app build. */
export function headerSection(d: ReportData): string {
  const { outcome, snapshot } = d;
  const rows = [
    ['Bundle', `<code>${escapeHtml(d.bundleId)}</code>`],
    ['Model', escapeHtml(describeModel(outcome))],
    ['Backend', escapeHtml(outcome.backend.name)],
    ['Label', `${escapeHtml(outcome.contract.label)} (positive class “${escapeHtml(outcome.contract.positiveClass)}”)`],
    ['Snapshot', `${escapeHtml(snapshot.fileName)}, ${snapshot.rowCount} rows, SHA-256 <code class="wrap">${escapeHtml(snapshot.id)}</code>`],
    ['Threshold', `<span title="${d.metrics.threshold}" data-metric="threshold" data-value="${d.metrics.threshold}">${escapeHtml(formatThreshold(d.metrics.threshold))}</span> (predicted “${escapeHtml(reportOutcomeNames(d).positive)}” when score ≥ threshold)`],
    ['App', `MLE Playground ${escapeHtml(d.app.version)} (${escapeHtml(d.app.gitSha)})`],
  ];
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

/** The Iteration Compact, every field in order; empty ones say so. */
export function compactSection(d: ReportData): string {
  return d.compact.map((f) => `<h3>${escapeHtml(f.title)}</h3>${f.value.trim()
    ? `<p class="pre">${escapeHtml(f.value.trim())}</p>${f.prefilled ? '<p class="muted small">Prefilled by the app.</p>' : ''}`
    : '<p class="na">Not written yet.</p>'}`).join('\n');
}

/** Snapshot and contract summary: names, types and roles only, never a cell value. */
export function dataSection(d: ReportData): string {
  const { snapshot, outcome, dataContract } = d;
  const pii = new Set(d.piiColumns);
  const features = new Set(outcome.contract.features);
  const role = (name: string): string => dataContract?.roles[name]
    ?? (name === outcome.contract.label ? 'label' : features.has(name) ? 'feature' : pii.has(name) ? 'pii' : 'not used');
  const rows = snapshot.columns.map((c) => {
    const r = role(c.name);
    const missing = hasValues(c) ? countNaN(c.values) : countNegative(c.codes);
    return [escapeHtml(c.name), escapeHtml(c.type), escapeHtml(r) + (pii.has(c.name) ? ' <span class="flag">PII: values withheld</span>' : ''), String(missing)];
  });
  const s = outcome.split;
  return `<p>${snapshot.rowCount} rows × ${snapshot.columns.length} columns. Split: ${escapeHtml(describeSplit(outcome.config.split))}, seed ${outcome.config.seed}: ` +
    `${s.train.length} train, ${s.validation.length} validation, ${s.test.length} test rows.` +
    `${dataContract ? ` Data contract revision ${dataContract.revision}${dataContract.missingTokens.length ? `; missing-value tokens: ${dataContract.missingTokens.map((t) => `“${escapeHtml(t)}”`).join(', ')}` : ''}.` : ' No data contract was saved with this run.'}</p>` +
    table(['Column', 'Type', 'Role', 'Missing cells'], rows, 'Columns of the snapshot (no values are shown)');
}

function countNaN(values: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) n++;
  return n;
}

function countNegative(codes: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i] < 0) n++;
  return n;
}

/** Findings of the contract checks and the user's dismissals; details on PII columns are withheld. */
export function findingsSection(d: ReportData): string {
  const pii = new Set(d.piiColumns);
  const dismissed = d.dataContract?.dismissed ?? [];
  const dismissedIds = new Set(dismissed.map((x) => x.findingId));
  const parts: string[] = [];
  if (d.findings) {
    const rows = d.findings.filter((f) => f.status !== 'pass').map((f) => {
      const hidden = f.column !== undefined && pii.has(f.column);
      return [escapeHtml(f.status), escapeHtml(f.check), escapeHtml(f.column ?? ''),
        hidden ? '<span class="flag">Details withheld: PII column</span>' : escapeHtml(`${f.message}${f.evidence ? ` (${f.evidence})` : ''}`),
        dismissedIds.has(f.id) ? 'dismissed' : ''];
    });
    parts.push(rows.length ? table(['Status', 'Check', 'Column', 'Finding', 'Dismissed'], rows) : '<p>Every check passed.</p>');
  } else {
    parts.push(notAvailable('the check findings were not passed to this export; the dismissals recorded in the contract follow.'));
  }
  parts.push(dismissed.length
    ? table(['Finding', 'Reason', 'When'], dismissed.map((x) => [escapeHtml(x.findingId), escapeHtml(x.reason), escapeHtml(x.at)]), 'Dismissals')
    : '<p>No finding was dismissed.</p>');
  return parts.join('\n');
}

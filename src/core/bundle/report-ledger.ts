import { DECISION_LABELS, type LedgerEntry, type LedgerMetricMove } from '../ledger/ledger-entry.ts';
import { escapeHtml, fmtNum, table } from './html.ts';
import type { ReportData } from './report-data.ts';
import { notAvailable } from './report-sections.ts';

const signed = (v: number | null): string => (v === null ? 'undefined' : `${v >= 0 ? '+' : ''}${v.toFixed(4)}`);

function moveText(m: LedgerMetricMove): string {
  const ci = m.ci && m.ci.lo !== null && m.ci.hi !== null ? ` [${signed(m.ci.lo)}, ${signed(m.ci.hi)}]` : '';
  return `${escapeHtml(m.metric)} ${fmtNum(m.baseline)} → ${fmtNum(m.candidate)} (Δ ${signed(m.delta)}${ci})`;
}

function entryCells(e: LedgerEntry): string[] {
  const runs = e.runs.map((r) => `${escapeHtml(r.role)} <code>${escapeHtml(r.id)}</code> (${escapeHtml(r.model)}, seed ${r.seed}, config ${escapeHtml(r.configHash.slice(0, 12))})`).join('<br>');
  const moves = e.metrics.length ? e.metrics.map(moveText).join('<br>') : '<span class="muted">no metric movement recorded</span>';
  const gates = e.gates.length ? `<br><span class="small">Gates: ${e.gates.map((g) => `${g.passed ? 'pass' : 'FAIL'} ${escapeHtml(g.gate)}`).join(', ')}</span>` : '';
  return [
    `${escapeHtml(e.id)}<br><span class="small muted">${escapeHtml(e.committedAt)}</span>${e.corrects ? `<br><span class="small">corrects ${escapeHtml(e.corrects)}</span>` : ''}`,
    `<strong>${escapeHtml(DECISION_LABELS[e.decision] ?? e.decision)}</strong>`, `<span class="pre">${escapeHtml(e.reason)}</span>`, runs, moves + gates,
  ];
}

/**
 * The Observation Ledger as shipped in ledger.json: one row per entry (decision, reason, runs, metric movement), all
 * user text escaped. Lessons and next experiments are in ledger.md.
 */
export function ledgerSection(d: ReportData): string {
  if (!d.ledger) return notAvailable('no ledger entries were exported with this bundle.');
  if (d.ledger.length === 0) return '<p>The ledger has no entries yet.</p>';
  return `<p>${d.ledger.length} entr${d.ledger.length === 1 ? 'y' : 'ies'}, oldest first, as in ledger.json (ledger.md also holds each lesson and next experiment).</p>` +
    table(['Entry', 'Decision', 'Reason', 'Runs', 'Metric movement (baseline → candidate, test split)'], d.ledger.map(entryCells));
}

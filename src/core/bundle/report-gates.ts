import type { Observed } from '../gates/gate-evidence.ts';
import { escapeHtml, fmtNum, table } from './html.ts';
import type { ReportData } from './report-data.ts';
import { notAvailable } from './report-sections.ts';

function observedText(o: Observed): string {
  const interval = o.lo !== undefined && o.lo !== null && o.hi !== undefined && o.hi !== null ? ` [${fmtNum(o.lo)}, ${fmtNum(o.hi)}]` : '';
  return `${fmtNum(o.value)}${interval}${o.note ? ` <span class="muted small">(${escapeHtml(o.note)})</span>` : ''}`;
}

// The verdict sits next to the gate's name so it stays in view on a narrow screen where the table scrolls.
/**
 * The promotion-gate verdict of `gates.json`: promotable or not at the top with the failed gates named, then one row
 * per gate (required, observed with its interval, pass/fail, evidence), and the lock record.
 */
export function gatesSection(d: ReportData): string {
  const g = d.gates;
  if (!g || g.verdicts.length === 0) return notAvailable('no gates were declared for this run, so there is no verdict.');
  const head = g.promotable
    ? `<p class="verdict pass" data-promotable="true"><strong>Promotable: yes.</strong> All ${g.verdicts.length} gates pass.</p>`
    : `<p class="verdict fail" data-promotable="false"><strong>Promotable: no.</strong> ${g.failed.length} of ${g.verdicts.length} gates fail: ${g.failed.map((id) => `<code>${escapeHtml(id)}</code>`).join(', ')}.</p>`;
  const rows = g.verdicts.map((v) => [
    `<code>${escapeHtml(v.id)}</code>`,
    `<span class="${v.pass ? 'pass' : 'fail'}" data-gate="${escapeHtml(v.id)}" data-pass="${v.pass}">${v.pass ? 'pass' : 'FAIL'}</span>`,
    escapeHtml(v.required), observedText(v.observed), escapeHtml(v.evidence), escapeHtml(v.kind),
  ]);
  const lock = g.locked_at
    ? `Gates locked at ${escapeHtml(g.locked_at)}; ${g.changes.length === 0 ? 'not changed since.' : `changed ${g.changes.length} time${g.changes.length === 1 ? '' : 's'} since: ${g.changes.map((c) => `${escapeHtml(c.at)} (${escapeHtml(c.reason)})`).join('; ')}.`}`
    : 'Gates were not locked before this run (they lock when the first run starts).';
  return `${head}${table(['Gate', 'Verdict', 'Required', 'Observed [interval]', 'Evidence', 'Kind'], rows)}<p class="small">${lock} A gate that cannot be measured fails closed.</p>`;
}

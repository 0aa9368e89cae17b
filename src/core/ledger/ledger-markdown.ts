import { DECISION_LABELS, type LedgerEntry } from './ledger-entry.ts';

/**
 * User text made inert in Markdown: HTML and entities are escaped, and every Markdown punctuation character is
 * backslash-escaped, so a reason cannot add headings, links, images, tables or raw HTML to ledger.md.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, '  \n');
}

const num = (v: number | null, d = 3): string => (v === null ? '—' : v.toFixed(d));
const signed = (v: number | null): string => (v === null ? '—' : `${v >= 0 ? '+' : ''}${v.toFixed(3)}`);

function entryMarkdown(e: LedgerEntry): string {
  const t = escapeMarkdown;
  const lines = [`## ${e.id}: ${DECISION_LABELS[e.decision]}`, '', `Committed ${t(e.committedAt)}${e.corrects ? `; corrects ${t(e.corrects)}` : ''}.`, ''];
  lines.push('### Runs', '', '| Role | Run | Model | Config hash | Seed | Snapshot | Contract revision | Threshold |', '|---|---|---|---|---|---|---|---|');
  for (const r of e.runs) lines.push(`| ${r.role} | ${t(r.id)} | ${r.model} | ${r.configHash.slice(0, 12)} | ${r.seed} | ${r.snapshotId.slice(0, 12)} | ${r.contractRevision ?? '—'} | ${num(r.threshold)} |`);
  lines.push('', '### What changed', '', ...e.changes.map((c) => `- ${t(c)}`), '');
  if (e.metrics.length) {
    lines.push('### Metrics (test split)', '', t(e.method), '', '| Metric | Baseline | Candidate | Δ | 95% interval |', '|---|---|---|---|---|');
    for (const m of e.metrics) lines.push(`| ${m.metric} | ${num(m.baseline)} | ${num(m.candidate)} | ${signed(m.delta)} | ${m.ci ? `${signed(m.ci.lo)} to ${signed(m.ci.hi)}` : '—'} |`);
    lines.push('');
  }
  if (e.slices.length) {
    lines.push('### Slices', '', '| Slice | n | Baseline AUC | Candidate AUC | Flag |', '|---|---|---|---|---|');
    for (const s of e.slices) lines.push(`| ${t(s.slice)} | ${s.n} | ${num(s.baselineAuc)} | ${num(s.candidateAuc)} | ${s.tooSmall ? 'too small' : s.candidateWorse ? 'candidate worse' : ''} |`);
    lines.push('');
  }
  lines.push('### Errors at the threshold', '', ...e.errors.map((x) => `- ${t(x.run)} at ${num(x.threshold)}: ${x.fp} false positives, ${x.fn} false negatives (TP ${x.tp}, TN ${x.tn})`), '');
  lines.push('### Gates', '', ...(e.gates.length ? e.gates.map((g) => `- ${g.passed ? 'PASS' : 'FAIL'} ${t(g.gate)}${g.observed ? `: ${t(g.observed)}` : ''}`) : ['_No gate verdicts recorded._']), '');
  lines.push('### Decision', '', `**${DECISION_LABELS[e.decision]}.** ${t(e.reason)}`, '');
  if (e.champion) lines.push(`Rolled back to champion bundle ${t(e.champion.bundleId)} (zip SHA-256 ${t(e.champion.sha256)}), re-exported unchanged; nothing was retrained.`, '');
  lines.push('### Lesson', '', e.lesson.trim() ? t(e.lesson) : '_Not written._', '');
  lines.push('### Next experiment', '', e.nextExperiment.trim() ? t(e.nextExperiment) : '_Not written._', '');
  return lines.join('\n');
}

/** `ledger.md`: every entry in order, user text escaped. */
export function ledgerMarkdown(entries: readonly LedgerEntry[]): string {
  return `# Observation Ledger\n\n${entries.length ? entries.map(entryMarkdown).join('\n') : '_No entries committed yet._\n'}`;
}

/** `ledger.json`: the entries as committed. */
export function ledgerJson(entries: readonly LedgerEntry[]): { format: 1; entries: readonly LedgerEntry[] } {
  return { format: 1, entries };
}

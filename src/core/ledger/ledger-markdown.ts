import { DECISION_LABELS, type LedgerEntry, type LedgerShadow } from './ledger-entry.ts';

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

function shadowMarkdown(s: LedgerShadow): string[] {
  const t = escapeMarkdown;
  const rate = s.disagreementRate === null ? '—' : `${(100 * s.disagreementRate).toFixed(1)}%`;
  return [
    `Shadow comparison on ${t(s.snapshot.fileName)} (${s.snapshot.rows} rows): champion ${t(s.champion.bundleId)} (${t(s.champion.fileName)}, SHA-256 ${s.champion.sha256.slice(0, 12)}) vs candidate ${t(s.candidate.bundleId)} (${t(s.candidate.fileName)}, SHA-256 ${s.candidate.sha256.slice(0, 12)}).`,
    '', `- Disagreement: ${s.disagreements} of ${s.rows} rows (${rate}); ${s.newlyPositive} newly positive, ${s.newlyNegative} newly negative`,
    ...(s.slice ? [`- By ${t(s.slice.column)}: ${s.slice.values.map((v) => `${t(v.value || '(blank)')} ${v.disagreements}/${v.rows}`).join(', ')}`] : []),
    ...(s.cost ? [`- Switching cost (FP ${s.cost.fp}, FN ${s.cost.fn}): expected ${signed(s.cost.expectedChange)}, realised ${signed(s.cost.realisedChange)}`] : []),
    ...s.paired.map((p) => `- Paired Δ ${p.metric}: ${signed(p.delta)} (${signed(p.lo)} to ${signed(p.hi)})`),
    ...s.triggers.map((x) => `- Trigger ${t(x.rule)}: ${x.fired ? 'FIRED' : 'quiet'} (live ${x.live === null ? 'not measured' : num(x.live, 4)})`),
  ];
}

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
  if (e.shadow) lines.push(...shadowMarkdown(e.shadow), '');
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

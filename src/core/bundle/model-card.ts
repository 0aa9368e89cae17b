import { describeSplit } from '../split/describe-split.ts';
import { describeModel } from './compact-prefill.ts';
import type { CompactKey } from './compact.ts';
import type { ReportData } from './report-data.ts';
import { openLeakageColumns } from './report-importance.ts';
import { percent } from '../percent.ts';

const TBW = '_To be written._';
const inert = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const f = (v: number | null, digits = 4): string => (v === null ? 'undefined' : Number.isInteger(v) ? String(v) : v.toFixed(digits));

function compactValue(d: ReportData, key: CompactKey): string | null {
  const v = d.compact.find((c) => c.key === key)?.value.trim();
  return v ? v : null;
}

/** Compact fields as quoted paragraphs under their titles, or null when none is written. */
function fromCompact(d: ReportData, keys: readonly CompactKey[]): string | null {
  const parts = keys.flatMap((k) => {
    const field = d.compact.find((c) => c.key === k);
    const v = compactValue(d, k);
    return field && v ? [`**${field.title}.** ${v}`] : [];
  });
  return parts.length ? parts.join('\n\n') : null;
}

/** The gates verdict as Markdown lines (promotable, then each gate), or null when no gate was declared. */
function gatesLines(d: ReportData): string[] | null {
  const g = d.gates;
  if (!g || g.verdicts.length === 0) return null;
  return [
    g.promotable ? `Promotion gates: **promotable** (all ${g.verdicts.length} pass).` : `Promotion gates: **not promotable**; failed: ${g.failed.map((id) => `\`${id}\``).join(', ')}.`,
    '',
    // Evidence can quote slice keys from the data: markup in it must stay text once the card is rendered.
    ...g.verdicts.map((v) => `- ${v.pass ? 'PASS' : 'FAIL'} \`${v.id}\`: required ${inert(v.required)}; ${inert(v.evidence)}`),
  ];
}

/** The most relied-on columns by permutation importance, in words, or null when it was not measured. */
function topImportance(d: ReportData, k = 5): string | null {
  const imp = d.outcome.reliance?.importance;
  if (!imp || imp.note) return null;
  const top = imp.columns.filter((c) => c.mean !== null).slice(0, k);
  if (top.length === 0) return null;
  const what = imp.metric === 'roc_auc' ? 'ROC AUC drop' : 'log-loss rise';
  return `Most relied-on columns (permutation importance on validation, ${what} when shuffled, 2.5–97.5% range): ${top.map((c) => `\`${c.column}\` ${f(c.mean)} (${f(c.lo)} to ${f(c.hi)})`).join(', ')}. Reliance is not causation.`;
}

/**
 * `model-card.md`: the model-card sections (Mitchell et al., 2019) filled from what the app knows (run, split,
 * metrics, slices, compact); anything it cannot know is marked "To be written" rather than guessed.
 */
export function modelCard(d: ReportData): string {
  const { outcome, metrics: m, evaluation: e, snapshot } = d;
  const s = outcome.split;
  const ci = e.ci;
  const ciText = (k: 'roc_auc' | 'average_precision' | 'precision' | 'recall' | 'f1') => (ci ? ` (${f(ci[k].lo)} to ${f(ci[k].hi)})` : '');
  const weak = e.slices.flatMap((t) => t.rows.filter((r) => r.weak.length > 0).map((r) => `${r.key} (weak: ${r.weak.join(', ')}; n=${r.n})`));
  const sliceCols = e.slices.map((t) => t.spec.columns.join(' × '));
  const pii = d.piiColumns;
  const leaky = [...openLeakageColumns(d)];
  const importance = topImportance(d);
  const gates = gatesLines(d);
  const caveats = [
    ...(outcome.status === 'cancelled' ? ['Training was cancelled before it finished: the model is the last state reached.'] : []),
    ...(outcome.config.model === 'logistic' && !outcome.converged ? ['L-BFGS did not reach its tolerance.'] : []),
    ...e.messages,
    ...(weak.length ? [`Slices where the model does clearly worse than overall: ${weak.join('; ')}.`] : []),
    ...(d.gates && !d.gates.promotable ? [`Not promotable: the gate${d.gates.failed.length === 1 ? '' : 's'} ${d.gates.failed.map((id) => `\`${id}\``).join(', ')} failed (see report.html, Gates verdict).`] : []),
    ...(leaky.length ? [`Open leakage finding on ${leaky.map((c) => `\`${c}\``).join(', ')}: reliance on ${leaky.length === 1 ? 'it' : 'them'} may be leakage rather than signal.`] : []),
    ...(importance ? [importance] : []),
    `Evaluated on ${m.n} test rows of one snapshot; intervals${e.bootstrap ? ` (${e.bootstrap.resamples} bootstrap resamples)` : ''} show how much these numbers could move on another sample.`,
  ];
  const sections: [string, string][] = [
    ['Model details', [
      `- Bundle: \`${d.bundleId}\``,
      `- Model: ${describeModel(outcome)}`,
      `- Inputs: ${outcome.contract.features.length} features (${outcome.preprocessing.outputNames.length} model inputs after preprocessing.json)`,
      `- Output: the probability that "${outcome.contract.label}" is "${outcome.contract.positiveClass}"; flag positive when the score ≥ ${m.threshold}`,
      `- Trained on the ${outcome.backend.name} backend with seed ${outcome.config.seed} by MLE Playground ${d.app.version} (${d.app.gitSha})`,
      `- Owner and contact: ${compactValue(d, 'decision_owner') ?? TBW}`,
    ].join('\n')],
    ['Intended use', fromCompact(d, ['goal', 'who_cares', 'action_changed']) ?? TBW],
    ['Out-of-scope uses', `${fromCompact(d, ['unacceptable_mistakes', 'constraints']) ?? TBW}\n\nThe model has only been evaluated on rows like those of snapshot \`${snapshot.id.slice(0, 12)}\`; other populations are out of scope until evaluated.`],
    ['Factors', sliceCols.length
      ? `Evaluated by slice of ${sliceCols.join(', ')} (see report.html). ${weak.length ? `Flagged: ${weak.join('; ')}.` : 'No slice is flagged as clearly weaker than overall.'}`
      : `No slice was evaluated. ${TBW}`],
    ['Metrics', [
      `Test split at threshold ${m.threshold} (n=${m.n}, ${m.n_pos} positive)${e.bootstrap ? `, ${percent(e.bootstrap.level)} bootstrap intervals in brackets` : ''}:`,
      '',
      `- ROC AUC ${f(m.roc_auc)}${ciText('roc_auc')}`,
      `- Average precision ${f(m.average_precision)}${ciText('average_precision')}`,
      `- Precision ${f(m.precision)}${ciText('precision')}, recall ${f(m.recall)}${ciText('recall')}, F1 ${f(m.f1)}${ciText('f1')}`,
      `- Accuracy ${f(m.accuracy)}, balanced accuracy ${f(m.balanced_accuracy)}, MCC ${f(m.mcc)}`,
      `- Brier ${f(m.brier)}, log loss ${f(m.log_loss)}, ECE ${f(m.ece)}`,
      `- Confusion: TP ${m.tp}, FP ${m.fp}, TN ${m.tn}, FN ${m.fn}`,
      '',
      `Success metric: ${compactValue(d, 'success_metric') ?? TBW} Guardrails: ${compactValue(d, 'guardrail_metrics') ?? TBW}`,
      '',
      ...(gates ?? ['No promotion gates were declared for this run.']),
    ].join('\n')],
    ['Evaluation data', `${s.test.length} test rows of snapshot \`${snapshot.fileName}\` (SHA-256 \`${snapshot.id}\`), held out by a ${describeSplit(outcome.config.split)} with seed ${outcome.config.seed}; the threshold was chosen on ${s.validation.length} validation rows, never on test.`],
    ['Training data', `${s.train.length} training rows of the same snapshot (${snapshot.rowCount} rows in all). Features: ${outcome.contract.features.map((c) => `\`${c}\``).join(', ')}. Preprocessing (median imputation, standardisation, one-hot over the training vocabulary) was fitted on the training rows only.`],
    ['Ethical considerations', `${pii.length ? `Columns treated as personal data and kept out of the model and of this bundle: ${pii.map((c) => `\`${c}\``).join(', ')}.` : 'No column was marked as personal data.'}\n\n${fromCompact(d, ['known_risks']) ?? TBW}`],
    ['Caveats and recommendations', `${caveats.map((c) => `- ${c}`).join('\n')}\n\n${fromCompact(d, ['next_experiment', 'rollback_or_fallback']) ?? TBW}`],
  ];
  return `# Model card: ${d.bundleId}\n\n${sections.map(([title, body]) => `## ${title}\n\n${body}\n`).join('\n')}`;
}

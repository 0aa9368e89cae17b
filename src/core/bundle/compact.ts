/** The Iteration Compact's fields, in their fixed order. */
export const COMPACT_FIELDS = [
  ['goal', 'Goal'],
  ['who_cares', 'Who cares'],
  ['decision_owner', 'Decision owner'],
  ['action_changed', 'User or system action changed by the model'],
  ['success_metric', 'Success metric'],
  ['guardrail_metrics', 'Guardrail metrics'],
  ['mistake_budget', 'Mistake budget'],
  ['unacceptable_mistakes', 'Unacceptable mistakes'],
  ['acceptable_mistakes', 'Acceptable mistakes'],
  ['assumptions', 'Assumptions'],
  ['constraints', 'Constraints'],
  ['labels_and_data_snapshot', 'Labels and data snapshot'],
  ['baseline', 'Baseline'],
  ['candidate_signals', 'Candidate signals'],
  ['threshold_or_config_plan', 'Threshold or config plan'],
  ['eval_slices', 'Eval slices'],
  ['known_risks', 'Known risks'],
  ['next_experiment', 'Next experiment'],
  ['rollback_or_fallback', 'Rollback or fallback'],
] as const;

export type CompactKey = (typeof COMPACT_FIELDS)[number][0];

/** One field of the compact: `value` is '' where the user has not written it yet. */
export interface CompactField {
  readonly key: CompactKey;
  readonly title: string;
  readonly value: string;
  /** True when the app wrote the value from what it knows. */
  readonly prefilled: boolean;
}

/** All 19 fields in order, taking the given values and leaving the rest empty for the user. */
export function buildCompact(prefill: Partial<Record<CompactKey, string>>, edits: Partial<Record<CompactKey, string>> = {}): CompactField[] {
  return COMPACT_FIELDS.map(([key, title]) => {
    const edited = edits[key];
    if (edited !== undefined) return { key, title, value: edited, prefilled: false };
    const value = prefill[key] ?? '';
    return { key, title, value, prefilled: value !== '' };
  });
}

/** `compact.md`: one level-2 heading per field, in order; empty fields say so instead of vanishing. */
export function compactMarkdown(fields: readonly CompactField[], bundleId: string): string {
  const body = fields.map((f) => `## ${f.title}\n\n${f.value.trim() || '_Not written yet._'}\n`).join('\n');
  return `# Iteration Compact: ${bundleId}\n\n${body}`;
}

/** `compact.json`: the same fields as an ordered array. */
export function compactJson(fields: readonly CompactField[], bundleId: string): { format: 1; bundle_id: string; fields: CompactField[] } {
  return { format: 1, bundle_id: bundleId, fields: fields.map((f) => ({ ...f })) };
}

import { describe, expect, test } from 'vitest';
import { buildCompact, compactJson, compactMarkdown, COMPACT_FIELDS } from './compact.ts';

// The field titles exactly as docs/bundle-format.md lists them, in order.
const FIELD_TITLES = [
  'Goal', 'Who cares', 'Decision owner', 'User or system action changed by the model', 'Success metric',
  'Guardrail metrics', 'Mistake budget', 'Unacceptable mistakes', 'Acceptable mistakes', 'Assumptions',
  'Constraints', 'Labels and data snapshot', 'Baseline', 'Candidate signals', 'Threshold or config plan',
  'Eval slices', 'Known risks', 'Next experiment', 'Rollback or fallback',
];

describe('buildCompact', () => {
  test('returns the 19 fields in docs/bundle-format.md order, all empty and not prefilled', () => {
    const fields = buildCompact({});
    expect(fields).toHaveLength(19);
    expect(fields.map((f) => f.title)).toEqual(FIELD_TITLES);
    expect(fields.map((f) => f.key)).toEqual(COMPACT_FIELDS.map(([key]) => key));
    expect(fields.every((f) => f.value === '' && !f.prefilled)).toBe(true);
  });

  test('keys are unique snake_case', () => {
    const keys = COMPACT_FIELDS.map(([key]) => key);
    expect(new Set(keys).size).toBe(19);
    expect(keys.every((k) => /^[a-z]+(_[a-z]+)*$/.test(k))).toBe(true);
  });

  test('prefilled values are marked prefilled; order does not change', () => {
    const fields = buildCompact({ baseline: 'LR, AUC 0.99', eval_slices: 'by age' });
    expect(fields.map((f) => f.title)).toEqual(FIELD_TITLES);
    expect(fields[12]).toEqual({ key: 'baseline', title: 'Baseline', value: 'LR, AUC 0.99', prefilled: true });
    expect(fields[15]).toEqual({ key: 'eval_slices', title: 'Eval slices', value: 'by age', prefilled: true });
    expect(fields.filter((f) => f.prefilled)).toHaveLength(2);
  });

  test('a user edit wins over the prefill and is not marked prefilled, even when empty', () => {
    const fields = buildCompact({ baseline: 'auto', goal: 'auto goal' }, { baseline: 'mine', goal: '' });
    expect(fields[12]).toEqual({ key: 'baseline', title: 'Baseline', value: 'mine', prefilled: false });
    expect(fields[0]).toEqual({ key: 'goal', title: 'Goal', value: '', prefilled: false });
  });

  test('an empty prefill string is not counted as prefilled', () => {
    expect(buildCompact({ goal: '' })[0].prefilled).toBe(false);
  });
});

describe('compactMarkdown', () => {
  test('has a title and 19 "## " headings in docs/bundle-format.md order', () => {
    const md = compactMarkdown(buildCompact({}), 'logreg-abc-def');
    expect(md.startsWith('# Iteration Compact: logreg-abc-def\n')).toBe(true);
    const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(FIELD_TITLES);
  });

  test('empty fields say so instead of vanishing; written fields show their trimmed text', () => {
    const md = compactMarkdown(buildCompact({ goal: '  Catch fraud early.  ' }), 'id');
    expect(md).toContain('## Goal\n\nCatch fraud early.\n');
    expect(md).toContain('## Who cares\n\n_Not written yet._\n');
    expect(md.match(/_Not written yet\._/g)).toHaveLength(18);
  });

  test('whitespace-only value counts as not written', () => {
    const md = compactMarkdown(buildCompact({}, { known_risks: '   \n ' }), 'id');
    expect(md).toContain('## Known risks\n\n_Not written yet._\n');
  });
});

describe('compactJson', () => {
  test('keeps the 19 fields in order under format 1 with the bundle id', () => {
    const json = compactJson(buildCompact({ baseline: 'b' }), 'bid');
    expect(json.format).toBe(1);
    expect(json.bundle_id).toBe('bid');
    expect(json.fields.map((f) => f.title)).toEqual(FIELD_TITLES);
    expect(json.fields[12].value).toBe('b');
  });
});

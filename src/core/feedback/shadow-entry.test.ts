import { describe, expect, test } from 'vitest';
import { shadowReport } from './shadow-report.ts';
import { appendEntry } from '../ledger/append-entry.ts';
import { ledgerMarkdown } from '../ledger/ledger-markdown.ts';
import { shadowEntry, type ShadowDecisionInput } from './shadow-entry.ts';

const report = shadowReport({
  rows: [1, 2, 3, 4], keys: null, champion: Float64Array.of(0.9, 0.2, 0.4, 0.6), candidate: Float64Array.of(0.8, 0.7, 0.6, 0.3),
  championThreshold: 0.5, candidateThreshold: 0.5, labels: null, slices: ['f', 'm', 'm', 'f'], costs: { fp: 1, fn: 5 }, seed: 0,
});
const base: ShadowDecisionInput = {
  champion: { bundleId: 'lr-1', fileName: 'lr.zip', sha256: 'a'.repeat(64), threshold: 0.5 },
  candidate: { bundleId: 'mlp-2', fileName: 'mlp.zip', sha256: 'b'.repeat(64), threshold: 0.5 },
  snapshot: { fileName: 'new.csv', rows: 4 }, report, slice: 'sex',
  verdicts: [{ id: 'trigger-1', metric: 'disagreement_rate', rule: 'disagreement_rate > 0.5', live: 0.75, fired: true }],
  decision: 'rollback', reason: '',
};

describe('shadow ledger entries', () => {
  test('a roll back is "keep champion" naming the champion bundle, with the figures and a reason written from them', () => {
    const draft = shadowEntry(base);
    expect(draft.decision).toBe('keep-champion');
    expect(draft.champion).toEqual({ bundleId: 'lr-1', action: 'rollback', sha256: 'a'.repeat(64) });
    expect(draft.reason).toBe('Rolled back to champion lr-1 (lr.zip): rollback trigger fired: disagreement_rate > 0.5; the models disagree on 75.0% of 4 rows.');
    expect(draft.shadow).toMatchObject({ rows: 4, disagreements: 3, disagreementRate: 0.75, newlyPositive: 2, newlyNegative: 1, paired: [] });
    expect(draft.shadow?.slice).toEqual({ column: 'sex', values: [{ value: 'f', rows: 2, disagreements: 1 }, { value: 'm', rows: 2, disagreements: 2 }] });
    expect(draft.shadow?.cost?.expectedChange).toBeCloseTo(-1.1, 12);
    expect(draft.gates).toEqual([{ gate: 'rollback trigger disagreement_rate > 0.5', passed: false, observed: '0.75' }]);
  });

  test('keeping the candidate is "promote" with no champion field; an entry with no run commits when it carries a comparison', () => {
    const draft = shadowEntry({ ...base, decision: 'keep-candidate', reason: 'Candidate wins on cost.' });
    expect([draft.decision, draft.champion, draft.reason]).toEqual(['promote', undefined, 'Candidate wins on cost.']);
    const ledger = appendEntry([], draft, '2026-12-01T00:00:00Z');
    expect(ledger[0]?.id).toBe('entry-1');
    expect(() => appendEntry([], { ...draft, shadow: undefined }, '2026-12-01T00:00:00Z')).toThrow('A ledger entry needs at least one run.');
    const md = ledgerMarkdown(ledger);
    expect(md).toContain('- Disagreement: 3 of 4 rows (75.0%); 2 newly positive, 1 newly negative');
    expect(md).toContain('- Trigger disagreement\\_rate &gt; 0\\.5: FIRED (live 0.7500)');
  });
});

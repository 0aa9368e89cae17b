import type { ShadowReport } from './shadow-report.ts';
import type { TriggerVerdict } from './rollback-trigger.ts';
import type { LedgerDraft, LedgerShadow, LedgerShadowBundle } from '../ledger/ledger-entry.ts';

/** What a shadow decision is made on: both bundles, the snapshot, the report, the slice column and the triggers judged. */
export interface ShadowDecisionInput {
  readonly champion: LedgerShadowBundle;
  readonly candidate: LedgerShadowBundle;
  readonly snapshot: { readonly fileName: string; readonly rows: number };
  readonly report: ShadowReport;
  readonly slice: string | null;
  readonly verdicts: readonly TriggerVerdict[];
  /** Keep the candidate, or roll back to the champion (its zip shipped unchanged). */
  readonly decision: 'keep-candidate' | 'rollback';
  /** The person's reason; one is written from the figures when blank. */
  readonly reason: string;
}

/** The figures of a shadow report as the ledger keeps them. */
export function ledgerShadow(input: Omit<ShadowDecisionInput, 'decision' | 'reason'>): LedgerShadow {
  const r = input.report;
  const cost = r.switching_cost;
  return {
    champion: input.champion, candidate: input.candidate, snapshot: input.snapshot,
    rows: r.rows, disagreements: r.disagreements, disagreementRate: r.disagreement_rate, newlyPositive: r.newly_positive, newlyNegative: r.newly_negative,
    slice: input.slice && r.by_slice ? { column: input.slice, values: r.by_slice.map((s) => ({ value: s.value, rows: s.rows, disagreements: s.disagreements })) } : null,
    cost: cost ? { fp: cost.costs.fp, fn: cost.costs.fn, expectedChange: cost.expected.change, realisedChange: cost.realised?.change ?? null } : null,
    paired: r.paired ? Object.entries(r.paired.delta).map(([metric, d]) => ({ metric, delta: d.estimate, lo: d.lo, hi: d.hi })) : [],
    triggers: input.verdicts.map((v) => ({ rule: v.rule, live: v.live, fired: v.fired })),
  };
}

/**
 * The ledger draft of a shadow decision: "keep candidate" is recorded as Promote, a roll back as Keep champion naming
 * the champion bundle (shipped unchanged). The entry carries no run: it is about the two bundles.
 */
export function shadowEntry(input: ShadowDecisionInput): LedgerDraft {
  const shadow = ledgerShadow(input);
  const rate = shadow.disagreementRate === null ? 'no rows' : `${(100 * shadow.disagreementRate).toFixed(1)}% of ${shadow.rows} rows`;
  const fired = shadow.triggers.filter((t) => t.fired).map((t) => t.rule);
  const because = fired.length ? `rollback trigger fired: ${fired.join('; ')}` : 'no rollback trigger fired';
  const rollback = input.decision === 'rollback';
  const written = rollback
    ? `Rolled back to champion ${input.champion.bundleId} (${input.champion.fileName}): ${because}; the models disagree on ${rate}.`
    : `Kept candidate ${input.candidate.bundleId} (${input.candidate.fileName}) over champion ${input.champion.bundleId}: ${because}; the models disagree on ${rate}.`;
  return {
    runs: [], changes: [`Shadow comparison of ${input.candidate.bundleId} against champion ${input.champion.bundleId} on ${input.snapshot.fileName}.`],
    metrics: [], slices: [], errors: [], gates: shadow.triggers.map((t) => ({ gate: `rollback trigger ${t.rule}`, passed: !t.fired, observed: t.live === null ? 'not measured' : String(t.live) })),
    decision: rollback ? 'keep-champion' : 'promote', reason: input.reason.trim() || written, lesson: '', nextExperiment: '', corrects: null,
    method: 'Shadow comparison: both bundles score the same snapshot, each deciding at its own threshold; paired deltas by paired bootstrap on the labelled rows.',
    ...(rollback ? { champion: { bundleId: input.champion.bundleId, action: 'rollback' as const, sha256: input.champion.sha256 } } : {}),
    shadow,
  };
}

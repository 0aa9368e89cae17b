import { LEDGER_DECISIONS, type LedgerDraft, type LedgerEntry } from './ledger-entry.ts';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Commits a draft as the next entry of an append-only ledger; returns the new ledger (the old one is untouched).
 * Throws a one-line message when the draft cannot be committed: no decision, no reason, or a correction of an entry
 * that does not exist. The committed entry is deeply frozen: a correction is a new entry naming the old one.
 */
export function appendEntry(ledger: readonly LedgerEntry[], draft: LedgerDraft, committedAt: string): readonly LedgerEntry[] {
  if (!draft.decision || !LEDGER_DECISIONS.includes(draft.decision)) throw new Error(`A ledger entry needs a decision (${LEDGER_DECISIONS.join(', ')}).`);
  if (!draft.reason.trim()) throw new Error('A ledger entry needs the reason for its decision.');
  if (draft.corrects !== null && !ledger.some((e) => e.id === draft.corrects)) throw new Error(`Entry "${draft.corrects}" does not exist, so it cannot be corrected.`);
  // A shadow comparison is about two bundles, which may have no run in this workspace.
  if (draft.runs.length === 0 && !draft.shadow) throw new Error('A ledger entry needs at least one run.');
  const seq = (ledger.at(-1)?.seq ?? 0) + 1;
  const entry: LedgerEntry = deepFreeze(structuredClone({ ...draft, format: 1 as const, id: `entry-${seq}`, seq, committedAt, decision: draft.decision }));
  return Object.freeze([...ledger, entry]);
}

/**
 * Checks that `next` only appends to `stored`: every stored entry is still there, in order and byte-for-byte equal.
 * Returns a one-line reason when it does not, else null. The IndexedDB store runs this before every write.
 */
export function appendOnlyViolation(stored: readonly LedgerEntry[], next: readonly LedgerEntry[]): string | null {
  if (next.length < stored.length) return `The ledger would lose ${stored.length - next.length} committed entries; entries are never removed.`;
  for (let i = 0; i < stored.length; i++) {
    if (JSON.stringify(stored[i]) !== JSON.stringify(next[i])) return `Entry "${stored[i]?.id}" was changed after it was committed; write a correction as a new entry instead.`;
  }
  return null;
}

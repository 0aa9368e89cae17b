import { appendEntry, appendOnlyViolation, type LedgerDraft, type LedgerEntry } from '../core/index.ts';
import { attempt, STORES } from './app-db.ts';

/** Every committed ledger entry, in commit order; [] when storage is unavailable. */
export function loadLedger(): Promise<LedgerEntry[]> {
  return attempt(async (d) => ((await d.getAll(STORES.ledger)) as LedgerEntry[]).sort((a, b) => a.seq - b.seq), []);
}

/**
 * Commits a draft as the next entry, in one transaction: reads the stored ledger, appends, checks nothing stored was
 * changed, and `add`s the new entry (IndexedDB refuses an existing key, so an entry is never overwritten). There is
 * no update or delete: a correction is a new entry naming the old. Returns the whole ledger, or throws a one-line message.
 */
export function commitLedgerEntry(draft: LedgerDraft, committedAt: string): Promise<LedgerEntry[]> {
  return attempt(async (d) => {
    const tx = d.transaction(STORES.ledger, 'readwrite');
    const stored = ((await tx.store.getAll()) as LedgerEntry[]).sort((a, b) => a.seq - b.seq);
    const next = appendEntry(stored, draft, committedAt);
    const violation = appendOnlyViolation(stored, next);
    if (violation) throw new Error(violation);
    const entry = next.at(-1) as LedgerEntry;
    await tx.store.add(entry, entry.id);
    await tx.done;
    return [...next];
  }, (message): LedgerEntry[] => { throw new Error(message); });
}

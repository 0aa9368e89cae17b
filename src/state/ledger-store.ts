import { appendEntry, appendOnlyViolation, type LedgerDraft, type LedgerEntry } from '../core/index.ts';
import { openAppDb, STORES } from './db.ts';

/** Every committed ledger entry, in commit order; [] when storage is unavailable. */
export async function loadLedger(): Promise<LedgerEntry[]> {
  try {
    const all = (await (await openAppDb()).getAll(STORES.ledger)) as LedgerEntry[];
    return all.sort((a, b) => a.seq - b.seq);
  } catch {
    return [];
  }
}

/**
 * Commits a draft as the next entry, in one transaction: reads the stored ledger, appends, checks nothing stored was
 * changed, and `add`s the new entry (IndexedDB refuses an existing key, so an entry is never overwritten). There is
 * no update or delete: a correction is a new entry naming the old. Returns the whole ledger, or throws a one-line message.
 */
export async function commitLedgerEntry(draft: LedgerDraft, committedAt: string): Promise<LedgerEntry[]> {
  const db = await openAppDb();
  const tx = db.transaction(STORES.ledger, 'readwrite');
  const stored = ((await tx.store.getAll()) as LedgerEntry[]).sort((a, b) => a.seq - b.seq);
  const next = appendEntry(stored, draft, committedAt);
  const violation = appendOnlyViolation(stored, next);
  if (violation) throw new Error(violation);
  const entry = next.at(-1) as LedgerEntry;
  await tx.store.add(entry, entry.id);
  await tx.done;
  return [...next];
}

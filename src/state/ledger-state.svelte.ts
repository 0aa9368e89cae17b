import { errorText, prefillLedgerEntry, type LedgerDraft, type LedgerEntry, type LedgerPrefillInput } from '../core/index.ts';
import { commitLedgerEntry, loadLedger } from '../storage/ledger-store.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The Observation Ledger on the page: committed entries (read-only) and the one draft being written. */
export class LedgerState {
  entries = $state.raw<readonly LedgerEntry[]>([]);
  /** The draft being edited; its text fields bind to the form. */
  draft = $state<Mutable<LedgerDraft> | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);

  async load(): Promise<void> {
    this.entries = await loadLedger();
  }

  /** Committed entries about runs of one snapshot (what a bundle of that snapshot carries). */
  entriesFor(snapshotId: string): LedgerEntry[] {
    return this.entries.filter((e) => e.runs.some((r) => r.snapshotId === snapshotId));
  }

  /** Starts a draft from the current runs, measured against the last committed entry. */
  prefill(input: Omit<LedgerPrefillInput, 'previous'>): void {
    this.error = null;
    try {
      // A shadow comparison's entry has no run, so what changed is measured from the last entry about runs.
      this.draft = { ...prefillLedgerEntry({ ...input, previous: this.entries.filter((e) => e.runs.length > 0).at(-1) ?? null }) };
    } catch (e) {
      this.error = errorText(e);
    }
  }

  discard(): void {
    this.draft = null;
    this.error = null;
  }

  /** Commits the draft (append-only, in IndexedDB); on a refusal the draft stays for the person to fix. */
  async commit(): Promise<void> {
    if (!this.draft) return;
    this.busy = true;
    this.error = null;
    try {
      this.entries = await commitLedgerEntry($state.snapshot(this.draft), new Date().toISOString());
      this.draft = null;
    } catch (e) {
      this.error = errorText(e);
    } finally {
      this.busy = false;
    }
  }
}

import { LedgerState } from './ledger-state.svelte.ts';

/** The last bundle exported from the page: its file name, size in bytes, the run it holds and its gate verdict. */
export interface ExportedBundle {
  readonly name: string;
  readonly bytes: number;
  readonly runId: string | null;
  readonly promotable: boolean | null;
}

/**
 * The Export step's form and outcome, kept in the workspace so leaving the step and coming back keeps the ledger
 * draft, the parity choice and the "Saved …" line (components unmount when their step is not shown).
 */
export class ExportState {
  readonly ledger = new LedgerState();
  // Off by default: parity rows are real feature cells of test rows, and a bundle holds no raw rows unless asked.
  parity = $state(false);
  parityRows = $state(10);
  exported = $state.raw<ExportedBundle | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);
  #ledgerLoaded = false;

  /** Reads the committed ledger entries once per page. */
  loadLedger(): void {
    if (this.#ledgerLoaded) return;
    this.#ledgerLoaded = true;
    void this.ledger.load();
  }
}

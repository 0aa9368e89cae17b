import type { LedgerDraft } from './ledger-entry.ts';

/** The champion being rolled back to: its bundle ID and the SHA-256 (hex) of the zip bytes that were opened. */
export interface RollbackChampion {
  readonly bundleId: string;
  readonly sha256: string;
}

/**
 * The ledger entry of a roll back: the prefilled draft of the current runs (what was measured), decided "keep
 * champion", naming the champion bundle shipped unchanged. A reason the person wrote is kept; else one is written.
 */
export function rollbackEntry(draft: LedgerDraft, champion: RollbackChampion): LedgerDraft {
  const reason = draft.reason.trim() || `Rolled back to champion ${champion.bundleId}: its bundle is shipped unchanged and nothing was retrained.`;
  return { ...draft, decision: 'keep-champion', reason, champion: { bundleId: champion.bundleId, action: 'rollback', sha256: champion.sha256 } };
}

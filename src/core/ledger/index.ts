export { appendEntry, appendOnlyViolation } from './append-entry.ts';
export { describeChanges, jsonChanges, type ValueChange } from './describe-changes.ts';
export { diffEntries, type EntryChange } from './diff-entries.ts';
export { DECISION_LABELS, LEDGER_DECISIONS, type LedgerDecision, type LedgerDraft, type LedgerEntry, type LedgerErrors, type LedgerGate, type LedgerMetricMove, type LedgerRun, type LedgerShadow, type LedgerShadowBundle, type LedgerSliceMove } from './ledger-entry.ts';
export { escapeMarkdown, ledgerJson, ledgerMarkdown } from './ledger-markdown.ts';
export { prefillLedgerEntry, type LedgerPrefillInput } from './prefill-entry.ts';
export { pickLedgerRuns } from './pick-runs.ts';
export { rollbackEntry, type RollbackChampion } from './rollback-entry.ts';

import type { Snapshot } from '../data/snapshot.ts';
import { makeSplit } from '../split/make-split.ts';
import { summarizeSplit, type SplitSummary } from '../split/split-summary.ts';
import { leakageChecks, validateContract } from './checks/index.ts';
import type { DataContract } from './data-contract.ts';
import { encodeLabel } from './encode-label.ts';
import type { Finding } from './finding.ts';
import { toRunContract } from './contract.ts';
import { errorText } from '../error-text.ts';

/** Everything the contract step shows: validation, leakage findings and the split that training would use. */
export interface ChecksReport {
  readonly validation: readonly Finding[];
  readonly leakage: readonly Finding[];
  readonly split: SplitSummary | null;
  /** Why no split (and so no leakage check) could be made, e.g. a one-class label or a bad split column. */
  readonly splitError: string | null;
  /** Rows the time split dropped because their event time is missing. */
  readonly droppedMissingTime: number;
}

/** Findings a dismissal in the contract has not covered, whose status is `fail`. */
export function blockingFindings(findings: readonly Finding[], contract: Pick<DataContract, 'dismissed'>): Finding[] {
  const dismissed = new Set(contract.dismissed.map((d) => d.findingId));
  return findings.filter((f) => f.status === 'fail' && !dismissed.has(f.id));
}

/** A training split without both classes, as a failed validation check (it blocks training like any other). */
function splitFinding(message: string): Finding {
  return { id: 'split:train-classes', check: 'split-classes', status: 'fail', message, suggestion: 'Choose another split policy, column or seed.' };
}

/** Validates the snapshot against the contract, makes the split and runs the leakage checks on it, before any training. */
export function runChecks(snapshot: Snapshot, contract: DataContract, seed: number): ChecksReport {
  const validation = validateContract(snapshot, contract);
  try {
    const label = encodeLabel(snapshot, toRunContract(contract));
    const split = makeSplit(snapshot, label.labelled, label.y, contract.split, seed);
    const time = contract.split.policy === 'time' ? snapshot.columns.find((c) => c.name === (contract.split as { column: string }).column) : undefined;
    const summary = summarizeSplit(split, label.y, time);
    return {
      validation: [...validation, ...summary.blocking.map(splitFinding)],
      leakage: leakageChecks({ snapshot, contract, y: label.y, split, seed }),
      split: summary,
      splitError: null,
      droppedMissingTime: split.droppedMissingTime,
    };
  } catch (e) {
    return { validation, leakage: [], split: null, splitError: errorText(e), droppedMissingTime: 0 };
  }
}

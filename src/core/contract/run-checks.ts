import type { Snapshot } from '../data/snapshot.ts';
import { makeSplit } from '../split/make-split.ts';
import type { Split } from '../split/split.ts';
import { summarizeSplit, type SplitSummary } from '../split/split-summary.ts';
import { leakageChecks, validateContract } from './checks/index.ts';
import type { DataContract, Dismissal } from './data-contract.ts';
import { classTargets, encodeLabel, splitStrata } from './encode-label.ts';
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

/** Findings with status warn or fail that no dismissal covers: what keeps the contract step at "needs attention". */
export function openFindings(findings: readonly Finding[], contract: Pick<DataContract, 'dismissed'>): Finding[] {
  const dismissed = new Set(contract.dismissed.map((d) => d.findingId));
  return findings.filter((f) => f.status !== 'pass' && !dismissed.has(f.id));
}

/** One entry of `findings.json`: a warn or fail finding, open or dismissed (with the reason and time). */
export type RecordedFinding = Finding & { readonly state: 'open' | 'dismissed'; readonly dismissal?: Dismissal };

/** Every warn and fail finding with whether it is still open or was dismissed, and why: what a bundle records. */
export function recordFindings(findings: readonly Finding[], contract: Pick<DataContract, 'dismissed'>): RecordedFinding[] {
  const byId = new Map(contract.dismissed.map((d) => [d.findingId, d]));
  return findings.filter((f) => f.status !== 'pass').map((f) => {
    const dismissal = byId.get(f.id);
    return dismissal ? { ...f, state: 'dismissed' as const, dismissal } : { ...f, state: 'open' as const };
  });
}

// A class with no rows in a part leaves its metrics undefined there; say so before anyone trains.
function emptyClassWarnings(split: Split, targets: readonly { name: string; y: Uint8Array }[]): string[] {
  if (targets.length < 2) return [];
  const out: string[] = [];
  for (const [part, rows] of [['train', split.train], ['validation', split.validation], ['test', split.test]] as const) {
    if (rows.length === 0) continue;
    const missing = targets.filter((t) => !rows.some((r) => t.y[r] === 1)).map((t) => `"${t.name}"`);
    if (missing.length > 0) {
      out.push(`Class ${missing.join(', ')} ha${missing.length === 1 ? 's' : 've'} no rows in the ${part} split, so ${missing.length === 1 ? 'its' : 'their'} per-class metrics there are undefined.`);
    }
  }
  return out;
}

/** A training split without both classes, as a failed validation check (it blocks training like any other). */
function splitFinding(message: string): Finding {
  return { id: 'split:train-classes', check: 'split-classes', status: 'fail', message, suggestion: 'Choose another split policy, column or seed.' };
}

/** Validates the snapshot against the contract, makes the split and runs the leakage checks on it, before any training. */
export function runChecks(snapshot: Snapshot, contract: DataContract, seed: number): ChecksReport {
  const validation = validateContract(snapshot, contract);
  try {
    const run = toRunContract(contract);
    const label = encodeLabel(snapshot, run);
    const split = makeSplit(snapshot, label.labelled, splitStrata(snapshot, run, label.y), contract.split, seed);
    const time = contract.split.policy === 'time' ? snapshot.columns.find((c) => c.name === (contract.split as { column: string }).column) : undefined;
    const targets = classTargets(snapshot, run, label.y);
    const summary = summarizeSplit(split, label.y, time);
    return {
      validation: [...validation, ...summary.blocking.map(splitFinding)],
      leakage: leakageChecks({ snapshot, contract, y: label.y, split, seed, targets }),
      split: { ...summary, warnings: [...summary.warnings, ...emptyClassWarnings(split, targets)] },
      splitError: null,
      droppedMissingTime: split.droppedMissingTime,
    };
  } catch (e) {
    return { validation, leakage: [], split: null, splitError: errorText(e), droppedMissingTime: 0 };
  }
}

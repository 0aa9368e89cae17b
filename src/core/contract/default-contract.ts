import { DEFAULT_MISSING_TOKENS } from '../data/csv-ingest.ts';
import type { Snapshot } from '../data/snapshot.ts';
import { defaultTimeCuts } from '../split/default-time-cuts.ts';
import { DEFAULT_SPLIT, type SplitConfig } from '../split/split.ts';
import { byColumn } from './by-column.ts';
import type { ColumnRule, DataContract, Role } from './data-contract.ts';

/** A role the app proposes for a column, with the evidence; see `suggestRoles` in core/profile. */
export interface ProposedRole {
  readonly column: string;
  readonly role: Role;
}

/**
 * The split a contract should start with: by time when there is an event time (a random split would let the model
 * train on the future), else stratified random. Cut points are the 60% and 80% quantiles of event time.
 */
export function defaultSplit(snapshot: Snapshot, roles: Readonly<Record<string, Role>>): SplitConfig {
  const eventTime = Object.keys(roles).find((c) => roles[c] === 'event_time');
  const column = eventTime ? snapshot.columns.find((c) => c.name === eventTime) : undefined;
  if (!column || (column.type !== 'datetime' && column.type !== 'numeric')) return DEFAULT_SPLIT;
  const all = Int32Array.from({ length: snapshot.rowCount }, (_, i) => i);
  try {
    return { policy: 'time', column: column.name, cuts: defaultTimeCuts(all, column) };
  } catch {
    return DEFAULT_SPLIT;
  }
}

/**
 * A first contract for a snapshot: the label, every other column a feature unless a proposal says otherwise
 * (PII, IDs and event times are proposed by the profile), rules seeded from the data, and the default split.
 */
export function createDataContract(
  snapshot: Snapshot,
  label: string,
  positiveClass: string,
  proposals: readonly ProposedRole[],
  rules: Readonly<Record<string, ColumnRule>>,
): DataContract {
  const proposed = new Map(proposals.filter((p) => p.column !== label).map((p) => [p.column, p.role]));
  const roles = byColumn<Role>();
  for (const c of snapshot.columns) roles[c.name] = c.name === label ? 'label' : (proposed.get(c.name) ?? 'feature');
  return {
    schema: 1, revision: 1, snapshotId: snapshot.id, label, positiveClass, roles, labelTiming: null, rules: byColumn(rules),
    missingTokens: [...DEFAULT_MISSING_TOKENS], split: defaultSplit(snapshot, roles), dismissed: [],
  };
}

/** The contract with one change applied and its revision bumped: every edit is a new version of the document. */
export function reviseContract(contract: DataContract, change: Partial<Omit<DataContract, 'schema' | 'revision' | 'snapshotId'>>): DataContract {
  return { ...contract, ...change, revision: contract.revision + 1 };
}

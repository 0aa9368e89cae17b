import type { SplitConfig } from '../split/split.ts';
import type { GatesSection } from './gate-spec.ts';

/**
 * What a column is for. `pii` columns are excluded everywhere (features, previews in exports, bundles);
 * `slice` columns are kept for evaluation slices but never fed to the model; `ignore` drops the column.
 */
export type Role = 'feature' | 'label' | 'entity_key' | 'event_time' | 'slice' | 'pii' | 'ignore';

export const ROLES: readonly Role[] = ['feature', 'label', 'entity_key', 'event_time', 'slice', 'pii', 'ignore'];

/** Expectations for one column's values, seeded from the profile and editable; every field optional. */
export interface ColumnRule {
  /** Largest allowed share of missing cells, 0..1. */
  readonly maxNullRate?: number;
  readonly min?: number;
  readonly max?: number;
  /** Allowed category values (as written in the file); absent means any. */
  readonly allowed?: readonly string[];
  /** The column must be present in the snapshot (true for every column of the contract by default). */
  readonly required?: boolean;
}

/** When the label becomes known: the value of another (datetime) column, or a fixed delay after the event time. */
export type LabelTiming =
  | { readonly kind: 'column'; readonly column: string }
  | { readonly kind: 'delay'; readonly milliseconds: number };

/** A finding the user chose to dismiss, with their reason; kept in the contract so reviewers can see it. */
export interface Dismissal {
  readonly findingId: string;
  readonly reason: string;
  /** ISO 8601 time of the dismissal. */
  readonly at: string;
}

/**
 * The data contract: a versioned JSON document stored per snapshot. `revision` increases on every edit; `schema`
 * is the document format. Every column of the snapshot has a role.
 */
export interface DataContract {
  readonly schema: 1;
  readonly revision: number;
  readonly snapshotId: string;
  readonly label: string;
  readonly positiveClass: string;
  readonly roles: Readonly<Record<string, Role>>;
  readonly labelTiming: LabelTiming | null;
  readonly rules: Readonly<Record<string, ColumnRule>>;
  readonly missingTokens: readonly string[];
  readonly split: SplitConfig;
  readonly dismissed: readonly Dismissal[];
  /**
   * Columns whose category values are kept out of the bundle: `preprocessing.json` stores salted SHA-256 digests of
   * them instead. Absent in contracts written before the choice existed (same as empty).
   */
  readonly hashedColumns?: readonly string[];
  /** Promotion gates declared before training, when they lock and every later change; absent = none declared. */
  readonly gates?: GatesSection;
  /**
   * The user's words for the two outcomes ("flagged for review" / "not flagged"), read by the matrix, the readings,
   * the error list and report.html. Absent (or an empty word) = derived from the label's values; cleared when the
   * label or its positive class changes.
   */
  readonly outcomeNames?: { readonly positive: string; readonly negative: string };
}

/** Columns that hold a given role, in snapshot order (roles map order is insertion order = snapshot order). */
export function columnsWithRole(contract: Pick<DataContract, 'roles'>, role: Role): string[] {
  return Object.entries(contract.roles).filter(([, r]) => r === role).map(([name]) => name);
}

/** Columns whose values never enter a bundle in clear: the PII role, and the columns kept out by salted hashing. */
export function withheldColumns(contract: Pick<DataContract, 'roles' | 'hashedColumns'>): string[] {
  return [...new Set([...columnsWithRole(contract, 'pii'), ...(contract.hashedColumns ?? [])])];
}

import type { Snapshot } from '../../data/snapshot.ts';
import type { DataContract } from '../data-contract.ts';
import type { Finding } from '../finding.ts';
import { checkAllowedValues } from './check-allowed-values.ts';
import { checkCategoryValues } from './check-category-values.ts';
import { checkDuplicateKeys } from './check-duplicate-keys.ts';
import { checkLabel } from './check-label.ts';
import { checkMissingKeys } from './check-missing-keys.ts';
import { checkNullRates } from './check-null-rates.ts';
import { checkRanges } from './check-ranges.ts';
import { checkRequiredColumns } from './check-required-columns.ts';

/**
 * Validates a snapshot against its contract: one finding per check and column (required columns, label, null rates,
 * ranges, allowed values, duplicate and missing entity keys, category values that would reach the bundle in clear), in that order. Pure; dismissals are left to the caller.
 */
export function validateContract(snapshot: Snapshot, contract: DataContract): Finding[] {
  return [
    ...checkRequiredColumns(snapshot, contract),
    ...checkLabel(snapshot, contract),
    ...checkNullRates(snapshot, contract),
    ...checkRanges(snapshot, contract),
    ...checkAllowedValues(snapshot, contract),
    ...checkDuplicateKeys(snapshot, contract),
    ...checkMissingKeys(snapshot, contract),
    ...checkCategoryValues(snapshot, contract),
  ];
}

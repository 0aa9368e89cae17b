import { cellText, type Column } from '../../data/column.ts';
import type { Snapshot } from '../../data/snapshot.ts';
import type { Split } from '../../split/split.ts';
import { columnsWithRole, type DataContract } from '../data-contract.ts';
import type { Finding } from '../finding.ts';
import { crossSplitGroups, splitMembership } from './cross-split-groups.ts';

/** A column with at most this many distinct values is coarse: two rows agreeing on it say little. */
export const COARSE_DISTINCT = 20;

/**
 * Rows that fall in different splits and are identical: one finding `leak:duplicate-rows`, warn with the count of
 * such rows. When some feature is not coarse (more than 20 distinct values), rows compare on every present
 * role-'feature' column (label excluded); when every feature is coarse, identical feature values are expected by
 * chance, so only exact copies (every column of the file, label included) count. Cells compare by text.
 */
export function checkDuplicatesAcrossSplits(snapshot: Snapshot, contract: DataContract, split: Split): Finding[] {
  const features = columnsWithRole(contract, 'feature')
    .filter((name) => name !== contract.label)
    .flatMap((name) => snapshot.columns.filter((c) => c.name === name));
  if (features.length === 0) return [];
  const coarse = features.every((c) => c.distinct <= COARSE_DISTINCT);
  const compared: readonly Column[] = coarse ? snapshot.columns : features;
  // JSON keeps missing (null) apart from the text "null" and cannot run two cells together.
  const keyOf = (row: number): string => JSON.stringify(compared.map((c) => cellText(c, row)));
  const result = crossSplitGroups(keyOf, splitMembership(split, snapshot.rowCount));
  const base = { id: 'leak:duplicate-rows', check: 'duplicate-rows', count: result.rowsInSpanning };
  const over = coarse
    ? `every column of the file (the ${features.length} feature${features.length === 1 ? '' : 's'} are all coarse, ≤ ${COARSE_DISTINCT} distinct values, so only exact copies count)`
    : `${features.length} feature column${features.length === 1 ? '' : 's'}`;
  const evidence = `${result.spanning} sets of identical rows span splits, compared over ${over}.`;
  if (result.spanning === 0) {
    return [{ ...base, status: 'pass', message: coarse ? 'No row in one split is an exact copy of a row in another.' : 'No two rows in different splits have identical feature values.', evidence }];
  }
  return [{
    ...base,
    status: 'warn',
    message: coarse
      ? `${result.rowsInSpanning} rows are exact copies of a row in another split, so evaluation partly re-tests training data.`
      : `${result.rowsInSpanning} rows share all feature values with a row in another split, so evaluation partly re-tests training data.`,
    evidence,
    suggestion: 'Deduplicate rows before splitting, or use the group split so copies of the same record stay together.',
    exampleRows: [...result.examples],
  }];
}

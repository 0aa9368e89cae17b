import { cellText } from '../../data/column.ts';
import type { Snapshot } from '../../data/snapshot.ts';
import type { Split } from '../../split/split.ts';
import { columnsWithRole, type DataContract } from '../data-contract.ts';
import type { Finding } from '../finding.ts';
import { crossSplitGroups } from './cross-split-groups.ts';
import { splitMembership } from './cross-split-groups.ts';

/**
 * Rows whose feature values (every present role-'feature' column, compared by cell text, label excluded) are
 * identical and fall in different splits: one finding `leak:duplicate-rows`, warn with the count of such rows.
 * No finding when the contract has no feature column in the snapshot.
 */
export function checkDuplicatesAcrossSplits(snapshot: Snapshot, contract: DataContract, split: Split): Finding[] {
  const features = columnsWithRole(contract, 'feature')
    .filter((name) => name !== contract.label)
    .flatMap((name) => snapshot.columns.filter((c) => c.name === name));
  if (features.length === 0) return [];
  // JSON keeps missing (null) apart from the text "null" and cannot run two cells together.
  const keyOf = (row: number): string => JSON.stringify(features.map((c) => cellText(c, row)));
  const result = crossSplitGroups(keyOf, splitMembership(split, snapshot.rowCount));
  const base = { id: 'leak:duplicate-rows', check: 'duplicate-rows', count: result.rowsInSpanning };
  const evidence = `${result.spanning} sets of identical feature values span splits, over ${features.length} feature column${features.length === 1 ? '' : 's'}.`;
  if (result.spanning === 0) {
    return [{ ...base, status: 'pass', message: 'No two rows in different splits have identical feature values.', evidence }];
  }
  return [{
    ...base,
    status: 'warn',
    message: `${result.rowsInSpanning} rows share all feature values with a row in another split, so evaluation partly re-tests training data.`,
    evidence,
    suggestion: 'Deduplicate rows before splitting, or use the group split so copies of the same record stay together.',
    exampleRows: [...result.examples],
  }];
}

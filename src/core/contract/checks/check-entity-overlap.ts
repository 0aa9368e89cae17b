import { cellText } from '../../data/column.ts';
import type { Snapshot } from '../../data/snapshot.ts';
import type { Split } from '../../split/split.ts';
import { columnsWithRole, type DataContract } from '../data-contract.ts';
import type { Finding } from '../finding.ts';
import { crossSplitGroups, splitMembership } from './cross-split-groups.ts';

/**
 * The same entity in more than one split: one finding per present entity_key column
 * (`leak:entity-overlap:<column>`), failing with the number of entities whose rows fall in two or more of
 * train/validation/test; example rows pair an entity's first row in each split it reaches. Under the contract's
 * time split the overlap only warns: scoring known entities in the future is what happens in production.
 */
export function checkEntityOverlap(snapshot: Snapshot, contract: DataContract, split: Split): Finding[] {
  const membership = splitMembership(split, snapshot.rowCount);
  const findings: Finding[] = [];
  for (const name of columnsWithRole(contract, 'entity_key')) {
    const column = snapshot.columns.find((c) => c.name === name);
    if (!column) continue;
    const result = crossSplitGroups((row) => cellText(column, row), membership);
    const base = { id: `leak:entity-overlap:${name}`, check: 'entity-overlap', column: name, count: result.spanning };
    const evidence = `${result.spanning} of ${result.groups} entities span splits, covering ${result.rowsInSpanning} rows.`;
    if (result.spanning === 0) {
      findings.push({ ...base, status: 'pass', message: `Every value of "${name}" stays in one split.`, evidence });
      continue;
    }
    const byTime = contract.split.policy === 'time';
    findings.push({
      ...base,
      status: byTime ? 'warn' : 'fail',
      message: `${result.spanning} value${result.spanning === 1 ? '' : 's'} of "${name}" appear in more than one split: the model is evaluated on entities it saw in training.`,
      evidence,
      suggestion: byTime
        ? `Fine if the model will score entities it has seen before; to measure it on new entities, use the group split on "${name}".`
        : `Use the group split on "${name}" so each entity's rows stay in one split.`,
      exampleRows: [...result.examples],
    });
  }
  return findings;
}

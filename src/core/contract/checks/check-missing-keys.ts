import type { Snapshot } from '../../data/snapshot.ts';
import { columnsWithRole, type DataContract } from '../data-contract.ts';
import type { Finding } from '../finding.ts';
import { exampleRows, missingRows } from './finding-text.ts';

/**
 * One finding per present entity_key column (`validate:missing-key:<column>`): warn with the count of rows that have
 * no key, pass otherwise. The group split treats each such row as an entity of its own, so rows of one real entity
 * could still land in different splits.
 */
export function checkMissingKeys(snapshot: Snapshot, contract: DataContract): Finding[] {
  const findings: Finding[] = [];
  for (const name of columnsWithRole(contract, 'entity_key')) {
    const column = snapshot.columns.find((c) => c.name === name);
    if (!column) continue;
    const rows = missingRows(column);
    const base = { id: `validate:missing-key:${name}`, check: 'missing-key', column: name, count: rows.length };
    if (rows.length === 0) {
      findings.push({ ...base, status: 'pass', message: `Every row has a "${name}".` });
      continue;
    }
    findings.push({
      ...base,
      status: 'warn',
      message: `${rows.length} row${rows.length === 1 ? ' has' : 's have'} no "${name}", so the entity behind ${rows.length === 1 ? 'it' : 'them'} is unknown.`,
      evidence: `${rows.length} of ${snapshot.rowCount} rows.`,
      suggestion: 'Fill the key at the source; the group split keeps each keyless row on its own, so one entity\'s rows may still span splits.',
      exampleRows: exampleRows(rows),
    });
  }
  return findings;
}

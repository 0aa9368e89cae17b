import { cellText } from '../../data/column.ts';
import type { Snapshot } from '../../data/snapshot.ts';
import { columnsWithRole, type DataContract } from '../data-contract.ts';
import type { Finding } from '../finding.ts';
import { exampleRows } from './finding-text.ts';

/**
 * One finding per present entity_key column (`validate:duplicate-key:<column>`). `count` is the number of key values
 * on more than one row. Warn when there are any, unless the contract has an event_time column: an entity observed
 * at several times is then normal, so the finding passes with a note. Missing keys are not counted.
 */
export function checkDuplicateKeys(snapshot: Snapshot, contract: DataContract): Finding[] {
  const eventTimes = columnsWithRole(contract, 'event_time');
  const findings: Finding[] = [];
  for (const name of columnsWithRole(contract, 'entity_key')) {
    const column = snapshot.columns.find((c) => c.name === name);
    if (!column) continue;
    const occurrences = new Map<string, number>();
    const keys: (string | null)[] = [];
    for (let i = 0; i < snapshot.rowCount; i++) {
      const key = cellText(column, i);
      keys.push(key);
      if (key !== null) occurrences.set(key, (occurrences.get(key) ?? 0) + 1);
    }
    let duplicated = 0;
    let extraRows = 0;
    for (const n of occurrences.values()) if (n > 1) { duplicated++; extraRows += n - 1; }
    const base = { id: `validate:duplicate-key:${name}`, check: 'duplicate-key', column: name, count: duplicated };
    if (duplicated === 0) {
      findings.push({ ...base, status: 'pass', message: `Every value of "${name}" is on one row only.` });
      continue;
    }
    const rows = exampleRows(keys.flatMap((k, i) => (k !== null && (occurrences.get(k) ?? 0) > 1 ? [i] : [])));
    const evidence = `${duplicated} of ${occurrences.size} key values repeat, adding ${extraRows} row${extraRows === 1 ? '' : 's'} beyond the first of each.`;
    if (eventTimes.length > 0) {
      findings.push({
        ...base,
        status: 'pass',
        message: `${duplicated} values of "${name}" appear on several rows, as expected with event time "${eventTimes[0]}": one row per entity and time.`,
        evidence,
        suggestion: `Use the group split on "${name}" so each entity's rows stay in one split.`,
        exampleRows: rows,
      });
      continue;
    }
    findings.push({
      ...base,
      status: 'warn',
      message: `${duplicated} value${duplicated === 1 ? '' : 's'} of the entity key "${name}" appear on more than one row.`,
      evidence,
      suggestion: 'Remove duplicated rows, or declare an event_time column if entities are observed repeatedly over time.',
      exampleRows: rows,
    });
  }
  return findings;
}

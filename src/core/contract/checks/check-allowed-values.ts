import { cellText, hasValues, type Column } from '../../data/column.ts';
import type { Snapshot } from '../../data/snapshot.ts';
import type { DataContract } from '../data-contract.ts';
import type { Finding } from '../finding.ts';
import { exampleRows, quoteList } from './finding-text.ts';

// Per-row text of a column without building a string per row for dictionary-encoded columns.
function textOf(column: Column): (row: number) => string | null {
  if (hasValues(column)) return (row) => cellText(column, row);
  return (row) => {
    const code = column.codes[row];
    return code < 0 ? null : column.categories[code];
  };
}

/**
 * One finding per present column whose rule lists `allowed` values (`validate:allowed:<column>`): warn with the count
 * of rows holding other values and those values (most frequent first), pass otherwise. Values compare by cell text.
 */
export function checkAllowedValues(snapshot: Snapshot, contract: DataContract): Finding[] {
  const findings: Finding[] = [];
  for (const column of snapshot.columns) {
    const allowedList = contract.rules[column.name]?.allowed;
    if (!allowedList) continue;
    const allowed = new Set(allowedList);
    const text = textOf(column);
    const unexpected = new Map<string, number>();
    const rows: number[] = [];
    for (let i = 0; i < snapshot.rowCount; i++) {
      const value = text(i);
      if (value === null || allowed.has(value)) continue;
      unexpected.set(value, (unexpected.get(value) ?? 0) + 1);
      rows.push(i);
    }
    const base = { id: `validate:allowed:${column.name}`, check: 'allowed-values', column: column.name, count: rows.length };
    const evidence = `Allowed: ${quoteList(allowedList, 10)}.`;
    if (rows.length === 0) {
      findings.push({ ...base, status: 'pass', message: `Every value of "${column.name}" is in the allowed list.`, evidence });
      continue;
    }
    const ranked = [...unexpected].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const listed = ranked.slice(0, 5).map(([v, n]) => `"${v}" (${n})`).join(', ');
    const more = ranked.length > 5 ? ` and ${ranked.length - 5} more` : '';
    findings.push({
      ...base,
      status: 'warn',
      message: `${rows.length} row${rows.length === 1 ? '' : 's'} of "${column.name}" hold values outside the allowed list: ${listed}${more}.`,
      evidence,
      suggestion: 'Fix the spelling at the source, or add the values to the allowed list if they are valid.',
      exampleRows: exampleRows(rows),
    });
  }
  return findings;
}

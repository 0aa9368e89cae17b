import { hasValues, type ValuesColumn } from '../../data/column.ts';
import type { Snapshot } from '../../data/snapshot.ts';
import type { DataContract } from '../data-contract.ts';
import type { Finding } from '../finding.ts';
import { exampleRows, formatValue } from './finding-text.ts';

function rangeText(column: ValuesColumn, min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${formatValue(column, min)} to ${formatValue(column, max)}`;
  if (min !== undefined) return `at least ${formatValue(column, min)}`;
  return `at most ${formatValue(column, max as number)}`;
}

/**
 * One finding per present numeric/datetime column whose rule sets `min` and/or `max` (`validate:range:<column>`):
 * warn with the count of out-of-range rows (missing cells are not counted), pass otherwise.
 */
export function checkRanges(snapshot: Snapshot, contract: DataContract): Finding[] {
  const findings: Finding[] = [];
  for (const column of snapshot.columns) {
    const rule = contract.rules[column.name];
    if (!rule || (rule.min === undefined && rule.max === undefined) || !hasValues(column)) continue;
    const { min, max } = rule;
    const outside: number[] = [];
    let below = 0;
    let above = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < column.values.length; i++) {
      const v = column.values[i];
      if (Number.isNaN(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      if (min !== undefined && v < min) { below++; outside.push(i); } else if (max !== undefined && v > max) { above++; outside.push(i); }
    }
    const allowed = rangeText(column, min, max);
    const observed = lo <= hi ? `observed ${formatValue(column, lo)} to ${formatValue(column, hi)}` : 'no values present';
    const base = { id: `validate:range:${column.name}`, check: 'range', column: column.name, count: outside.length };
    if (outside.length === 0) {
      findings.push({ ...base, status: 'pass', message: `Every value of "${column.name}" is within ${allowed}.`, evidence: `${observed[0].toUpperCase()}${observed.slice(1)}.` });
      continue;
    }
    findings.push({
      ...base,
      status: 'warn',
      message: `${outside.length} row${outside.length === 1 ? '' : 's'} of "${column.name}" fall outside the allowed range (${allowed}).`,
      evidence: `${below} below, ${above} above; ${observed}.`,
      suggestion: 'Check those rows for entry errors or a change of units; widen the rule if the values are genuine.',
      exampleRows: exampleRows(outside),
    });
  }
  return findings;
}

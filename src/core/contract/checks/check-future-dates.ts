import type { Snapshot } from '../../data/snapshot.ts';
import { columnsWithRole, type DataContract } from '../data-contract.ts';
import type { Finding } from '../finding.ts';
import { exampleRows, percent } from './finding-text.ts';

const DAY_MS = 86_400_000;

/**
 * Datetime features recorded after the event: when the contract's first event_time column is a datetime, one
 * finding per datetime role-'feature' column (`leak:future-date:<column>`), failing with the count of rows (all
 * snapshot rows) where the feature is strictly later than the event time. Rows missing either value are skipped.
 */
export function checkFutureDates(snapshot: Snapshot, contract: DataContract): Finding[] {
  const eventName = columnsWithRole(contract, 'event_time')[0];
  const event = snapshot.columns.find((c) => c.name === eventName);
  if (!event || event.type !== 'datetime') return [];
  const findings: Finding[] = [];
  for (const name of columnsWithRole(contract, 'feature')) {
    const column = snapshot.columns.find((c) => c.name === name);
    if (!column || column.type !== 'datetime' || name === event.name) continue;
    const later: number[] = [];
    let compared = 0;
    let maxGap = 0;
    for (let i = 0; i < snapshot.rowCount; i++) {
      const v = column.values[i];
      const t = event.values[i];
      if (Number.isNaN(v) || Number.isNaN(t)) continue;
      compared++;
      if (v > t) {
        later.push(i);
        maxGap = Math.max(maxGap, v - t);
      }
    }
    const base = { id: `leak:future-date:${name}`, check: 'future-date', column: name, count: later.length };
    if (later.length === 0) {
      findings.push({ ...base, status: 'pass', message: `"${name}" is never later than the event time "${event.name}".`, evidence: `${compared} rows compared.` });
      continue;
    }
    const gap = maxGap >= DAY_MS ? `${(maxGap / DAY_MS).toFixed(1)} days` : `${Math.round(maxGap / 60_000)} minutes`;
    findings.push({
      ...base,
      status: 'fail',
      message: `"${name}" is later than the event time "${event.name}" on ${later.length} row${later.length === 1 ? '' : 's'}: recorded after the event, so not available at prediction time.`,
      evidence: `${later.length} of ${compared} rows with both values (${percent(later.length / compared)}); the largest gap is ${gap}.`,
      suggestion: `Set the role of "${name}" to ignore, or replace it with a value known at the event time.`,
      exampleRows: exampleRows(later),
    });
  }
  return findings;
}

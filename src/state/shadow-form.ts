import { parseTriggers, TRIGGER_METRICS, type Costs, type RollbackTrigger, type TriggerMetric } from '../core/index.ts';

/** One editable trigger row as the form holds it: the metric, the direction and the value as typed. */
export interface TriggerRow {
  metric: TriggerMetric;
  direction: 'above' | 'below';
  value: string;
}

/** The triggers a new comparison starts with: the two the issue names ("PSI of the score > 0.25", "recall < 0.6"). */
export function defaultTriggerRows(): TriggerRow[] {
  return [{ metric: 'psi_score', direction: 'above', value: '0.25' }, { metric: 'recall', direction: 'below', value: '0.6' }];
}

/**
 * Reads the form's rows as rollback triggers (through the same schema as a CLI trigger file); a row whose value is not
 * a finite number is named by its position. No rows means no trigger.
 */
export function triggersFromRows(rows: readonly TriggerRow[]): { ok: true; triggers: RollbackTrigger[] } | { ok: false; message: string } {
  if (rows.length === 0) return { ok: true, triggers: [] };
  const specs: unknown[] = [];
  for (const [i, row] of rows.entries()) {
    const value = row.value.trim() === '' ? NaN : Number(row.value);
    if (!Number.isFinite(value)) return { ok: false, message: `Trigger ${i + 1} (${row.metric} ${row.direction}): "${row.value}" is not a number` };
    if (!TRIGGER_METRICS.includes(row.metric)) return { ok: false, message: `Trigger ${i + 1}: "${row.metric}" is not a metric a trigger can watch` };
    specs.push({ id: `trigger-${i + 1}`, metric: row.metric, [row.direction]: value });
  }
  const parsed = parseTriggers(specs);
  return parsed.ok ? parsed : { ok: false, message: `Trigger ${parsed.message}` };
}

/** The FP and FN costs as typed: both numbers ≥ 0, or a message naming the field. */
export function parseCosts(fp: string | number, fn: string | number): { ok: true; costs: Costs } | { ok: false; message: string } {
  // A number input bound to state gives a number, or '' when cleared.
  const read = (value: string | number, name: string): number | string => {
    const text = String(value);
    const v = text.trim() === '' ? NaN : Number(text);
    return Number.isFinite(v) && v >= 0 ? v : `The cost of a ${name} must be a number ≥ 0 (it is "${text}")`;
  };
  const a = read(fp, 'false positive');
  const b = read(fn, 'false negative');
  if (typeof a === 'string') return { ok: false, message: a };
  if (typeof b === 'string') return { ok: false, message: b };
  return { ok: true, costs: { fp: a, fn: b } };
}

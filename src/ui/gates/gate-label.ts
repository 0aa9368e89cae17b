import type { Gate } from '../../core/index.ts';

/** One line describing a gate as declared, for the Gates panel's list. */
export function gateLabel(g: Gate): string {
  switch (g.kind) {
    case 'metric': return `Test ${g.metric} ${g.bound === 'min' ? '≥' : '≤'} ${g.value}${g.costs ? ` (FP costs ${g.costs.fp}, FN ${g.costs.fn})` : ''}`;
    case 'vs-baseline': return `Δ${g.metric} against the baseline: interval's lower end above ${g.margin === 0 ? '0' : `−${g.margin}`}`;
    case 'vs-champion': return `No worse than the champion by δ ${g.margin}: Δ${g.metric}'s interval lower end above ${g.margin === 0 ? '0' : `−${g.margin}`}`;
    case 'slice': return `${g.metric} ≥ ${g.min} on every slice of ${g.column} with at least ${g.minRows} test rows`;
    case 'no-open-leakage': return 'No open leakage finding';
    case 'no-validation-failure': return 'No failed validation check';
    case 'latency': return `p95 scoring time ≤ ${g.maxMsPer1000} ms per 1,000 rows`;
    case 'size': return `Model size ≤ ${g.maxBytes.toLocaleString('en')} bytes`;
  }
}

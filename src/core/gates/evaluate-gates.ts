import { expectedCost } from '../evaluation/threshold-strategy.ts';
import type { GateEvidence, Observed } from './gate-evidence.ts';
import type { Gate, GateSpec } from '../contract/gate-spec.ts';

/** One gate's verdict: what was required, what was observed (with its interval), and the evidence in words. */
export interface GateVerdict {
  readonly id: string;
  readonly kind: Gate['kind'];
  readonly required: string;
  readonly observed: Observed;
  readonly pass: boolean;
  readonly evidence: string;
}

/** All verdicts of a spec; promotable only when every gate passes (an empty spec is promotable). */
export interface GateReport {
  readonly verdicts: readonly GateVerdict[];
  readonly promotable: boolean;
  readonly failed: readonly string[];
}

const fmt = (x: number | null | undefined): string => (x === null || x === undefined ? 'undefined' : Number.isInteger(x) ? String(x) : x.toPrecision(4));
const withInterval = (o: Observed): string => `${fmt(o.value)}${o.lo !== undefined && o.lo !== null && o.hi !== undefined && o.hi !== null ? ` [${fmt(o.lo)}, ${fmt(o.hi)}]` : ''}`;

function metricGate(gate: Extract<Gate, { kind: 'metric' }>, e: GateEvidence): Omit<GateVerdict, 'id' | 'kind'> {
  const required = `${gate.metric} ${gate.bound === 'min' ? '≥' : '≤'} ${gate.value}`;
  let observed: Observed;
  if (gate.metric === 'expected_cost') {
    const c = gate.costs ?? { fp: 0, fn: 0 };
    const value = e.test ? expectedCost(e.test, c.fp, c.fn) : null;
    observed = { value, ...(value === null ? { note: e.test ? 'the test split has no rows' : 'no test results were recorded' } : {}) };
  } else {
    observed = e.metrics[gate.metric] ?? { value: null, note: `${gate.metric} was not recorded for this run` };
  }
  const v = observed.value;
  if (v === null || !Number.isFinite(v)) {
    return { required, observed, pass: false, evidence: `fails closed: ${gate.metric} cannot be computed${observed.note ? ` (${observed.note})` : ''}` };
  }
  const pass = gate.bound === 'min' ? v >= gate.value : v <= gate.value;
  const where = e.test ? ` on ${e.test.n} test rows at threshold ${fmt(e.test.threshold)}` : '';
  return { required, observed, pass, evidence: `${gate.metric} ${withInterval(observed)}${where}` };
}

function baselineGate(gate: Extract<Gate, { kind: 'vs-baseline' }>, e: GateEvidence): Omit<GateVerdict, 'id' | 'kind'> {
  const required = `Δ${gate.metric} lower bound > ${gate.margin === 0 ? '0' : `−${gate.margin}`}`;
  if (!e.baseline) return { required, observed: { value: null, note: e.baselineNote }, pass: false, evidence: `fails closed: no baseline comparison${e.baselineNote ? ` (${e.baselineNote})` : ''}` };
  const d = e.baseline.delta[gate.metric] ?? { value: null };
  if (d.lo === null || d.lo === undefined) {
    return { required, observed: d, pass: false, evidence: `fails closed: the paired bootstrap gives no interval for Δ${gate.metric} against ${e.baseline.name}` };
  }
  const pass = d.lo > -gate.margin;
  return { required, observed: d, pass, evidence: `Δ${gate.metric} vs ${e.baseline.name} ${withInterval(d)} over ${e.baseline.resamples} paired resamples` };
}

function championGate(gate: Extract<Gate, { kind: 'vs-champion' }>, e: GateEvidence): Omit<GateVerdict, 'id' | 'kind'> {
  const required = `no worse than the champion: Δ${gate.metric} lower bound > ${gate.margin === 0 ? '0' : `−${gate.margin}`}`;
  const c = e.champion;
  if (!c) return { required, observed: { value: null, note: e.championNote ?? 'no champion is set' }, pass: false, evidence: `fails closed: no champion comparison (${e.championNote ?? 'no champion is set'})` };
  const d = c.delta[gate.metric] ?? { value: null };
  if (d.lo === null || d.lo === undefined) {
    return { required, observed: d, pass: false, evidence: `fails closed: the paired bootstrap gives no interval for Δ${gate.metric} against ${c.name}` };
  }
  return { required, observed: d, pass: d.lo > -gate.margin, evidence: `Δ${gate.metric} vs ${c.name} ${withInterval(d)} over ${c.resamples} paired resamples` };
}

function sliceGate(gate: Extract<Gate, { kind: 'slice' }>, e: GateEvidence): Omit<GateVerdict, 'id' | 'kind'> {
  const required = `${gate.metric} ≥ ${gate.min} on every slice of ${gate.column} with ≥ ${gate.minRows} rows`;
  const rows = e.slices[gate.column];
  if (!rows) return { required, observed: { value: null }, pass: false, evidence: `fails closed: no slices of "${gate.column}" were recorded` };
  const judged = rows.filter((r) => r.n >= gate.minRows);
  const skipped = rows.length - judged.length;
  if (judged.length === 0) return { required, observed: { value: null }, pass: false, evidence: `fails closed: no slice of "${gate.column}" has ${gate.minRows} rows or more` };
  const undefinedRows = judged.filter((r) => r.metrics[gate.metric] === null);
  const defined = judged.filter((r) => r.metrics[gate.metric] !== null);
  const worst = defined.reduce<(typeof defined)[number] | null>((w, r) => (w === null || (r.metrics[gate.metric] as number) < (w.metrics[gate.metric] as number) ? r : w), null);
  const below = defined.filter((r) => (r.metrics[gate.metric] as number) < gate.min);
  const pass = undefinedRows.length === 0 && below.length === 0;
  const parts = [
    worst ? `lowest ${gate.metric} ${fmt(worst.metrics[gate.metric])} on ${worst.key} (n=${worst.n})` : '',
    below.length ? `below the floor: ${below.map((r) => r.key).join(', ')}` : '',
    undefinedRows.length ? `fails closed: ${gate.metric} undefined on ${undefinedRows.map((r) => r.key).join(', ')}` : '',
    skipped ? `${skipped} slice${skipped === 1 ? '' : 's'} under ${gate.minRows} rows ignored` : '',
  ].filter(Boolean);
  return { required, observed: { value: worst ? worst.metrics[gate.metric] : null }, pass, evidence: `${judged.length} slices judged; ${parts.join('; ')}` };
}

function findingsGate(kind: 'leakage' | 'validation', e: GateEvidence): Omit<GateVerdict, 'id' | 'kind'> {
  const required = kind === 'leakage' ? 'no open leakage finding' : 'no failed validation check';
  if (!e.findings) return { required, observed: { value: null }, pass: false, evidence: 'fails closed: no check results were recorded with this run' };
  // Leakage counts any open finding that is not a pass; validation counts open failures.
  const open = e.findings.filter((f) => f.kind === kind && f.open && (kind === 'leakage' ? f.status !== 'pass' : f.status === 'fail'));
  return {
    required, observed: { value: open.length }, pass: open.length === 0,
    evidence: open.length === 0 ? `${e.findings.filter((f) => f.kind === kind).length} ${kind} checks, none open` : `open: ${open.map((f) => `${f.id} (${f.status})`).join(', ')}`,
  };
}

function verdictOf(gate: Gate, e: GateEvidence): Omit<GateVerdict, 'id' | 'kind'> {
  switch (gate.kind) {
    case 'metric': return metricGate(gate, e);
    case 'vs-baseline': return baselineGate(gate, e);
    case 'vs-champion': return championGate(gate, e);
    case 'slice': return sliceGate(gate, e);
    case 'no-open-leakage': return findingsGate('leakage', e);
    case 'no-validation-failure': return findingsGate('validation', e);
    case 'latency': {
      const required = `p95 ≤ ${gate.maxMsPer1000} ms per 1,000 rows`;
      if (!e.latency) return { required, observed: { value: null }, pass: false, evidence: 'fails closed: scoring latency was not measured for this run' };
      const v = e.latency.p95MsPer1000;
      return { required, observed: { value: v }, pass: v <= gate.maxMsPer1000, evidence: `p95 ${fmt(v)} ms per 1,000 rows over ${e.latency.repeats} timed batches on ${e.latency.backend}` };
    }
    case 'size': {
      const required = `model ≤ ${gate.maxBytes} bytes`;
      if (e.modelBytes === null) return { required, observed: { value: null }, pass: false, evidence: 'fails closed: the model size is unknown' };
      return { required, observed: { value: e.modelBytes }, pass: e.modelBytes <= gate.maxBytes, evidence: `model.json + weights.bin = ${e.modelBytes} bytes` };
    }
  }
}

/** Judges every gate of `spec` against `evidence`. Pure; anything that cannot be measured fails its gate with the reason. */
export function evaluateGates(spec: GateSpec, evidence: GateEvidence): GateReport {
  const verdicts = spec.gates.map((gate): GateVerdict => ({ id: gate.id, kind: gate.kind, ...verdictOf(gate, evidence) }));
  const failed = verdicts.filter((v) => !v.pass).map((v) => v.id);
  return { verdicts, promotable: failed.length === 0, failed };
}

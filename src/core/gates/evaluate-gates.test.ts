import { describe, expect, it } from 'vitest';
import { evaluateGates } from './evaluate-gates.ts';
import type { GateEvidence } from './gate-evidence.ts';
import { parseGateSpec, type Gate } from '../contract/gate-spec.ts';

const evidence = (over: Partial<GateEvidence> = {}): GateEvidence => ({
  test: { n: 100, n_pos: 20, threshold: 0.5, tp: 15, fp: 10, tn: 70, fn: 5 },
  metrics: {
    roc_auc: { value: 0.9, lo: 0.85, hi: 0.95 }, average_precision: { value: 0.7, lo: 0.6, hi: 0.8 },
    precision: { value: 0.6, lo: 0.5, hi: 0.7 }, recall: { value: 0.75, lo: 0.6, hi: 0.9 }, f1: { value: 15 * 2 / (30 + 15), lo: 0.55, hi: 0.75 },
    log_loss: { value: 0.3 }, ece: { value: 0.04 },
  },
  baseline: { name: 'logistic', resamples: 1000, delta: { roc_auc: { value: 0.02, lo: -0.01, hi: 0.05 }, recall: { value: 0.1, lo: 0.02, hi: 0.2 } } },
  slices: { sex: [{ key: 'sex=f', n: 50, metrics: { roc_auc: 0.88, precision: 0.5, recall: 0.8 } }, { key: 'sex=m', n: 45, metrics: { roc_auc: 0.7, precision: 0.4, recall: 0.6 } }, { key: 'sex=x', n: 5, metrics: { roc_auc: null, precision: null, recall: 0.1 } }] },
  findings: [
    { id: 'leak:single-feature:boat', kind: 'leakage', status: 'fail', open: false, column: 'boat', message: 'AUC 1' },
    { id: 'rule:age:range', kind: 'validation', status: 'warn', open: true, column: 'age', message: 'out of range' },
  ],
  latency: { p95MsPer1000: 12.5, backend: 'cpu', repeats: 20 },
  modelBytes: 2048,
  ...over,
});

const one = (gate: Gate, e = evidence()) => evaluateGates({ version: 1, gates: [gate] }, e).verdicts[0];

describe('evaluateGates', () => {
  it('metric floors and ceilings compare the test value at the threshold, carrying its interval', () => {
    const auc = one({ id: 'auc', kind: 'metric', metric: 'roc_auc', bound: 'min', value: 0.85 });
    expect(auc.pass).toBe(true);
    expect(auc.observed).toEqual({ value: 0.9, lo: 0.85, hi: 0.95 });
    expect(auc.required).toBe('roc_auc ≥ 0.85');
    expect(one({ id: 'auc', kind: 'metric', metric: 'roc_auc', bound: 'min', value: 0.95 }).pass).toBe(false);
    expect(one({ id: 'll', kind: 'metric', metric: 'log_loss', bound: 'max', value: 0.3 }).pass).toBe(true);
    expect(one({ id: 'll', kind: 'metric', metric: 'log_loss', bound: 'max', value: 0.29 }).pass).toBe(false);
    expect(one({ id: 'ece', kind: 'metric', metric: 'ece', bound: 'max', value: 0.05 }).pass).toBe(true);
    for (const metric of ['average_precision', 'precision', 'recall', 'f1'] as const) {
      expect(one({ id: metric, kind: 'metric', metric, bound: 'min', value: 0.5 }).pass).toBe(true);
    }
  });

  it('expected cost is (cost_fp·FP + cost_fn·FN)/n from the test confusion counts', () => {
    // (1·10 + 5·5) / 100 = 0.35
    const v = one({ id: 'cost', kind: 'metric', metric: 'expected_cost', bound: 'max', value: 0.35, costs: { fp: 1, fn: 5 } });
    expect(v.observed.value).toBeCloseTo(0.35, 12);
    expect(v.pass).toBe(true);
    expect(one({ id: 'cost', kind: 'metric', metric: 'expected_cost', bound: 'max', value: 0.34, costs: { fp: 1, fn: 5 } }).pass).toBe(false);
  });

  it('fails closed when the metric is undefined, giving the reason', () => {
    const e = evidence({ metrics: { recall: { value: null, note: 'the test split has no positive rows' } } });
    const v = one({ id: 'recall', kind: 'metric', metric: 'recall', bound: 'min', value: 0 }, e);
    expect(v.pass).toBe(false);
    expect(v.evidence).toBe('fails closed: recall cannot be computed (the test split has no positive rows)');
    // Not recorded at all is also undefined.
    const missing = one({ id: 'auc', kind: 'metric', metric: 'roc_auc', bound: 'max', value: 1 }, evidence({ metrics: {} }));
    expect(missing.pass).toBe(false);
    expect(missing.evidence).toContain('fails closed');
    expect(one({ id: 'c', kind: 'metric', metric: 'expected_cost', bound: 'max', value: 9, costs: { fp: 1, fn: 1 } }, evidence({ test: null })).pass).toBe(false);
  });

  it('candidate vs baseline passes when the lower end of the paired Δ is above −δ (or above 0 with δ = 0)', () => {
    expect(one({ id: 'b', kind: 'vs-baseline', metric: 'roc_auc', margin: 0.02 }).pass).toBe(true);
    expect(one({ id: 'b', kind: 'vs-baseline', metric: 'roc_auc', margin: 0 }).pass).toBe(false);
    expect(one({ id: 'b', kind: 'vs-baseline', metric: 'recall', margin: 0 }).pass).toBe(true);
    expect(one({ id: 'b', kind: 'vs-baseline', metric: 'roc_auc', margin: 0.01 }).pass).toBe(false); // −0.01 is not above −0.01
    const none = one({ id: 'b', kind: 'vs-baseline', metric: 'roc_auc', margin: 1 }, evidence({ baseline: null, baselineNote: 'no baseline run to compare with' }));
    expect(none.pass).toBe(false);
    expect(none.evidence).toBe('fails closed: no baseline comparison (no baseline run to compare with)');
    expect(one({ id: 'b', kind: 'vs-baseline', metric: 'f1', margin: 1 }).pass).toBe(false); // Δf1 not computed
  });

  it('slice floors judge every slice with enough rows and name the worst one', () => {
    const v = one({ id: 's', kind: 'slice', column: 'sex', metric: 'roc_auc', min: 0.65, minRows: 30 });
    expect(v.pass).toBe(true); // sex=x (5 rows, undefined AUC) is ignored
    expect(v.observed.value).toBe(0.7);
    expect(v.evidence).toContain('lowest roc_auc 0.7000 on sex=m (n=45)');
    expect(v.evidence).toContain('1 slice under 30 rows ignored');
    expect(one({ id: 's', kind: 'slice', column: 'sex', metric: 'roc_auc', min: 0.75, minRows: 30 }).pass).toBe(false);
    const small = one({ id: 's', kind: 'slice', column: 'sex', metric: 'roc_auc', min: 0, minRows: 5 });
    expect(small.pass).toBe(false);
    expect(small.evidence).toContain('fails closed: roc_auc undefined on sex=x');
    expect(one({ id: 's', kind: 'slice', column: 'age', metric: 'recall', min: 0, minRows: 1 }).evidence).toBe('fails closed: no slices of "age" were recorded');
  });

  it('leakage and validation gates count open findings only, and fail closed without check results', () => {
    expect(one({ id: 'l', kind: 'no-open-leakage' }).pass).toBe(true); // the FAIL is dismissed
    expect(one({ id: 'v', kind: 'no-validation-failure' }).pass).toBe(true); // an open WARN is not a failure
    const open = evidence({ findings: [{ id: 'leak:single-feature:boat', kind: 'leakage', status: 'warn', open: true, message: 'x' }, { id: 'rule:x', kind: 'validation', status: 'fail', open: true, message: 'y' }] });
    const l = one({ id: 'l', kind: 'no-open-leakage' }, open);
    expect(l.pass).toBe(false);
    expect(l.observed.value).toBe(1);
    expect(l.evidence).toBe('open: leak:single-feature:boat (warn)');
    expect(one({ id: 'v', kind: 'no-validation-failure' }, open).pass).toBe(false);
    expect(one({ id: 'l', kind: 'no-open-leakage' }, evidence({ findings: null })).evidence).toBe('fails closed: no check results were recorded with this run');
  });

  it('latency and size budgets', () => {
    expect(one({ id: 't', kind: 'latency', maxMsPer1000: 12.5 }).pass).toBe(true);
    expect(one({ id: 't', kind: 'latency', maxMsPer1000: 12 }).pass).toBe(false);
    expect(one({ id: 't', kind: 'latency', maxMsPer1000: 1e9 }, evidence({ latency: null })).pass).toBe(false);
    expect(one({ id: 'z', kind: 'size', maxBytes: 2048 }).pass).toBe(true);
    expect(one({ id: 'z', kind: 'size', maxBytes: 2047 }).pass).toBe(false);
    expect(one({ id: 'z', kind: 'size', maxBytes: 1e12 }, evidence({ modelBytes: null })).pass).toBe(false);
  });

  it('is promotable only when every gate passes, and lists the failed ones', () => {
    const report = evaluateGates({ version: 1, gates: [
      { id: 'auc', kind: 'metric', metric: 'roc_auc', bound: 'min', value: 0.8 },
      { id: 'size', kind: 'size', maxBytes: 10 },
      { id: 'leak', kind: 'no-open-leakage' },
    ] }, evidence());
    expect(report.promotable).toBe(false);
    expect(report.failed).toEqual(['size']);
    expect(evaluateGates({ version: 1, gates: [] }, evidence()).promotable).toBe(true);
  });
});

describe('parseGateSpec', () => {
  it('reads a bare spec or a contract gates section, and names what is wrong', () => {
    const spec = { version: 1, gates: [{ id: 'auc', kind: 'metric', metric: 'roc_auc', bound: 'min', value: 0.8 }] };
    expect(parseGateSpec(spec)).toEqual({ ok: true, spec });
    expect(parseGateSpec({ label: 'y', gates: { spec, lockedAt: null, changes: [] } })).toEqual({ ok: true, spec });
    expect(parseGateSpec({ version: 2, gates: [] })).toMatchObject({ ok: false, message: expect.stringContaining('version') });
    expect(parseGateSpec({ version: 1, gates: [{ id: 'c', kind: 'metric', metric: 'expected_cost', bound: 'max', value: 1 }] }))
      .toEqual({ ok: false, message: 'gates.0: an expected_cost gate needs costs {"fp": …, "fn": …}' });
    expect(parseGateSpec({ version: 1, gates: [{ id: 'a', kind: 'size', maxBytes: 1 }, { id: 'a', kind: 'no-open-leakage' }] }))
      .toEqual({ ok: false, message: '(root): gate ids must be unique' });
    expect(parseGateSpec({ version: 1, gates: [{ id: 'a', kind: 'metric', metric: 'accuracy', bound: 'min', value: 1 }] }).ok).toBe(false);
  });
  it('vs-champion passes when Δ\'s lower end is above −δ and fails closed without a champion', () => {
    const gate: Gate = { id: 'champ', kind: 'vs-champion', metric: 'roc_auc', margin: 0.02 };
    const champion = { name: 'champion b1', resamples: 500, delta: { roc_auc: { value: 0.01, lo: -0.015, hi: 0.03 } } };
    const v = one(gate, evidence({ champion }));
    expect(v.pass).toBe(true);
    expect(v.evidence).toBe('Δroc_auc vs champion b1 0.01000 [-0.01500, 0.03000] over 500 paired resamples');
    expect(one({ ...gate, margin: 0.01 }, evidence({ champion })).pass).toBe(false);
    const none = one(gate, evidence());
    expect(none.pass).toBe(false);
    expect(none.evidence).toBe('fails closed: no champion comparison (no champion is set)');
    expect(parseGateSpec({ version: 1, gates: [{ id: 'c', kind: 'vs-champion', metric: 'recall', margin: -1 }] }).ok).toBe(false);
  });
});

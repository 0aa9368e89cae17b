import { describe, expect, test } from 'vitest';
import { createRandom } from '../random.ts';
import { averagePrecision } from './average-precision.ts';
import { bootstrapBinary, pairedBootstrap, type CiMetric } from './bootstrap.ts';
import { confusionAt, thresholdSweep } from './sweep.ts';
import { percentile } from './percentile.ts';
import { poissonSample } from './poisson.ts';
import { rates } from './rates.ts';
import { rocAuc } from './roc-auc.ts';
import { mulberry32 } from './test-fixtures.ts';

/** n rows: positives score ~ N(separation, 1), negatives ~ N(0, 1), squashed to (0, 1); 30% positives. */
function synthetic(seed: number, n: number, separation = 1): { scores: Float64Array; labels: Uint8Array } {
  const rand = mulberry32(seed);
  const scores = new Float64Array(n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const y = rand() < 0.3 ? 1 : 0;
    const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    labels[i] = y;
    // Rounded to 3 decimals so ties occur, as they do with real models.
    scores[i] = Math.round(1000 / (1 + Math.exp(-(z + y * separation)))) / 1000;
  }
  return { scores, labels };
}

function pointEstimates(scores: Float64Array, labels: Uint8Array, threshold: number): Record<CiMetric, number | null> {
  const r = rates(confusionAt(thresholdSweep(scores, labels), threshold));
  return {
    roc_auc: rocAuc(scores, labels),
    average_precision: averagePrecision(scores, labels),
    precision: r.precision,
    recall: r.recall,
    f1: r.f1,
    fpr: r.fpr,
    fnr: r.fnr,
  };
}

describe('poissonSample', () => {
  test.each([0.5, 3, 30, 1000])('lambda %d: mean and variance of 20k draws within 5%% of lambda', (lambda) => {
    const random = createRandom(11);
    const xs = Array.from({ length: 20000 }, () => poissonSample(lambda, random));
    expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
    const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
    expect(Math.abs(mean - lambda) / lambda).toBeLessThan(0.05);
    expect(Math.abs(variance - lambda) / lambda).toBeLessThan(0.05);
  });

  test.each([3, 30])('lambda %d: frequencies of each k match the Poisson pmf within 0.006', (lambda) => {
    const random = createRandom(5);
    const counts = new Map<number, number>();
    const n = 50000;
    for (let i = 0; i < n; i++) {
      const x = poissonSample(lambda, random);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    let pmf = Math.exp(-lambda);
    for (let k = 0; k <= 2 * lambda; k++) {
      if (k > 0) pmf *= lambda / k;
      expect(Math.abs((counts.get(k) ?? 0) / n - pmf)).toBeLessThan(0.006);
    }
  });

  test('lambda 0 gives 0; same seed gives the same draws', () => {
    expect(poissonSample(0, createRandom(1))).toBe(0);
    const draw = (seed: number): number[] => {
      const r = createRandom(seed);
      return [0.5, 3, 30, 1000, 7, 12].map((l) => poissonSample(l, r));
    };
    expect(draw(9)).toEqual(draw(9));
    expect(draw(9)).not.toEqual(draw(10));
  });

  test('rejects a negative or NaN lambda', () => {
    expect(() => poissonSample(-1, createRandom(1))).toThrow(/lambda/);
    expect(() => poissonSample(NaN, createRandom(1))).toThrow(/lambda/);
  });
});

describe('percentile', () => {
  // numpy.percentile([1, 2, 3, 4, 10], [0, 30, 50, 97.5, 100]) -> [1, 2.2, 3, 9.4, 10] (position (m - 1) * q).
  test('matches numpy linear interpolation', () => {
    const v = new Float64Array([1, 2, 3, 4, 10]);
    expect(percentile(v, 0)).toBe(1);
    expect(percentile(v, 0.3)).toBeCloseTo(2.2, 12);
    expect(percentile(v, 0.5)).toBe(3);
    expect(percentile(v, 0.975)).toBeCloseTo(9.4, 12);
    expect(percentile(v, 1)).toBe(10);
    expect(percentile(new Float64Array([7]), 0.025)).toBe(7);
  });

  test('rejects an empty array or q outside [0, 1]', () => {
    expect(() => percentile(new Float64Array(0), 0.5)).toThrow(/at least one/);
    expect(() => percentile(new Float64Array([1]), 1.5)).toThrow(/\[0, 1\]/);
  });
});

describe('bootstrapBinary', () => {
  const small = synthetic(1, 300);

  test('every point estimate lies inside its interval', () => {
    const result = bootstrapBinary(small.scores, small.labels, 0.6, { seed: 1 });
    expect(result).toMatchObject({ resamples: 1000, seed: 1, level: 0.95, method: 'rows' });
    const point = pointEstimates(small.scores, small.labels, 0.6);
    for (const [name, value] of Object.entries(point)) {
      const { lo, hi } = result.ci[name as CiMetric];
      expect(value, name).not.toBeNull();
      expect(lo, name).not.toBeNull();
      expect(lo as number, name).toBeLessThan(value as number);
      expect(hi as number, name).toBeGreaterThan(value as number);
      expect(hi as number, name).toBeLessThanOrEqual(1);
    }
  });

  test('hand-made 8-row set: AUC interval brackets the exact AUC 0.8125 and stays in [0, 1]', () => {
    const scores = new Float64Array([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2]);
    const labels = new Uint8Array([1, 1, 0, 1, 0, 1, 0, 0]);
    expect(rocAuc(scores, labels)).toBe(0.8125);
    const { ci } = bootstrapBinary(scores, labels, 0.5, { seed: 3, resamples: 2000 });
    expect(ci.roc_auc.lo as number).toBeLessThan(0.8125);
    expect(ci.roc_auc.lo as number).toBeGreaterThanOrEqual(0);
    expect(ci.roc_auc.hi).toBe(1);
  });

  test('intervals narrow as n grows (200 vs 20000 rows), roughly as 1/sqrt(n)', () => {
    const width = (n: number): number => {
      const d = synthetic(2, n);
      const { ci } = bootstrapBinary(d.scores, d.labels, 0.6, { seed: 4, resamples: 400 });
      return (ci.roc_auc.hi as number) - (ci.roc_auc.lo as number);
    };
    const w200 = width(200);
    const w20000 = width(20000);
    expect(w20000).toBeLessThan(w200 / 5);
    expect(w20000).toBeGreaterThan(w200 / 20);
  });

  test('same seed gives an identical result; another seed moves the intervals', () => {
    const a = bootstrapBinary(small.scores, small.labels, 0.6, { seed: 7, resamples: 300 });
    const b = bootstrapBinary(small.scores, small.labels, 0.6, { seed: 7, resamples: 300 });
    const c = bootstrapBinary(small.scores, small.labels, 0.6, { seed: 8, resamples: 300 });
    expect(b).toEqual(a);
    expect(c.ci).not.toEqual(a.ci);
    expect(c.ci.roc_auc.lo).not.toBe(a.ci.roc_auc.lo);
  });

  test('the poisson-groups method is deterministic too', () => {
    const options = { seed: 7, resamples: 200, maxExactRows: 0 };
    const run = (): unknown => bootstrapBinary(small.scores, small.labels, 0.6, options);
    expect(run()).toEqual(run());
  });

  test('one class only: AUC and AP intervals are null, precision still defined', () => {
    const labels = new Uint8Array(small.labels.length).fill(1);
    for (const maxExactRows of [Infinity, 0]) {
      const { ci } = bootstrapBinary(small.scores, labels, 0.6, { seed: 1, resamples: 200, maxExactRows });
      expect(ci.roc_auc).toEqual({ lo: null, hi: null });
      expect(ci.average_precision).toEqual({ lo: null, hi: null });
      expect(ci.fpr).toEqual({ lo: null, hi: null });
      expect(ci.precision).toEqual({ lo: 1, hi: 1 });
    }
  });

  test('threshold above every score: precision interval is null, recall is [0, 0]', () => {
    for (const maxExactRows of [Infinity, 0]) {
      const { ci } = bootstrapBinary(small.scores, small.labels, 2, { seed: 1, resamples: 200, maxExactRows });
      expect(ci.precision).toEqual({ lo: null, hi: null });
      expect(ci.recall).toEqual({ lo: 0, hi: 0 });
      expect(ci.fnr).toEqual({ lo: 1, hi: 1 });
    }
  });

  test('rows and poisson-groups give AUC (and AP) intervals within 0.005 on the same 60k rows', () => {
    const d = synthetic(6, 60000);
    const rows = bootstrapBinary(d.scores, d.labels, 0.6, { seed: 2, maxExactRows: 100000 });
    const groups = bootstrapBinary(d.scores, d.labels, 0.6, { seed: 2, maxExactRows: 0 });
    expect(rows.method).toBe('rows');
    expect(groups.method).toBe('poisson-groups');
    for (const name of ['roc_auc', 'average_precision', 'recall'] as const) {
      expect(Math.abs((groups.ci[name].lo as number) - (rows.ci[name].lo as number)), name).toBeLessThan(0.005);
      expect(Math.abs((groups.ci[name].hi as number) - (rows.ci[name].hi as number)), name).toBeLessThan(0.005);
    }
  });

  test('rejects bad inputs with plain messages', () => {
    const { scores, labels } = small;
    expect(() => bootstrapBinary(scores, labels.subarray(1), 0.5, { seed: 1 })).toThrow(/same length/);
    expect(() => bootstrapBinary(new Float64Array([NaN]), new Uint8Array([1]), 0.5, { seed: 1 })).toThrow(/NaN/);
    expect(() => bootstrapBinary(new Float64Array([0.1]), new Uint8Array([2]), 0.5, { seed: 1 })).toThrow(/0 or 1/);
    expect(() => bootstrapBinary(scores, labels, 0.5, { seed: 1, resamples: 0 })).toThrow(/positive integer/);
    expect(() => bootstrapBinary(scores, labels, 0.5, { seed: 1, resamples: 2.5 })).toThrow(/positive integer/);
    expect(() => bootstrapBinary(scores, labels, 0.5, { seed: 1.5 })).toThrow(/seed/);
    expect(() => bootstrapBinary(scores, labels, 0.5, { seed: 1, level: 1 })).toThrow(/level/);
  });

  test('timing: 1,000,000 rows, 1000 resamples (printed, not asserted)', () => {
    const tied = synthetic(8, 1_000_000);
    // Continuous scores (no ties) are the slow case: every one of the 4096 groups is filled.
    const rand = mulberry32(8);
    const continuous = { scores: new Float64Array(1_000_000), labels: tied.labels };
    for (let i = 0; i < 1_000_000; i++) continuous.scores[i] = rand() + 0.3 * (tied.labels[i] as number);
    for (const [name, d] of [['scores with ties', tied], ['continuous scores', continuous]] as const) {
      const start = performance.now();
      const result = bootstrapBinary(d.scores, d.labels, 0.6, { seed: 1 });
      const ms = performance.now() - start;
      console.log(`bootstrapBinary 1,000,000 rows (${name}) x 1000 resamples (${result.method}): ${ms.toFixed(0)} ms`);
      expect(result.ci.roc_auc.lo).not.toBeNull();
    }
  });
});

describe('pairedBootstrap', () => {
  test('identical models: every delta estimate is 0 and every interval [0, 0]', () => {
    const d = synthetic(3, 500);
    const r = pairedBootstrap(d.scores, d.scores, d.labels, 0.6, 0.6, { seed: 1, resamples: 300 });
    expect(r).toMatchObject({ resamples: 300, seed: 1, level: 0.95, method: 'rows' });
    for (const delta of Object.values(r.delta)) expect(delta).toEqual({ estimate: 0, lo: 0, hi: 0 });
  });

  test('a clearly better model B: AUC delta estimate is exact and its interval lies above 0', () => {
    const n = 2000;
    const a = synthetic(4, n, 0.5);
    const rand = mulberry32(99);
    // B sees the same labels with a stronger signal.
    const scoresB = new Float64Array(n);
    for (let i = 0; i < n; i++) scoresB[i] = 0.5 * rand() + 0.5 * (a.labels[i] as number) * rand() + 0.1;
    const r = pairedBootstrap(a.scores, scoresB, a.labels, 0.6, 0.6, { seed: 2, resamples: 500 });
    const exact = (rocAuc(scoresB, a.labels) as number) - (rocAuc(a.scores, a.labels) as number);
    expect(r.delta.roc_auc.estimate as number).toBeCloseTo(exact, 12);
    expect(r.delta.roc_auc.lo as number).toBeGreaterThan(0);
    expect(r.delta.roc_auc.hi as number).toBeGreaterThan(r.delta.roc_auc.estimate as number);
    expect(r.delta.average_precision.lo as number).toBeGreaterThan(0);
  });

  test('same seed, same result; mismatched lengths rejected', () => {
    const d = synthetic(5, 300);
    const s2 = d.scores.map((s) => 1 - s);
    const run = (): unknown => pairedBootstrap(d.scores, s2, d.labels, 0.5, 0.5, { seed: 3, resamples: 100 });
    expect(run()).toEqual(run());
    expect(() => pairedBootstrap(d.scores, s2.subarray(1), d.labels, 0.5, 0.5, { seed: 3 })).toThrow(/same length/);
  });
});

import { describe, expect, test } from 'vitest';
import { linearDesign, linearLoss, linearObjective } from './linear-objective.ts';

// 4 rows × 3 inputs, half the cells zero (so stored as CSR) and a dense copy with one more non-zero column.
const X = new Float32Array([1, 0, 0, 0, 2, 0, 0, 0, -1, 1.5, 0, 0.5]);
const XD = new Float32Array([1, 0.25, 3, -2, 2, 1, 0.5, 4, -1, 1.5, -1, 0.5]);

function numericGradient(f: (p: Float64Array) => number, p: Float64Array): Float64Array {
  return p.map((_, i) => {
    const h = 1e-6;
    const up = Float64Array.from(p);
    const down = Float64Array.from(p);
    up[i] += h;
    down[i] -= h;
    return (f(up) - f(down)) / (2 * h);
  });
}

describe('linearObjective', () => {
  test('binary value by hand: mean log loss + ‖w‖²/(2Cn), intercept unpenalised', () => {
    const design = linearDesign(X, new Uint8Array([1, 0, 1, 0]), 3, 2);
    const params = Float64Array.from([0.5, -1, 2, 0.25]);
    // z = x·w + b per row: 0.75, -1.75, -1.75, 2.0.
    const z = [1 * 0.5 + 0.25, 2 * -1 + 0.25, -1 * 2 + 0.25, 1.5 * 0.5 + 0.5 * 2 + 0.25];
    const y = [1, 0, 1, 0];
    const loss = z.reduce((s, zi, i) => s + Math.log1p(Math.exp(zi)) - y[i] * zi, 0) / 4;
    const e = linearObjective(design, 2)(params);
    expect(e.logLoss).toBeCloseTo(loss, 14);
    expect(e.value).toBeCloseTo(loss + (0.25 + 1 + 4) / (2 * 2 * 4), 14);
  });

  test.each([['sparse (CSR)', X], ['dense', XD]])('%s: the gradient equals central differences, binary and 3-class, with sample weights', (_, x) => {
    const weights = new Float32Array([1, 2, 0.5, 3]);
    const binary = linearObjective(linearDesign(x, new Uint8Array([1, 0, 1, 0]), 3, 2, weights), 0.7);
    const p2 = Float64Array.from([0.3, -0.2, 0.1, 0.05]);
    const g2 = numericGradient((p) => binary(p).value, p2);
    binary(p2).gradient.forEach((g, i) => expect(g).toBeCloseTo(g2[i], 7));
    const softmax = linearObjective(linearDesign(x, new Uint8Array([2, 0, 1, 2]), 3, 3, weights), 0.7);
    const p3 = Float64Array.from({ length: 12 }, (_, i) => Math.sin(i + 1) / 2);
    const g3 = numericGradient((p) => softmax(p).value, p3);
    softmax(p3).gradient.forEach((g, i) => expect(g).toBeCloseTo(g3[i], 7));
  });

  test('a CSR-stored design gives the value of a hand-written softmax loop; a denser one is kept dense', () => {
    const y = new Uint8Array([2, 0, 1, 2]);
    const sparse = linearDesign(X, y, 3, 3);
    expect(sparse.rowStart).not.toBeNull();
    const p = Float64Array.from({ length: 12 }, (_, i) => (i % 5) / 7 - 0.3);
    const e = linearObjective(sparse, 1)(p);
    let total = 0;
    for (let i = 0; i < 4; i++) {
      const z = [0, 1, 2].map((c) => p[9 + c] + X[i * 3] * p[c] + X[i * 3 + 1] * p[3 + c] + X[i * 3 + 2] * p[6 + c]);
      const lse = Math.log(z.reduce((s, v) => s + Math.exp(v), 0));
      total += lse - z[y[i]];
    }
    expect(e.logLoss).toBeCloseTo(total / 4, 14);
    expect(linearDesign(XD, y, 3, 3).rowStart).toBeNull();
  });

  test('a softmax design gives the same float64 values stored as CSR or dense', () => {
    // 40 rows × 30 inputs, one-hot-like with a few numbers, 4 classes, sample weights not all 1.
    const n = 40;
    const d = 30;
    const x = new Float32Array(n * d);
    for (let i = 0; i < n; i++) {
      x[i * d + (i % 7)] = 1;
      x[i * d + 7 + (i % 11)] = 1;
      x[i * d + 29] = Math.fround(Math.sin(i) * 3);
    }
    const y = Uint8Array.from({ length: n }, (_, i) => (i * 3) % 4);
    const weights = Float32Array.from({ length: n }, (_, i) => 0.5 + (i % 3) * 0.75);
    const csr = linearDesign(x, y, d, 4, weights);
    expect(csr.rowStart).not.toBeNull();
    const dense = { ...csr, dense: x, rowStart: null, columns: null, values: null };
    const p = Float64Array.from({ length: d * 4 + 4 }, (_, i) => Math.cos(i * 1.7) * 0.8);
    for (const useC of [1, 0.3]) {
      const a = linearObjective(csr, useC)(p);
      const b = linearObjective(dense, useC)(p);
      expect(a.value).toBe(b.value);
      expect(a.logLoss).toBe(b.logLoss);
      expect(Array.from(a.gradient)).toEqual(Array.from(b.gradient));
    }
    expect(linearLoss(csr, p)).toBe(linearLoss(dense, p));
  });

  test('a confidently wrong softmax row stays finite (no log of an underflowed probability)', () => {
    const design = linearDesign(new Float32Array([1]), new Uint8Array([0]), 1, 3);
    const e = linearObjective(design, 1)(Float64Array.from([-800, 0, 800, 0, 0, 0]));
    expect(e.logLoss).toBeCloseTo(1600, 9);
    expect(e.gradient.every(Number.isFinite)).toBe(true);
  });

  test('linearLoss is the unweighted mean log loss; NaN with no rows', () => {
    const design = linearDesign(X, new Uint8Array([1, 0, 1, 0]), 3, 2, new Float32Array([5, 5, 5, 5]));
    const p = Float64Array.from([0.5, -1, 2, 0.25]);
    expect(linearLoss(design, p)).toBeCloseTo(linearObjective(linearDesign(X, new Uint8Array([1, 0, 1, 0]), 3, 2), 1)(p).logLoss, 14);
    expect(linearLoss(linearDesign(new Float32Array(0), new Uint8Array(0), 3, 2), p)).toBeNaN();
  });
});

import { describe, expect, test } from 'vitest';
import { gemmNT, gemmTN } from './mlp-products.ts';

describe('host matrix products', () => {
  test('gemmNT: A·Bᵀ on a hand-computed 2 × 2 case', () => {
    const c = new Float64Array(4);
    gemmNT(Float64Array.of(1, 2, 3, 4), Float64Array.of(5, 6, 7, 8), c, 0, 2, 2, 2);
    expect(Array.from(c)).toEqual([1 * 5 + 2 * 6, 1 * 7 + 2 * 8, 3 * 5 + 4 * 6, 3 * 7 + 4 * 8]);
  });

  test('gemmTN: Aᵀ·B on a hand-computed case, written at an offset', () => {
    // A [3, 1] = (1, 2, 3), B [3, 2] = ((1, 0), (0, 1), (1, 1)): Aᵀ·B = (1 + 3, 2 + 3).
    const c = new Float64Array(3);
    gemmTN(Float64Array.of(1, 2, 3), Float64Array.of(1, 0, 0, 1, 1, 1), c, 1, 1, 2, 3);
    expect(Array.from(c)).toEqual([0, 4, 5]);
  });

  test('odd sizes exercise every tail of the 2 × 4 blocking and match the naive loops', () => {
    for (const [M, N, K] of [[1, 1, 1], [3, 5, 7], [5, 9, 2], [8, 4, 3], [7, 6, 1]]) {
      const a = Float64Array.from({ length: M * K }, (_, i) => Math.sin(i + 1));
      const b = Float64Array.from({ length: N * K }, (_, i) => Math.cos(i * 0.7));
      const nt = new Float64Array(M * N);
      gemmNT(a, b, nt, 0, M, N, K);
      // Aᵀ·B with A = aᵀ laid out as [K, M] and B = bᵀ as [K, N] gives the same M × N product.
      const aT = Float64Array.from({ length: K * M }, (_, i) => a[(i % M) * K + Math.floor(i / M)]);
      const bT = Float64Array.from({ length: K * N }, (_, i) => b[(i % N) * K + Math.floor(i / N)]);
      const tn = new Float64Array(M * N);
      gemmTN(aT, bT, tn, 0, M, N, K);
      for (let m = 0; m < M; m++) {
        for (let n = 0; n < N; n++) {
          let want = 0;
          for (let k = 0; k < K; k++) want += a[m * K + k] * b[n * K + k];
          expect(nt[m * N + n]).toBeCloseTo(want, 12);
          expect(tn[m * N + n]).toBeCloseTo(want, 12);
        }
      }
    }
  });
});

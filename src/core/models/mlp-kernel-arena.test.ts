import { describe, expect, test } from 'vitest';
import { createRandom } from '../random.ts';
import { defaultKernelArenaKind, kernelArena } from './mlp-kernel-arena.ts';

// Values across the float64 range: ordinary, huge (products overflow to ±Infinity), tiny (subnormal products),
// signed zeros, and now and then NaN or ±Infinity, so rounding, overflow and NaN propagation are all compared.
function fill(view: Float64Array, random: ReturnType<typeof createRandom>, wild: boolean): void {
  for (let i = 0; i < view.length; i++) {
    const u = random.next();
    const v = random.next() * 2 - 1;
    if (!wild || u < 0.7) view[i] = v * 3;
    else if (u < 0.8) view[i] = v * 1e300;
    else if (u < 0.9) view[i] = v * 1e-300;
    else if (u < 0.93) view[i] = u < 0.915 ? 0 : -0;
    else if (u < 0.96) view[i] = NaN;
    else view[i] = u < 0.98 ? Infinity : -Infinity;
  }
}

const transpose = (b: Float64Array, rows: number, cols: number): Float64Array => Float64Array.from({ length: rows * cols }, (_, i) => b[(i % rows) * cols + Math.floor(i / rows)]);

// Every [M, N, K]: M odd and even, N below, at and between multiples of 2 and 8, K = 1 and R = 1, and the MLP's own.
const SHAPES = [
  [1, 1, 1], [2, 1, 1], [3, 5, 7], [5, 9, 2], [8, 4, 3], [7, 6, 1], [1, 8, 5], [2, 16, 1], [9, 17, 4], [4, 10, 13],
  [3, 3, 3], [6, 31, 2], [11, 24, 9], [1, 33, 1], [64, 32, 20], [33, 32, 32], [1024, 32, 20], [1023, 1, 32], [1024, 32, 1],
];

describe('kernelArena', () => {
  test('SIMD is what this engine runs (Node 20 has WebAssembly SIMD)', () => {
    expect(defaultKernelArenaKind()).toBe('wasm-simd');
  });

  test.each([false, true])('SIMD products equal the JS loops bit for bit (wild values %s)', (wild) => {
    const random = createRandom(wild ? 7 : 5);
    for (const [M, N, K] of SHAPES) {
      // nt: A [M, K], B [N, K] (and Bt [K, N]); tn: A' [K, M], B' [K, N], so R = K.
      const lengths = [M * K, N * K, K * N, M * N, K * M, K * N, M * N];
      const simd = kernelArena(lengths, 'wasm-simd');
      const js = kernelArena(lengths, 'js');
      expect(js.kind).toBe('js');
      const [a, b, bt, c, a2, b2, c2] = simd.views;
      fill(a, random, wild);
      fill(b, random, wild);
      bt.set(transpose(b, N, K));
      fill(a2, random, wild);
      fill(b2, random, wild);
      simd.views.forEach((v, i) => js.views[i].set(v));
      c.fill(12345);
      c2.fill(12345);
      simd.nt(a, b, bt, c, M, N, K);
      js.nt(js.views[0], js.views[1], js.views[2], js.views[3], M, N, K);
      simd.tn(a2, b2, c2, M, N, K);
      js.tn(js.views[4], js.views[5], js.views[6], M, N, K);
      for (let i = 0; i < M * N; i++) {
        if (!Object.is(c[i], js.views[3][i])) throw new Error(`nt ${M}×${N}×${K} [${i}]: ${c[i]} ≠ ${js.views[3][i]}`);
        if (!Object.is(c2[i], js.views[6][i])) throw new Error(`tn ${M}×${N}×${K} [${i}]: ${c2[i]} ≠ ${js.views[6][i]}`);
      }
      // The products wrote only their C: every operand (including the view laid out right after C) is as it was.
      for (const v of [0, 1, 2, 4, 5]) expect(simd.views[v]).toEqual(js.views[v]);
    }
  });

  test.each([false, true])('SIMD bias + relu, relu slope and column sums equal the JS loops bit for bit (wild values %s)', (wild) => {
    const random = createRandom(wild ? 11 : 13);
    const same = (what: string, got: Float64Array, want: Float64Array): void => {
      for (let i = 0; i < want.length; i++) if (!Object.is(got[i], want[i])) throw new Error(`${what} [${i}]: ${got[i]} ≠ ${want[i]}`);
    };
    for (const [rows, N] of [[1, 1], [1, 2], [3, 1], [2, 3], [5, 7], [4, 8], [3, 9], [7, 17], [1024, 32], [1023, 1], [9, 31]]) {
      const lengths = [rows * N, N, rows * N, rows * N, N];
      const simd = kernelArena(lengths, 'wasm-simd');
      const js = kernelArena(lengths, 'js');
      simd.views.forEach((v) => fill(v, random, wild));
      simd.views.forEach((v, i) => js.views[i].set(v));
      for (const relu of [false, true]) {
        const [c, bias, back, h, sums] = simd.views;
        const [jc, jbias, jback, jh, jsums] = js.views;
        simd.biasRelu(c, bias, rows, N, relu);
        js.biasRelu(jc, jbias, rows, N, relu);
        same(`biasRelu ${rows}×${N} relu ${relu}`, c, jc);
        simd.reluBack(back, h, rows * N);
        js.reluBack(jback, jh, rows * N);
        same(`reluBack ${rows}×${N}`, back, jback);
        simd.columnSums(c, sums, rows, N);
        js.columnSums(jc, jsums, rows, N);
        same(`columnSums ${rows}×${N}`, sums, jsums);
        // Inputs untouched, and relu really zeroed something (the comparison is not of two untouched arrays).
        same('bias', bias, jbias);
        same('h', h, jh);
        if (relu && rows * N >= 32) expect(c.some((v) => Object.is(v, 0))).toBe(true);
      }
    }
  });

  test('relu by hand: NaN, −0 and negatives become +0, positives keep their bits; bias added first', () => {
    const arena = kernelArena([5, 5, 5], 'wasm-simd');
    const [c, bias] = arena.views;
    c.set([NaN, -0, -1, 2, 0.5]);
    bias.set([0, 0, 0, 1e-300, -0.25]);
    arena.biasRelu(c, bias, 1, 5, true);
    expect(Array.from(c).map((v) => Object.is(v, 0))).toEqual([true, true, true, false, false]);
    expect(Array.from(c.subarray(3))).toEqual([2, 0.25]);
    const [, , back] = arena.views;
    back.set([1, 2, 3, 4, 5]);
    arena.reluBack(back, c, 5);
    expect(Array.from(back)).toEqual([0, 0, 0, 4, 5]);
    arena.columnSums(back, c, 1, 5);
    expect(Array.from(c)).toEqual([0, 0, 0, 4, 5]);
  });

  test('a hand-computed case: [[1, 2], [3, 4]] · [[5, 6], [7, 8]]ᵀ and its Aᵀ·B', () => {
    const arena = kernelArena([4, 4, 4, 4], 'wasm-simd');
    const [a, b, bt, c] = arena.views;
    a.set([1, 2, 3, 4]);
    b.set([5, 6, 7, 8]);
    bt.set([5, 7, 6, 8]);
    arena.nt(a, b, bt, c, 2, 2, 2);
    expect(Array.from(c)).toEqual([17, 23, 39, 53]);
    arena.tn(a, b, c, 2, 2, 2);
    // Aᵀ·B = [[1, 3], [2, 4]] · [[5, 6], [7, 8]].
    expect(Array.from(c)).toEqual([26, 30, 38, 44]);
  });

  test('a view from outside the arena is refused', () => {
    const arena = kernelArena([4, 4, 4], 'wasm-simd');
    const [a, b] = arena.views;
    expect(() => arena.tn(a, b, new Float64Array(4), 2, 2, 2)).toThrow(/outside its arena/);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { activateBackend } from './backend.ts';
import { hostSoftmaxScorer, hostSoftmaxScores, softmaxModelFiles } from './host-softmax.ts';
import { predictScores, saveModelFiles, softmaxLayersModel } from './layers-model.ts';

// A seeded LCG, so the cases are fixed.
function numbers(count: number, seed: number, scale: number): Float64Array {
  let s = seed;
  return Float64Array.from({ length: count }, () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * scale);
}

beforeAll(async () => {
  await activateBackend('cpu');
});

describe('hostSoftmaxScores', () => {
  it('computes hand-checked probabilities', () => {
    // One input x = 2 and 3 classes: logits 2·(0.5, −0.5, 0) + (0, 0, 1) = (1, −1, 1); the max 1 is subtracted, so
    // e = (1, e^−2, 1) and p = e / (2 + e^−2), every step rounded to float32.
    const p = hostSoftmaxScores(Float64Array.of(0.5, -0.5, 0), Float64Array.of(0, 0, 1), Float32Array.of(2), 1, 1);
    const e2 = Math.fround(Math.exp(-2));
    const sum = Math.fround(2 + e2);
    expect(Array.from(p)).toEqual([Math.fround(1 / sum), Math.fround(e2 / sum), Math.fround(1 / sum)]);
    expect(p[1]).toBeCloseTo(Math.exp(-2) / (2 + Math.exp(-2)), 7);
  });

  // Equal bit for bit to tfjs's cpu backend: inside one matMul block (d = 20), exactly one (48), several with a
  // ragged last block (97, 289); 3 and 6 classes; with weights large enough that some logits reach the hundreds, so
  // exp underflows to 0 and rows saturate at 1.
  it.each([
    [20, 3, 0.8], [48, 6, 0.8], [97, 3, 2], [289, 6, 0.8], [130, 6, 40],
  ])('equals tfjs cpu predictions exactly with %i inputs, %i classes, weights scaled %f', async (d, k, scale) => {
    const n = 400;
    const coef = numbers(d * k, d + k, scale);
    const intercepts = numbers(k, 11 * k, 3);
    const x = Float32Array.from(numbers(n * d, 7, 6));
    // Sparse one-hot-like rows too, as the app's designs are (zeros are skipped), some with −0 and some with whole
    // 48-wide blocks of zeros.
    for (let i = 0; i < n; i += 3) for (let j = 0; j < d; j++) x[i * d + j] = (i + j) % 5 === 0 ? 1 : i % 2 ? -0 : 0;
    for (let i = 1; i < n; i += 7) x.fill(0, i * d, i * d + Math.min(d, 60));
    const model = softmaxLayersModel(coef, intercepts);
    try {
      const theirs = await predictScores(model, x, n, d);
      const ours = hostSoftmaxScores(coef, intercepts, x, n, d);
      expect(ours.length).toBe(n * k);
      expect(Array.from(ours)).toEqual(Array.from(theirs));
      if (scale >= 40) expect(ours.some((p) => p === 0) && ours.some((p) => p === 1)).toBe(true);
    } finally {
      model.dispose();
    }
  });

  it('gives NaN for every class of a row holding NaN, as tfjs does', async () => {
    const coef = numbers(10 * 3, 5, 1);
    const intercepts = Float64Array.of(0.1, -0.2, 0.3);
    const x = Float32Array.from(numbers(20, 9, 2));
    x[13] = NaN;
    const model = softmaxLayersModel(coef, intercepts);
    try {
      const theirs = await predictScores(model, x, 2, 10);
      const ours = hostSoftmaxScores(coef, intercepts, x, 2, 10);
      expect(Array.from(ours.subarray(3))).toEqual([NaN, NaN, NaN]);
      expect(Array.from(ours)).toEqual(Array.from(theirs));
    } finally {
      model.dispose();
    }
  });

  it('sums every product when a weight overflows float32, as 0 × Infinity is NaN in tfjs too', async () => {
    const coef = numbers(50 * 3, 5, 1);
    coef[3 * 7 + 1] = 1e39;
    const intercepts = Float64Array.of(0.1, -0.2, 0.3);
    const x = Float32Array.from(numbers(4 * 50, 9, 2));
    x.fill(0, 0, 50);
    x[50 + 7] = 0;
    const model = softmaxLayersModel(coef, intercepts);
    try {
      const theirs = await predictScores(model, x, 4, 50);
      const ours = hostSoftmaxScores(coef, intercepts, x, 4, 50);
      expect(Array.from(ours.subarray(0, 6))).toEqual([NaN, NaN, NaN, NaN, NaN, NaN]);
      expect(Array.from(ours)).toEqual(Array.from(theirs));
    } finally {
      model.dispose();
    }
  });

  it('refuses weights or a matrix of the wrong shape', () => {
    expect(() => hostSoftmaxScores(new Float64Array(7), new Float64Array(3), new Float32Array(4), 2, 2)).toThrow('the model has 7 weights for 3 classes, not a whole number per class');
    expect(() => hostSoftmaxScores(new Float64Array(9), new Float64Array(3), new Float32Array(4), 2, 2)).toThrow('the model has 9 weights for 3 classes; the rows have 2 inputs, which need 6');
    expect(() => hostSoftmaxScores(new Float64Array(6), new Float64Array(3), new Float32Array(5), 2, 2)).toThrow('the matrix holds 5 values; 2 rows × 2 inputs need 4');
  });
});

describe('hostSoftmaxScorer.permutedScores', () => {
  // The copy permutation importance would build: `inputs` taken from row order[i].
  function permutedCopy(x: Float32Array, n: number, d: number, inputs: readonly number[], order: Int32Array): Float32Array {
    const copy = x.slice();
    for (let i = 0; i < n; i++) for (const j of inputs) copy[i * d + j] = x[order[i] * d + j];
    return copy;
  }

  it.each([
    ['a one-hot block', [50, 51, 52, 53, 54, 55]],
    ['one numeric input', [3]],
    ['scattered inputs across blocks', [0, 47, 48, 96, 120]],
  ])('equals scoring the permuted copy, %s', (_name, inputs) => {
    const n = 300;
    const d = 130;
    const k = 6;
    const coef = numbers(d * k, 21, 1.5);
    const intercepts = numbers(k, 4, 2);
    const x = Float32Array.from(numbers(n * d, 13, 4));
    // Mostly zeros, with one hot input per row in 50–55 and numbers elsewhere, as one-hot designs are.
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) if ((i * 7 + j) % 4 !== 0) x[i * d + j] = 0;
      x.fill(0, i * d + 50, i * d + 56);
      x[i * d + 50 + (i % 6)] = 1;
    }
    // A NaN in a shuffled input never matches another row's value, so its rows are recomputed.
    x[5 * d + 3] = NaN;
    const order = Int32Array.from({ length: n }, (_, i) => (i * 37 + 11) % n);
    const scorer = hostSoftmaxScorer(coef, intercepts);
    const copy = permutedCopy(x, n, d, inputs, order);
    expect(Array.from(scorer.permutedScores(x, n, d, inputs, order))).toEqual(Array.from(scorer.scores(copy, n, d)));
    // The index of x is kept between calls; another permutation of the same x still matches.
    const reversed = Int32Array.from({ length: n }, (_, i) => n - 1 - i);
    expect(Array.from(scorer.permutedScores(x, n, d, inputs, reversed))).toEqual(Array.from(scorer.scores(permutedCopy(x, n, d, inputs, reversed), n, d)));
    // A shuffle that meets non-zero values with other non-zero values, equal ones (the repeated value 2.5) included.
    for (let i = 0; i < n; i += 4) for (const j of inputs) if (x[i * d + j] !== 0 && j !== 50 + (i % 6)) x[i * d + j] = 2.5;
    const draws = numbers(n, 99, 1);
    const shuffled = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => draws[a] - draws[b]);
    const fresh = hostSoftmaxScorer(coef, intercepts);
    expect(Array.from(fresh.permutedScores(x, n, d, inputs, shuffled))).toEqual(Array.from(fresh.scores(permutedCopy(x, n, d, inputs, shuffled), n, d)));
  });

  it('keeps zero inputs when a weight overflows float32, as scoring the copy does', () => {
    const coef = numbers(10 * 3, 5, 1);
    coef[3 * 2] = 1e39;
    const intercepts = Float64Array.of(0.1, -0.2, 0.3);
    const x = Float32Array.from(numbers(4 * 10, 9, 2));
    x[2] = 0;
    x[12] = 0;
    const order = Int32Array.of(1, 0, 3, 2);
    const scorer = hostSoftmaxScorer(coef, intercepts);
    const ours = scorer.permutedScores(x, 4, 10, [2, 5], order);
    expect(Array.from(ours.subarray(0, 3))).toEqual([NaN, NaN, NaN]);
    expect(Array.from(ours)).toEqual(Array.from(scorer.scores(permutedCopy(x, 4, 10, [2, 5], order), 4, 10)));
  });
});

describe('softmaxModelFiles', () => {
  it('writes the bytes tfjs writes (the model name aside, which counts models made in this process)', async () => {
    const coef = numbers(23 * 6, 3, 2);
    const intercepts = numbers(6, 17, 1);
    const model = softmaxLayersModel(coef, intercepts);
    try {
      const theirs = await saveModelFiles(model);
      const ours = softmaxModelFiles(coef, intercepts);
      expect(ours['weights.bin']).toEqual(theirs['weights.bin']);
      const text = (b: Uint8Array) => new TextDecoder().decode(b);
      expect(text(ours['model.json'])).toContain('"name":"sequential_1"');
      const unnamed = (s: string) => s.replace(/"name":"sequential_\d+"/, '"name":"sequential"');
      expect(unnamed(text(ours['model.json']))).toBe(unnamed(text(theirs['model.json'])));
      expect(ours['weights.bin'].length).toBe((23 * 6 + 6) * 4);
    } finally {
      model.dispose();
    }
  });
});

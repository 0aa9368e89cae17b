import { beforeAll, describe, expect, it } from 'vitest';
import { activateBackend } from './backend.ts';
import { hostLogisticPermutedScores, hostLogisticScores, logisticModelFiles, TFJS_LAYERS_VERSION } from './host-logistic.ts';
import { logisticLayersModel, predictScores, saveModelFiles } from './layers-model.ts';
import { tfl } from './tf.ts';

// A seeded LCG, so the cases are fixed.
function numbers(count: number, seed: number, scale: number): Float64Array {
  let s = seed;
  return Float64Array.from({ length: count }, () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * scale);
}

beforeAll(async () => {
  await activateBackend('cpu');
});

describe('hostLogisticScores', () => {
  it('computes a hand-checked score', () => {
    // z = 1·0.5 + 2·(−0.25) + 0.75 = 0.75; sigmoid(0.75) = 0.679178699…, rounded to float32.
    const scores = hostLogisticScores(Float64Array.of(0.5, -0.25), 0.75, Float32Array.of(1, 2), 1, 2);
    expect(scores[0]).toBe(Math.fround(1 / (1 + Math.exp(-0.75))));
    expect(scores[0]).toBeCloseTo(0.679178699, 6);
  });

  // Equal bit for bit to tfjs's cpu backend, across one matMul block (d = 20) and several (d = 130).
  it.each([20, 130])('equals tfjs cpu predictions exactly with %i inputs', async (d) => {
    const n = 500;
    const coef = numbers(d, d, 0.8);
    const intercept = -0.3173;
    const x = Float32Array.from(numbers(n * d, 7, 6));
    const model = logisticLayersModel(coef, intercept);
    try {
      const theirs = await predictScores(model, x, n, d);
      expect(Array.from(hostLogisticScores(coef, intercept, x, n, d))).toEqual(Array.from(theirs));
    } finally {
      model.dispose();
    }
  });

  it('refuses a matrix of the wrong shape', () => {
    expect(() => hostLogisticScores(new Float64Array(3), 0, new Float32Array(5), 2, 3)).toThrow('the matrix holds 5 values; 2 rows × 3 inputs need 6');
  });
});

describe('hostLogisticPermutedScores', () => {
  // Permutation importance's shuffled copy, built: columns `inputs` of row i come from row order[i].
  function copy(x: Float32Array, n: number, d: number, inputs: readonly number[], order: Int32Array): Float32Array {
    const out = x.slice();
    for (let i = 0; i < n; i++) for (const j of inputs) out[i * d + j] = x[order[i] * d + j];
    return out;
  }

  it.each([[20, [3]], [20, [0, 5, 19]], [130, [47, 48, 129]]] as const)('scores the copy bit for bit as the built copy scores, %i inputs, columns %j', (d, inputs) => {
    const n = 300;
    const coef = numbers(d, d + 1, 0.8);
    const x = Float32Array.from(numbers(n * d, 11, 6));
    // A reversal, with the middle row (its own source) left in place.
    const order = Int32Array.from({ length: n }, (_, i) => n - 1 - i);
    const built = hostLogisticScores(coef, 0.21, copy(x, n, d, inputs, order), n, d);
    expect(Array.from(hostLogisticPermutedScores(coef, 0.21, x, n, d, inputs, order))).toEqual(Array.from(built));
  });

  it('refuses a permutation of the wrong length', () => {
    expect(() => hostLogisticPermutedScores(new Float64Array(2), 0, new Float32Array(4), 2, 2, [0], new Int32Array(3))).toThrow('the permutation has 3 rows; the matrix has 2');
  });
});

describe('logisticModelFiles', () => {
  it('pins the installed tfjs-layers version', () => {
    expect(TFJS_LAYERS_VERSION).toBe(tfl.version_layers);
  });

  it('writes the bytes tfjs writes (the model name aside, which counts models made in this process)', async () => {
    const coef = numbers(20, 3, 2);
    const model = logisticLayersModel(coef, 0.4125);
    try {
      const theirs = await saveModelFiles(model);
      const ours = logisticModelFiles(coef, 0.4125);
      expect(ours['weights.bin']).toEqual(theirs['weights.bin']);
      const text = (b: Uint8Array) => new TextDecoder().decode(b);
      expect(text(ours['model.json'])).toContain('"name":"sequential_1"');
      const unnamed = (s: string) => s.replace(/"name":"sequential_\d+"/, '"name":"sequential"');
      expect(unnamed(text(ours['model.json']))).toBe(unnamed(text(theirs['model.json'])));
      expect(ours['weights.bin'].length).toBe(21 * 4);
    } finally {
      model.dispose();
    }
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { activateBackend } from './backend.ts';
import { hostLogisticScores, logisticModelFiles, TFJS_LAYERS_VERSION } from './host-logistic.ts';
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

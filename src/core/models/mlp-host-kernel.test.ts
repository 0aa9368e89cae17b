import { beforeAll, describe, expect, test } from 'vitest';
import { createRandom } from '../random.ts';
import { activateBackend } from './backend.ts';
import { dropoutMaskValues } from './mlp-host-kernel.ts';
import { DEFAULT_MLP, type MlpHyperparameters } from './mlp-hyperparameters.ts';
import { tf, type tfl } from './tf.ts';
import { chooseMlpKernel } from './mlp-kernel.ts';
import { trainMlp, type MlpKernel } from './train-mlp.ts';

// A generated set: d features, labels from a noisy nonlinear rule (class indices when classes > 2).
function generated(n: number, d: number, classes: number, seed: number): { x: Float32Array; y: Uint8Array; weights: Float32Array } {
  const random = createRandom(seed);
  const x = new Float32Array(n * d);
  const y = new Uint8Array(n);
  const weights = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let score = 0;
    for (let j = 0; j < d; j++) {
      const v = random.next() * 4 - 2;
      x[i * d + j] = v;
      score += (j % 2 === 0 ? 1 : -0.5) * v + (j === 0 ? v * v * 0.3 : 0);
    }
    score += random.next() - 0.5;
    y[i] = classes > 2 ? Math.min(classes - 1, Math.max(0, Math.floor(score / 2 + classes / 2))) : score > 0 ? 1 : 0;
    weights[i] = 0.5 + random.next();
  }
  return { x, y, weights };
}

interface Trace { losses: number[]; weights: number[]; kernel: MlpKernel; bestEpoch: number }

async function run(kernel: MlpKernel, hyper: MlpHyperparameters, classes: number, withWeights: boolean): Promise<Trace> {
  const d = 6;
  const all = generated(600, d, classes, 3);
  const train = { x: all.x.slice(0, 450 * d), y: all.y.slice(0, 450), weights: withWeights ? all.weights.slice(0, 450) : undefined };
  const validation = { x: all.x.slice(450 * d), y: all.y.slice(450) };
  const losses: number[] = [];
  const fit = await trainMlp(train, validation, d, hyper, 11, (_, trainLoss, validationLoss) => {
    losses.push(trainLoss, validationLoss);
    return false;
  }, undefined, classes, kernel);
  const weights = await weightsOf(fit.model);
  fit.model.dispose();
  return { losses, weights, kernel: fit.kernel, bestEpoch: fit.bestEpoch };
}

async function weightsOf(model: tfl.LayersModel): Promise<number[]> {
  const values = await Promise.all(model.getWeights().map((w) => w.data()));
  return values.flatMap((v) => Array.from(v));
}

function expectClose(host: Trace, tfjs: Trace): void {
  expect(host.kernel).toBe('host');
  expect(tfjs.kernel).toBe('tfjs');
  expect(host.losses).toHaveLength(tfjs.losses.length);
  host.losses.forEach((loss, i) => expect(Math.abs(loss - tfjs.losses[i]) / Math.abs(tfjs.losses[i])).toBeLessThan(1e-4));
  const scale = Math.max(...tfjs.weights.map(Math.abs));
  host.weights.forEach((w, i) => expect(Math.abs(w - tfjs.weights[i])).toBeLessThan(1e-3 * scale));
  expect(host.bestEpoch).toBe(tfjs.bestEpoch);
}

const base: MlpHyperparameters = { ...DEFAULT_MLP, hidden: [16, 8], batchSize: 64, epochs: 3, patience: 10 };

describe('host MLP kernel against the tfjs kernel (cpu backend, same seed, 3 epochs)', () => {
  beforeAll(async () => {
    await activateBackend('cpu');
  });

  test('relu, dropout 0.1, L2 1e-4, sample weights, sigmoid head: losses within 1e-4 relative, weights within 1e-3', async () => {
    expectClose(await run('host', base, 2, true), await run('tfjs', base, 2, true));
  });

  test('tanh, no dropout, L2 1e-3, softmax head over 3 classes', async () => {
    const hyper = { ...base, activation: 'tanh' as const, dropout: 0, l2: 1e-3 };
    expectClose(await run('host', hyper, 3, false), await run('tfjs', hyper, 3, false));
  });

  test('sigmoid hidden units, a last batch shorter than the rest (450 = 7 × 64 + 2)', async () => {
    const hyper = { ...base, activation: 'sigmoid' as const, hidden: [5], dropout: 0.3 };
    expectClose(await run('host', hyper, 2, false), await run('tfjs', hyper, 2, false));
  });

  test('the training loss falls over epochs on the host kernel', async () => {
    const trace = await run('host', { ...base, epochs: 6 }, 2, false);
    expect(trace.losses[10]).toBeLessThan(trace.losses[0] * 0.8);
  });

  test('auto: the host kernel on cpu, tfjs on webgpu and webgl (not timed against host), the faster of both on wasm', async () => {
    expect(tf.getBackend()).toBe('cpu');
    const shape = { rows: 450, inputs: 6, hidden: [16, 8], batchSize: 64, outputs: 1 };
    const cpu = await chooseMlpKernel('cpu', shape);
    expect(cpu.kernel).toBe('host');
    expect(cpu.ms).toBeGreaterThan(0);
    expect(cpu.note).toMatch(/host kernel/);
    const fit = await trainMlp(generated(100, 6, 2, 1), { x: new Float32Array(0), y: new Uint8Array(0) }, 6, { ...base, epochs: 1 }, 1, () => false);
    expect(fit.kernel).toBe('host');
    expect(fit.kernelNote).toMatch(/host kernel \(typed arrays\) beside cpu/);
    fit.model.dispose();
  });

  test('dropout mask: rate honoured and kept units scaled by 1/(1 − rate)', () => {
    const mask = dropoutMaskValues(100, 100, 0.25, 7);
    const kept = mask.filter((v) => v !== 0);
    expect(kept.every((v) => Math.abs(v - 1 / 0.75) < 1e-6)).toBe(true);
    expect(Math.abs(kept.length / mask.length - 0.75)).toBeLessThan(0.02);
    expect(dropoutMaskValues(3, 3, 0.25, 7)).toEqual(dropoutMaskValues(3, 3, 0.25, 7));
  });
});

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { binaryReport, bundleRun, createContract, createRunConfig, loadCsv, type Snapshot } from '../index.ts';
import { activateBackend } from '../models/backend.ts';
import { classWeights } from '../models/class-weights.ts';
import { tf } from '../models/tf.ts';
import { trainSoftmax } from '../models/train-logistic.ts';
import { runsOnHost, trainBaseline } from './train-baseline.ts';
import type { TrainOutcome } from './train-outcome.ts';

// A real three-class task: Titanic's passenger class from fare, family and port (fare separates 1st class well,
// 2nd and 3rd less so).
const features = ['fare', 'age', 'sibsp', 'parch', 'sex', 'embarked'];
let snapshot: Snapshot;

beforeAll(async () => {
  await activateBackend('cpu');
  const parsed = await loadCsv(new Uint8Array(readFileSync(new URL('../../../public/samples/titanic.csv', import.meta.url))), 'titanic.csv');
  if (!parsed.ok) throw new Error(parsed.error.message);
  snapshot = parsed.snapshot;
});

const contract = () => createContract('pclass', '1', features);
const multiclass = (model: 'logistic' | 'mlp' | 'prior', seed = 4) =>
  createRunConfig({ seed, backend: 'cpu', model, task: 'multiclass', hyperparameters: model === 'mlp' ? { hidden: [16], epochs: 25 } : {} });

function argmaxAccuracy(outcome: TrainOutcome): number {
  const { probabilities, classIndex } = outcome.test;
  if (!probabilities || !classIndex) throw new Error('expected multiclass outputs');
  const k = outcome.classes?.length ?? 0;
  let hits = 0;
  for (let i = 0; i < classIndex.length; i++) {
    const row = probabilities.subarray(i * k, i * k + k);
    if (row.indexOf(Math.max(...row)) === classIndex[i]) hits++;
  }
  return hits / classIndex.length;
}

function meanCrossEntropy(outcome: TrainOutcome): number {
  const { probabilities, classIndex } = outcome.test;
  if (!probabilities || !classIndex) throw new Error('expected multiclass outputs');
  const k = outcome.classes?.length ?? 0;
  let sum = 0;
  classIndex.forEach((c, i) => { sum -= Math.log(Math.max(probabilities[i * k + c], 1e-15)); });
  return sum / classIndex.length;
}

describe('multiclass (softmax) training on a three-class label', () => {
  test('softmax LR: classes in sorted order, probability rows sum to 1, positive-class scores one-vs-rest, beats the prior', async () => {
    const lr = await trainBaseline(snapshot, contract(), multiclass('logistic'));
    const prior = await trainBaseline(snapshot, contract(), multiclass('prior'));
    expect(lr.classes).toEqual(['1', '2', '3']);
    expect(lr.converged).toBe(true);
    const { probabilities, classIndex, scores, labels } = lr.test;
    if (!probabilities || !classIndex) throw new Error('expected multiclass outputs');
    expect(probabilities).toHaveLength(scores.length * 3);
    for (let i = 0; i < scores.length; i++) {
      expect(probabilities[i * 3] + probabilities[i * 3 + 1] + probabilities[i * 3 + 2]).toBeCloseTo(1, 5);
      // Positive class "1" is index 0: its probability is the one-vs-rest score, and the 0/1 label follows the class.
      expect(scores[i]).toBe(probabilities[i * 3]);
      expect(labels[i]).toBe(classIndex[i] === 0 ? 1 : 0);
    }
    // The prior always predicts the majority class (3rd, about 54%); the fitted model must do clearly better.
    expect(argmaxAccuracy(prior)).toBeGreaterThan(0.5);
    expect(argmaxAccuracy(lr)).toBeGreaterThan(argmaxAccuracy(prior) + 0.1);
    expect(meanCrossEntropy(lr)).toBeLessThan(meanCrossEntropy(prior) - 0.2);
  });

  test('the stratified split keeps every class rate in every part', async () => {
    const lr = await trainBaseline(snapshot, contract(), multiclass('prior'));
    const rate = (rows: Int32Array, cls: string) => rows.filter((r) => String(snapshot.columns[0].type === 'numeric' ? snapshot.columns[0].values[r] : '') === cls).length / rows.length;
    for (const cls of ['1', '2', '3']) {
      expect(Math.abs(rate(lr.split.train, cls) - rate(lr.split.test, cls))).toBeLessThan(0.01);
    }
  });

  test('softmax MLP: beats the prior, bit-identical on the same seed, different on another', async () => {
    const a = await trainBaseline(snapshot, contract(), multiclass('mlp', 8));
    const b = await trainBaseline(snapshot, contract(), multiclass('mlp', 8));
    const c = await trainBaseline(snapshot, contract(), multiclass('mlp', 9));
    const prior = await trainBaseline(snapshot, contract(), multiclass('prior', 8));
    expect(b.modelFiles['weights.bin']).toEqual(a.modelFiles['weights.bin']);
    expect(c.modelFiles['weights.bin']).not.toEqual(a.modelFiles['weights.bin']);
    expect(new TextDecoder().decode(a.modelFiles['model.json'])).toContain('"softmax"');
    expect(meanCrossEntropy(a)).toBeLessThan(meanCrossEntropy(prior) - 0.2);
    expect(argmaxAccuracy(a)).toBeGreaterThan(argmaxAccuracy(prior) + 0.1);
  });

  test('a two-class label cannot be trained as multiclass, with a message that says what to do', async () => {
    await expect(trainBaseline(snapshot, createContract('survived', '1', features), multiclass('logistic'))).rejects.toThrow(/at least three classes.*binary/);
  });

  test('no tensor leaks after multiclass LR, MLP and prior runs', async () => {
    await trainBaseline(snapshot, contract(), multiclass('logistic'));
    const before = tf.memory().numTensors;
    for (const model of ['logistic', 'mlp', 'prior'] as const) {
      await trainBaseline(snapshot, contract(), createRunConfig({ seed: 2, backend: 'cpu', model, task: 'multiclass', hyperparameters: model === 'mlp' ? { epochs: 2 } : {} }));
      expect(tf.memory().numTensors, model).toBe(before);
    }
  });
});

describe('trainSoftmax solves the multinomial objective', () => {
  // Three overlapping 2-D clusters; computed in float64 here, the objective's gradient must vanish at the solution.
  const n = 300;
  const d = 2;
  const k = 3;
  const x = new Float32Array(n * d);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % k;
    const angle = (2 * Math.PI * y[i]) / k;
    x[i * d] = Math.cos(angle) + Math.sin(i * 12.9898) * 0.9;
    x[i * d + 1] = Math.sin(angle) + Math.cos(i * 78.233) * 0.9;
  }

  test('the float64 gradient of C·Σ CE + ½‖W‖² is ≈ 0 at the returned weights', async () => {
    const C = 0.5;
    const fit = await trainSoftmax({ x, y }, { x: new Float32Array(0), y: new Uint8Array(0) }, d, k, { C, maxIterations: 500, gradientTolerance: 1e-6 }, () => false);
    expect(fit.converged).toBe(true);
    const gW = new Float64Array(d * k);
    const gB = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const z = Array.from({ length: k }, (_, c) => fit.intercepts[c] + x[i * d] * fit.coef[c] + x[i * d + 1] * fit.coef[k + c]);
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const s = e.reduce((a, b) => a + b, 0);
      for (let c = 0; c < k; c++) {
        const r = e[c] / s - (y[i] === c ? 1 : 0);
        gB[c] += r;
        for (let j = 0; j < d; j++) gW[j * k + c] += r * x[i * d + j];
      }
    }
    // d/dW of Σ CE + ‖W‖²/(2C), and d/db of Σ CE; scaled by 1/n like the optimiser's objective.
    const scale = Math.max(...Array.from(fit.coef, Math.abs));
    for (let j = 0; j < d * k; j++) expect(Math.abs((gW[j] + fit.coef[j] / C) / n)).toBeLessThan(1e-4 * scale);
    for (let c = 0; c < k; c++) expect(Math.abs(gB[c] / n)).toBeLessThan(1e-4 * scale);
    expect(scale).toBeGreaterThan(0.1);
  });

  test('balanced class weights are n / (K · n_class) and sum to n', () => {
    const labels = Uint8Array.from([0, 0, 0, 0, 0, 0, 1, 1, 1, 2]);
    const w = classWeights(labels, 'balanced');
    expect(Array.from(w.slice(0, 1))[0]).toBeCloseTo(10 / (3 * 6), 6);
    expect(w[6]).toBeCloseTo(10 / (3 * 3), 6);
    expect(w[9]).toBeCloseTo(10 / 3, 6);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(10, 5);
  });
});

describe('a multiclass run says what it is', () => {
  test('metrics.json: multiclass metrics at the top, the positive class one-vs-rest under one_vs_rest["1"]; L-BFGS outcome recorded', async () => {
    const lr = await trainBaseline(snapshot, contract(), multiclass('logistic'));
    expect(lr.optimizer).toMatchObject({ reason: 'gradient', tolerance: 1e-5 });
    expect(lr.optimizer?.gradientMax).toBeLessThan(1e-5);
    const bundle = await bundleRun({ snapshot, outcome: lr, threshold: 0.5, app: { version: 'test', gitSha: 'test' }, createdAt: '2026-11-30T00:00:00.000Z' });
    const metrics = JSON.parse(new TextDecoder().decode(bundle.files['metrics.json'])) as Record<string, unknown> & {
      one_vs_rest: Record<string, { accuracy: number; roc_auc: number }>; validation: { task: string; one_vs_rest: Record<string, unknown> };
    };
    expect(metrics.task).toBe('multiclass');
    expect(metrics.accuracy).toBeCloseTo(argmaxAccuracy(lr), 14);
    expect(metrics.log_loss).toBeCloseTo(meanCrossEntropy(lr), 6);
    for (const key of ['macro_precision', 'macro_recall', 'macro_f1', 'weighted_precision', 'weighted_recall', 'weighted_f1']) expect(typeof metrics[key]).toBe('number');
    expect(metrics.positive_class).toBe('1');
    expect(Object.keys(metrics.one_vs_rest)).toEqual(['1']);
    expect(metrics.one_vs_rest['1'].roc_auc).toBeCloseTo(binaryReport(lr.test.scores, lr.test.labels, 0.5).roc_auc ?? NaN, 14);
    expect(metrics.validation.task).toBe('multiclass');
    expect('roc_auc' in metrics).toBe(false);
  });
});

describe('multinomial LR on cpu runs on the host, without tfjs', () => {
  test('runsOnHost: logistic regression on cpu, binary or multinomial; not another model or backend', () => {
    expect(runsOnHost(multiclass('logistic'))).toBe(true);
    expect(runsOnHost(createRunConfig({ seed: 4, backend: 'cpu', model: 'logistic', task: 'binary' }))).toBe(true);
    expect(runsOnHost(multiclass('mlp'))).toBe(false);
    expect(runsOnHost(createRunConfig({ seed: 4, backend: 'wasm', model: 'logistic', task: 'multiclass' }))).toBe(false);
    expect(runsOnHost(multiclass('logistic'), { cpu: 'device lost' })).toBe(false);
  });

  test('the host run equals the same run through a tfjs softmax model on cpu: scores, model files and importance', async () => {
    const host = await trainBaseline(snapshot, contract(), multiclass('logistic', 9));
    // Automatic mode with every other backend passed over: tfjs's cpu backend through the LayersModel path.
    const skip = { wasm: 'test', webgl: 'test', webgpu: 'test' };
    const viaTfjs = await trainBaseline(snapshot, contract(), { ...multiclass('logistic', 9), backend: 'auto' }, { skipBackends: skip });
    expect(host.backend.name).toBe('cpu');
    expect(viaTfjs.backend.name).toBe('cpu');
    for (const part of ['train', 'validation', 'test'] as const) {
      expect(Array.from(host[part].probabilities ?? [])).toEqual(Array.from(viaTfjs[part].probabilities ?? [0]));
      expect(Array.from(host[part].scores)).toEqual(Array.from(viaTfjs[part].scores));
    }
    expect(host.modelFiles['weights.bin']).toEqual(viaTfjs.modelFiles['weights.bin']);
    const text = (b: Uint8Array) => new TextDecoder().decode(b).replace(/"name":"sequential_\d+"/, '"name":"sequential"');
    expect(text(host.modelFiles['model.json'])).toBe(text(viaTfjs.modelFiles['model.json']));
    // Importance through the host's shuffled-copy path equals tfjs scoring the stacked copies.
    expect(host.reliance?.importance?.columns.length).toBe(features.length);
    expect(host.reliance?.importance).toEqual(viaTfjs.reliance?.importance);
  });
});

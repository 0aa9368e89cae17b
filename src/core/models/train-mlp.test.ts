import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { createRandom, fitPreprocessing, loadCsv, rocAuc, stratifiedSplit, transform, type Snapshot } from '../index.ts';
import { activateBackend } from './backend.ts';
import { predictScores, saveModelFiles } from './layers-model.ts';
import { DEFAULT_MLP, validateMlp, type MlpHyperparameters } from './mlp-hyperparameters.ts';
import { tf, tfl } from './tf.ts';
import { trainMlp } from './train-mlp.ts';

interface Part { x: Float32Array; y: Uint8Array; n: number }
let snapshot: Snapshot;
let data: { train: Part; validation: Part; test: Part; d: number };

beforeAll(async () => {
  await activateBackend('cpu');
  const parsed = await loadCsv(new Uint8Array(readFileSync(new URL('../../../public/samples/breast_cancer.csv', import.meta.url))), 'breast_cancer.csv');
  if (!parsed.ok) throw new Error(parsed.error.message);
  snapshot = parsed.snapshot;
  const target = snapshot.columns.find((c) => c.name === 'target');
  if (target?.type !== 'numeric') throw new Error('target should be numeric');
  const labels = Uint8Array.from(target.values);
  const all = Int32Array.from({ length: snapshot.rowCount }, (_, i) => i);
  const split = stratifiedSplit(all, labels, [0.6, 0.2, 0.2], 42);
  const features = snapshot.columns.map((c) => c.name).filter((n) => n !== 'target');
  const pre = fitPreprocessing(snapshot, features, split.train);
  const part = (rows: Int32Array): Part => ({ x: transform(pre, snapshot, rows), y: Uint8Array.from(rows, (r) => labels[r]), n: rows.length });
  data = { train: part(split.train), validation: part(split.validation), test: part(split.test), d: features.length };
});

const quick: MlpHyperparameters = { ...DEFAULT_MLP, hidden: [16], batchSize: 64, epochs: 8, patience: 100 };
const never = () => false;

async function weightsOf(model: tfl.LayersModel): Promise<number[]> {
  const values = await Promise.all(model.getWeights().map((w) => w.data()));
  return values.flatMap((v) => Array.from(v));
}

function meanLogLoss(scores: Float64Array, y: Uint8Array): number {
  let sum = 0;
  scores.forEach((p, i) => { sum -= y[i] ? Math.log(p) : Math.log(1 - p); });
  return sum / scores.length;
}

function noisy(n: number, d: number, seed: number): Part {
  const random = createRandom(seed);
  const x = Float32Array.from({ length: n * d }, () => random.next() * 2 - 1);
  const y = Uint8Array.from({ length: n }, () => (random.next() < 0.5 ? 1 : 0));
  return { x, y, n };
}

describe('trainMlp', () => {
  test('an MLP [16] reaches test ROC AUC ≥ 0.97 on breast cancer and beats the prior baseline', async () => {
    const { train, validation, test: held, d } = data;
    const hyper = { ...DEFAULT_MLP, hidden: [16], batchSize: 32, epochs: 60, patience: 10 };
    const fit = await trainMlp(train, validation, d, hyper, 7, never);
    const auc = rocAuc(await predictScores(fit.model, held.x, held.n, d), held.y);
    const baseRate = train.y.reduce((s, v) => s + v, 0) / train.n;
    const prior = rocAuc(new Float64Array(held.n).fill(baseRate), held.y);
    fit.model.dispose();
    expect(fit.epochs).toBeLessThanOrEqual(60);
    expect(prior).toBe(0.5);
    expect(auc).toBeGreaterThanOrEqual(0.97);
    expect(auc).toBeGreaterThan(prior ?? 1);
  });

  test('the same seed gives bit-identical weights and files; another seed gives different weights', async () => {
    const { train, validation, d } = data;
    const hyper = { ...quick, hidden: [16, 8], dropout: 0.3 };
    const [a, b, c] = [await trainMlp(train, validation, d, hyper, 11, never), await trainMlp(train, validation, d, hyper, 11, never), await trainMlp(train, validation, d, hyper, 12, never)];
    const [wa, wb, wc] = [await weightsOf(a.model), await weightsOf(b.model), await weightsOf(c.model)];
    const [fa, fb] = [await saveModelFiles(a.model), await saveModelFiles(b.model)];
    for (const f of [a, b, c]) f.model.dispose();
    expect(wa.length).toBe(d * 16 + 16 + 16 * 8 + 8 + 8 + 1);
    expect(wb).toEqual(wa);
    expect(Array.from(fb['weights.bin'])).toEqual(Array.from(fa['weights.bin']));
    expect(new TextDecoder().decode(fb['model.json'])).toBe(new TextDecoder().decode(fa['model.json']));
    expect(wc).not.toEqual(wa);
  });

  test('dropout is active in training only: it changes the weights, yet predictions repeat exactly', async () => {
    const { train, validation, d } = data;
    const plain = await trainMlp(train, validation, d, { ...quick, dropout: 0 }, 3, never);
    const dropped = await trainMlp(train, validation, d, { ...quick, dropout: 0.5 }, 3, never);
    const first = await predictScores(dropped.model, validation.x, validation.n, d);
    const second = await predictScores(dropped.model, validation.x, validation.n, d);
    const [wp, wd] = [await weightsOf(plain.model), await weightsOf(dropped.model)];
    plain.model.dispose();
    dropped.model.dispose();
    expect(wd).not.toEqual(wp);
    expect(Array.from(second)).toEqual(Array.from(first));
  });

  test('early stopping on noise keeps the best epoch, whose validation loss the returned model reproduces', async () => {
    const d = 6;
    const train = noisy(300, d, 1);
    const validation = noisy(200, d, 2);
    const hyper = { ...DEFAULT_MLP, hidden: [32], dropout: 0, l2: 0, learningRate: 0.05, batchSize: 32, epochs: 200, patience: 2 };
    const reported: number[] = [];
    const fit = await trainMlp(train, validation, d, hyper, 5, (_e, _t, v) => { reported.push(v); return false; });
    const scores = await predictScores(fit.model, validation.x, validation.n, d);
    fit.model.dispose();
    expect(fit.epochs).toBeLessThan(hyper.epochs);
    expect(reported.length).toBe(fit.epochs);
    expect(fit.bestEpoch).toBeLessThanOrEqual(fit.epochs);
    expect(fit.epochs - fit.bestEpoch).toBe(hyper.patience);
    expect(fit.stopped).toBe(false);
    const best = Math.min(...reported);
    expect(reported[fit.bestEpoch - 1]).toBe(best);
    expect(Math.abs(meanLogLoss(scores, validation.y) - best)).toBeLessThan(1e-6);
  });

  test('onEpoch returning true at epoch 3 cancels with epochs 3 and stopped true', async () => {
    const { train, validation, d } = data;
    const seen: number[] = [];
    const fit = await trainMlp(train, validation, d, quick, 1, async (epoch) => { seen.push(epoch); return epoch === 3; });
    fit.model.dispose();
    expect(fit).toMatchObject({ epochs: 3, stopped: true });
    expect(seen).toEqual([1, 2, 3]);
    expect(fit.bestEpoch).toBeGreaterThanOrEqual(1);
    expect(fit.bestEpoch).toBeLessThanOrEqual(3);
  });

  test('an interrupt before a batch cancels within that batch and keeps the best weights so far', async () => {
    const { train, validation, d } = data;
    let asked = 0;
    // Batches of 64 over the training rows: epoch 2 is interrupted at its 2nd batch.
    const perEpoch = Math.ceil(train.y.length / quick.batchSize);
    const fit = await trainMlp(train, validation, d, quick, 1, never, async () => ++asked > perEpoch + 1);
    expect(fit).toMatchObject({ epochs: 2, stopped: true, bestEpoch: 1 });
    expect(asked).toBe(perEpoch + 2);
    const early = await trainMlp(train, validation, d, quick, 1, never, async () => true);
    expect(early).toMatchObject({ epochs: 1, stopped: true, bestEpoch: 1 });
    expect(early.model.getWeights()).toHaveLength(2 * (quick.hidden.length + 1));
    early.model.dispose();
    fit.model.dispose();
  });

  test('5× weights on positives raise the mean validation score against no weights (same seed)', async () => {
    const { train, validation, d } = data;
    const weights = Float32Array.from(train.y, (v) => (v ? 5 : 1));
    const mean = async (w?: Float32Array) => {
      const fit = await trainMlp({ ...train, weights: w }, validation, d, { ...quick, epochs: 5 }, 9, never);
      const scores = await predictScores(fit.model, validation.x, validation.n, d);
      fit.model.dispose();
      return scores.reduce((s, v) => s + v, 0) / scores.length;
    };
    const [plain, weighted] = [await mean(), await mean(weights)];
    expect(weighted).toBeGreaterThan(plain + 0.01);
  });

  test('without validation rows the train loss drives training and validation loss is reported as NaN', async () => {
    const { train, d } = data;
    const losses: [number, number][] = [];
    const fit = await trainMlp(train, { x: new Float32Array(0), y: new Uint8Array(0) }, d, quick, 4, (_e, t, v) => { losses.push([t, v]); return false; });
    fit.model.dispose();
    expect(fit.epochs).toBe(quick.epochs);
    expect(losses.every(([t, v]) => Number.isFinite(t) && Number.isNaN(v))).toBe(true);
    expect(losses[losses.length - 1][0]).toBeLessThan(losses[0][0]);
  });

  test('no tensors leak once the caller disposes the model', async () => {
    const { train, validation, d } = data;
    const before = tf.memory().numTensors;
    const weights = Float32Array.from(train.y, (v) => (v ? 2 : 1));
    const fit = await trainMlp({ ...train, weights }, validation, d, { ...quick, hidden: [8, 8], epochs: 3 }, 2, never);
    await saveModelFiles(fit.model);
    await predictScores(fit.model, validation.x, validation.n, d);
    fit.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
    await expect(trainMlp(train, validation, d + 1, quick, 2, never)).rejects.toThrow(/training matrix/);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('validateMlp', () => {
  test('accepts the defaults and drops unknown keys', () => {
    const extra = { ...DEFAULT_MLP, colour: 'red' } as MlpHyperparameters;
    expect(validateMlp(extra)).toEqual(DEFAULT_MLP);
  });

  test.each([
    [{ dropout: 1 }, /dropout/],
    [{ dropout: -0.1 }, /dropout/],
    [{ batchSize: 0 }, /batchSize/],
    [{ hidden: [0] }, /hidden\[0\]/],
    [{ hidden: [16, 2.5] }, /hidden\[1\]/],
    [{ hidden: [] }, /hidden/],
    [{ activation: 'elu' }, /activation/],
    [{ learningRate: 0 }, /learningRate/],
    [{ epochs: 0 }, /epochs/],
    [{ patience: 0 }, /patience/],
    [{ epsilon: 0 }, /epsilon/],
    [{ l2: Number.NaN }, /l2/],
  ])('rejects %o', (override, message) => {
    expect(() => validateMlp({ ...DEFAULT_MLP, ...override } as MlpHyperparameters)).toThrow(message);
  });
});

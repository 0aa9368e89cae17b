import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createContract, createRunConfig, loadCsv, rocAuc } from '../index.ts';
import { trainBaseline } from './train-baseline.ts';

async function titanic() {
  const parsed = await loadCsv(new Uint8Array(readFileSync(new URL('../../../public/samples/titanic.csv', import.meta.url))), 'titanic.csv');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.snapshot;
}

describe('trainBaseline on Titanic (cpu)', () => {
  const features = ['pclass', 'sex', 'age', 'sibsp', 'parch', 'fare', 'embarked'];

  test('a full run: 60/20/20 split of labelled rows, scores for every validation and test row, progress per iteration', async () => {
    const snapshot = await titanic();
    const progress: number[] = [];
    let clock = 0;
    const outcome = await trainBaseline(snapshot, createContract('survived', '1', features), createRunConfig({ seed: 7, backend: 'cpu' }), {
      onProgress: (p) => progress.push(p.iteration),
      now: () => (clock += 10),
    });
    expect(outcome.status).toBe('completed');
    expect(outcome.converged).toBe(true);
    expect(outcome.backend.name).toBe('cpu');
    const { train, validation, test: testRows } = outcome.split;
    expect(train.length + validation.length + testRows.length).toBe(1309);
    expect(train.length).toBe(785);
    expect(outcome.test.scores).toHaveLength(testRows.length);
    expect(outcome.validation.scores).toHaveLength(validation.length);
    expect(progress).toEqual(Array.from({ length: outcome.iterations }, (_, i) => i + 1));
    // age and fare have gaps in training rows, so each gets a missing indicator; sex and embarked are one-hot plus "other".
    expect(outcome.preprocessing.outputNames).toContain('age__missing');
    expect(outcome.preprocessing.outputNames).toContain('sex=__other__');
    expect(rocAuc(outcome.test.scores, outcome.test.labels)).toBeGreaterThan(0.8);
  });

  test('the same seed gives bit-identical weights and scores; another seed gives another split', async () => {
    const snapshot = await titanic();
    const contract = createContract('survived', '1', features);
    const a = await trainBaseline(snapshot, contract, createRunConfig({ seed: 11, backend: 'cpu' }));
    const b = await trainBaseline(snapshot, contract, createRunConfig({ seed: 11, backend: 'cpu' }));
    const c = await trainBaseline(snapshot, contract, createRunConfig({ seed: 12, backend: 'cpu' }));
    expect(Array.from(b.coef ?? [])).toEqual(Array.from(a.coef ?? [NaN]));
    expect(Array.from(b.test.scores)).toEqual(Array.from(a.test.scores));
    expect(b.modelFiles['weights.bin']).toEqual(a.modelFiles['weights.bin']);
    expect(Array.from(c.split.test)).not.toEqual(Array.from(a.split.test));
  });

  test('a label with one class fails with a plain message', async () => {
    const parsed = await loadCsv(new TextEncoder().encode('x,y\n1,a\n2,a\n3,a\n'), 'one.csv');
    if (!parsed.ok) throw new Error(parsed.error.message);
    await expect(trainBaseline(parsed.snapshot, createContract('y', 'a', ['x']), createRunConfig({ seed: 1, backend: 'cpu' }))).rejects.toThrow(/only one class/);
  });
});

describe('models, class weights and tensors', () => {
  const features = ['pclass', 'sex', 'age', 'sibsp', 'parch', 'fare', 'embarked'];

  test('the prior scores every row at the training base rate (AUC 0.5); LR and an MLP beat it', async () => {
    const snapshot = await titanic();
    const contract = createContract('survived', '1', features);
    const prior = await trainBaseline(snapshot, contract, createRunConfig({ seed: 3, backend: 'cpu', model: 'prior' }));
    const rate = prior.train.labels.reduce((s, v) => s + v, 0) / prior.train.labels.length;
    expect(prior.test.scores.every((s) => Math.abs(s - rate) < 1e-6)).toBe(true);
    expect(rocAuc(prior.test.scores, prior.test.labels)).toBe(0.5);
    const mlp = await trainBaseline(snapshot, contract, createRunConfig({ seed: 3, backend: 'cpu', model: 'mlp', hyperparameters: { epochs: 30, hidden: [16] } }));
    expect(mlp.config.model).toBe('mlp');
    expect(mlp.bestEpoch).toBeGreaterThan(0);
    expect(rocAuc(mlp.test.scores, mlp.test.labels)).toBeGreaterThan(0.8);
  });

  test('balanced class weights move the decision boundary toward the minority (positive) class', async () => {
    const snapshot = await titanic();
    const contract = createContract('survived', '1', features);
    const plain = await trainBaseline(snapshot, contract, createRunConfig({ seed: 5, backend: 'cpu' }));
    const balanced = await trainBaseline(snapshot, contract, createRunConfig({ seed: 5, backend: 'cpu', classWeight: 'balanced' }));
    const flagged = (scores: Float64Array) => scores.filter((s) => s >= 0.5).length;
    // 38% survived: weighting them up raises every score's odds, so more rows cross 0.5 and the intercept grows.
    expect(flagged(balanced.test.scores)).toBeGreaterThan(flagged(plain.test.scores));
    expect(balanced.intercept ?? 0).toBeGreaterThan(plain.intercept ?? 0);
  });

  test('no tensor leaks: tf.memory().numTensors returns to its start after LR, MLP and prior runs', async () => {
    const { tf } = await import('../models/tf.ts');
    const snapshot = await titanic();
    const contract = createContract('survived', '1', features);
    await trainBaseline(snapshot, contract, createRunConfig({ seed: 9, backend: 'cpu' }));
    const before = tf.memory().numTensors;
    for (const model of ['logistic', 'mlp', 'prior'] as const) {
      await trainBaseline(snapshot, contract, createRunConfig({ seed: 9, backend: 'cpu', model, hyperparameters: model === 'mlp' ? { epochs: 3 } : {} }));
      expect(tf.memory().numTensors, model).toBe(before);
    }
  });
});

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadCsv, fitPreprocessing, transform, type Snapshot } from '../index.ts';
import { activateBackend } from './backend.ts';
import { trainLogistic } from './train-logistic.ts';
import { tf } from './tf.ts';

interface Oracle {
  split: { train_rows: number[] };
  model: { coef: number[][]; intercept: number[]; scaler_mean: number[]; scaler_scale: number[] };
}

const oracle = JSON.parse(readFileSync(new URL('../../../../shared/oracle/breast_cancer.json', import.meta.url), 'utf8')) as Oracle;
let snapshot: Snapshot;

beforeAll(async () => {
  await activateBackend('cpu');
  const parsed = await loadCsv(new Uint8Array(readFileSync(new URL('../../../public/samples/breast_cancer.csv', import.meta.url))), 'breast_cancer.csv');
  if (!parsed.ok) throw new Error(parsed.error.message);
  snapshot = parsed.snapshot;
});

function oracleDesign() {
  const features = snapshot.columns.map((c) => c.name).filter((n) => n !== 'target');
  const rows = Int32Array.from(oracle.split.train_rows);
  const pre = fitPreprocessing(snapshot, features, rows);
  const target = snapshot.columns.find((c) => c.name === 'target');
  if (target?.type !== 'numeric') throw new Error('target should be numeric');
  return { pre, x: transform(pre, snapshot, rows), y: Uint8Array.from(rows, (r) => target.values[r]), d: features.length };
}

const empty = { x: new Float32Array(0), y: new Uint8Array(0) };
const hyper = { C: 1, maxIterations: 1000, gradientTolerance: 1e-6 };

describe('logistic regression by L-BFGS against scikit-learn', () => {
  test('the scaler statistics equal StandardScaler (ddof = 0) on the oracle train rows', () => {
    const { pre } = oracleDesign();
    pre.steps.forEach((step, j) => {
      if (step.kind !== 'numeric') throw new Error('numeric expected');
      expect(step.mean).toBeCloseTo(oracle.model.scaler_mean[j], 9);
      expect(step.scale).toBeCloseTo(oracle.model.scaler_scale[j], 9);
    });
  });

  test('coefficients match sklearn (C=1) within 1e-3 × the largest |coefficient|', async () => {
    const { x, y, d } = oracleDesign();
    const fit = await trainLogistic({ x, y }, empty, d, hyper, () => false);
    const expected = oracle.model.coef[0];
    const largest = Math.max(...expected.map(Math.abs));
    const worst = Math.max(...expected.map((c, j) => Math.abs(c - fit.coef[j])));
    expect(fit.converged).toBe(true);
    expect(worst).toBeLessThanOrEqual(1e-3 * largest);
    expect(Math.abs(fit.intercept - oracle.model.intercept[0])).toBeLessThanOrEqual(1e-3 * largest);
  });

  test('retraining gives bit-identical weights', async () => {
    const { x, y, d } = oracleDesign();
    const a = await trainLogistic({ x, y }, empty, d, hyper, () => false);
    const b = await trainLogistic({ x, y }, empty, d, hyper, () => false);
    expect(Array.from(b.coef)).toEqual(Array.from(a.coef));
    expect(b.intercept).toBe(a.intercept);
  });

  test('stopping after the third iteration returns a stopped fit with finite weights', async () => {
    const { x, y, d } = oracleDesign();
    const fit = await trainLogistic({ x, y }, empty, d, hyper, (iteration) => iteration >= 3);
    expect(fit.stopped).toBe(true);
    expect(fit.iterations).toBe(3);
    expect(fit.coef.every(Number.isFinite)).toBe(true);
  });

  test('no tensors leak: tf.memory().numTensors returns to its starting value', async () => {
    const { x, y, d } = oracleDesign();
    const before = tf.memory().numTensors;
    await trainLogistic({ x, y }, { x: x.slice(0, 10 * d), y: y.slice(0, 10) }, d, hyper, () => false);
    expect(tf.memory().numTensors).toBe(before);
  });
});

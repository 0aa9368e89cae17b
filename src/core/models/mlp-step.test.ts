import { beforeAll, describe, expect, test } from 'vitest';
import { activateBackend } from './backend.ts';
import { DEFAULT_MLP, type MlpHyperparameters } from './mlp-hyperparameters.ts';
import { createMlpParameters, mlpLogits, mlpWidths, rowLoss } from './mlp-network.ts';
import { createAdam, disposeAdam, mlpLayout, mlpStep, unpack } from './mlp-step.ts';
import { tf } from './tf.ts';

beforeAll(async () => {
  await activateBackend('cpu');
});

// The hand-written backward pass and Adam must take the very step autodiff + tf.train.adam would.
describe('mlpStep matches autodiff and tf.train.adam', () => {
  const n = 40;
  const d = 5;
  const x = tf.tensor2d(Float32Array.from({ length: n * d }, (_, i) => Math.sin(i * 1.7) * 2), [n, d]);
  const weights = Float32Array.from({ length: n }, (_, i) => 0.5 + (i % 3));
  const batchWeight = weights.reduce((a, b) => a + b, 0);
  const w = tf.tensor2d(weights, [n, 1]);
  const xT = tf.transpose(x);

  const cases: [string, MlpHyperparameters['activation'], number][] = [['relu, binary', 'relu', 1], ['tanh, binary', 'tanh', 1], ['sigmoid, 3 classes', 'sigmoid', 3]];
  test.each(cases)('%s: parameters after three steps agree to float32 rounding (1e-5)', async (_name, activation, outputs) => {
    const hyper: MlpHyperparameters = { ...DEFAULT_MLP, hidden: [7, 4], activation, dropout: 0, l2: 0.01, learningRate: 0.05 };
    const y = outputs === 1
      ? tf.tensor2d(Float32Array.from({ length: n }, (_, i) => (i % 2)), [n, 1])
      : tf.cast(tf.oneHot(tf.tensor1d(Int32Array.from({ length: n }, (_, i) => i % 3), 'int32'), 3), 'float32') as tf.Tensor2D;
    const layout = mlpLayout(mlpWidths(d, hyper.hidden, outputs));
    const flat = createMlpParameters(d, hyper, 9, outputs);
    const reference = tf.tidy(() => unpack(flat, layout));
    const vars = reference.kernels.flatMap((k, i) => [tf.variable(k), tf.variable(reference.biases[i])]);
    const optimizer = tf.train.adam(hyper.learningRate, 0.9, 0.999, hyper.epsilon);
    const adam = createAdam(layout, hyper);
    for (let step = 0; step < 3; step++) {
      tf.dispose(mlpStep(flat, layout, adam, hyper, { x, xT, y, w }, batchWeight, () => 1));
      optimizer.minimize(() => {
        const params = { kernels: vars.filter((_, i) => i % 2 === 0), biases: vars.filter((_, i) => i % 2 === 1) };
        const loss = tf.div<tf.Scalar>(tf.sum(tf.mul(rowLoss(mlpLogits(x, params, hyper), y), w)), batchWeight);
        const l2 = tf.mul(tf.addN(params.kernels.map((k) => tf.sum(tf.square(k)))), hyper.l2);
        return tf.add(loss, l2) as tf.Scalar;
      }, false, vars);
    }
    const ours = await flat.data();
    const joined = tf.tidy(() => tf.concat(vars.map((v) => tf.reshape(v, [-1])), 0));
    const theirs = await joined.data();
    joined.dispose();
    let worst = 0;
    ours.forEach((v, i) => { worst = Math.max(worst, Math.abs(v - theirs[i])); });
    expect(ours.length).toBe(theirs.length);
    // Adam divides by √v, so float32 rounding in a different order of operations shows up around 1e-6.
    expect(worst).toBeLessThan(1e-5);
    expect(worst).toBeGreaterThanOrEqual(0);
    tf.dispose([flat, y, ...vars, ...reference.kernels, ...reference.biases]);
    optimizer.dispose();
    disposeAdam(adam);
  });
});

import { createRandom, deriveSeed, shuffleInPlace } from '../random.ts';
import type { MlpHyperparameters } from './mlp-hyperparameters.ts';
import { l2Penalty, mlpLogits, rowLoss, type MlpParameters } from './mlp-network.ts';
import { tf } from './tf.ts';

/** Training rows on the backend, with optional per-row weights kept on the CPU side too for batch normalisers. */
export interface MlpTrainTensors {
  readonly x: tf.Tensor2D;
  readonly y: tf.Tensor2D;
  readonly w: tf.Tensor2D | null;
  readonly weights: Float32Array | null;
  /** Σ weights over all rows (n when unweighted). */
  readonly totalWeight: number;
}

/** Where one run stands: the seed and the global optimiser step, which salts the dropout masks. */
export interface MlpStepState {
  readonly seed: number;
  step: number;
}

/**
 * One epoch of mini-batch Adam over a seeded permutation that depends only on (seed, epoch).
 * Returns the epoch's weighted mean log loss (with dropout, without the L2 term), read back once at the end.
 */
export async function runMlpEpoch(
  data: MlpTrainTensors, params: MlpParameters, vars: tf.Variable[], optimizer: tf.Optimizer,
  hyper: MlpHyperparameters, state: MlpStepState, epoch: number,
  interrupt?: () => Promise<boolean>,
): Promise<{ loss: number; interrupted: boolean }> {
  const n = data.x.shape[0];
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  shuffleInPlace(order, createRandom(deriveSeed(state.seed, 1000 + epoch)));
  // Per-batch sums stay on the device until the epoch ends, so the loop never stalls on a readback.
  const sums: tf.Scalar[] = [];
  let interrupted = false;
  let seen = 0;
  try {
    for (let start = 0; start < n; start += hyper.batchSize) {
      // Asked before every batch, so a cancel lands within one batch rather than at the end of the epoch.
      if (interrupt && (await interrupt())) {
        interrupted = true;
        break;
      }
      const rows = order.subarray(start, Math.min(n, start + hyper.batchSize));
      let batchWeight = rows.length;
      if (data.weights) {
        batchWeight = 0;
        for (const r of rows) batchWeight += data.weights[r];
      }
      seen += batchWeight;
      const step = state.step++;
      const dropoutSeed = (layer: number) => deriveSeed(state.seed, 100000 + step * 16 + layer);
      tf.tidy(() => {
        const index = tf.tensor1d(rows, 'int32');
        const xb = tf.gather(data.x, index);
        const yb = tf.gather(data.y, index);
        const wb = data.w ? tf.gather(data.w, index) : null;
        optimizer.minimize(() => {
          const losses = rowLoss(mlpLogits(xb, params, hyper, dropoutSeed), yb);
          const sum = tf.sum<tf.Scalar>(wb ? tf.mul(losses, wb) : losses);
          sums.push(tf.keep(sum));
          // Σw·l / Σw keeps the step size independent of how large the class weights are.
          const mean = tf.div<tf.Scalar>(sum, tf.scalar(batchWeight > 0 ? batchWeight : 1));
          return hyper.l2 > 0 ? tf.add(mean, l2Penalty(params, hyper.l2)) : mean;
        }, false, vars);
      });
    }
    if (sums.length === 0) return { loss: NaN, interrupted };
    const total = tf.tidy(() => tf.div(tf.addN(sums), tf.scalar(interrupted ? Math.max(seen, 1) : data.totalWeight > 0 ? data.totalWeight : 1)));
    const value = (await total.data())[0];
    total.dispose();
    return { loss: value, interrupted };
  } finally {
    for (const s of sums) s.dispose();
  }
}

/** Rows per forward pass when scoring, so a large validation split never needs one huge activation tensor. */
const CHUNK = 8192;

/** Unweighted mean log loss of the network (no dropout) over x [n, d] and targets y ([n, 1] 0/1 or [n, K] one-hot). */
export async function mlpMeanLoss(x: tf.Tensor2D, y: tf.Tensor2D, params: MlpParameters, hyper: MlpHyperparameters): Promise<number> {
  const n = x.shape[0];
  if (n === 0) return NaN;
  let total: tf.Scalar = tf.scalar(0);
  for (let start = 0; start < n; start += CHUNK) {
    const size = Math.min(CHUNK, n - start);
    const next = tf.tidy(() => {
      const xb = tf.slice(x, [start, 0], [size, -1]);
      const yb = tf.slice(y, [start, 0], [size, -1]);
      return tf.add<tf.Scalar>(total, tf.sum(rowLoss(mlpLogits(xb, params, hyper), yb)));
    });
    total.dispose();
    total = next;
  }
  const mean = tf.tidy(() => tf.div(total, tf.scalar(n)));
  total.dispose();
  const value = (await mean.data())[0];
  mean.dispose();
  return value;
}

import { createRandom, deriveSeed, shuffleInPlace } from '../random.ts';
import type { MlpHyperparameters } from './mlp-hyperparameters.ts';
import { mlpLogits, rowLoss } from './mlp-network.ts';
import { mlpStep, unpack, type AdamState, type MlpBatch, type MlpLayout } from './mlp-step.ts';
import { tf } from './tf.ts';

/** Training rows on the host: row-major x [n, d], labels (0/1 or class indices) and optional per-row weights. */
export interface MlpTrainRows {
  readonly x: Float32Array;
  readonly y: Uint8Array;
  readonly d: number;
  /** 1 for a sigmoid output (0/1 labels), K for softmax (one-hot targets). */
  readonly outputs: number;
  readonly weights: Float32Array | null;
  /** Σ weights over all rows (n when unweighted). */
  readonly totalWeight: number;
}

/** Σ of the rows' sample weights (the row count when unweighted): a batch's share of the epoch's loss. */
export function rowsWeight(rows: Int32Array, weights: Float32Array | null): number {
  if (!weights) return rows.length;
  let total = 0;
  for (let i = 0; i < rows.length; i++) total += weights[rows[i]];
  return total;
}

function assembleBatch(data: MlpTrainRows, rows: Int32Array): MlpBatch {
  const { d, outputs } = data;
  const source = data.x;
  const labels = data.y;
  const b = rows.length;
  const x = new Float32Array(b * d);
  const xT = new Float32Array(d * b);
  const y = new Float32Array(b * outputs);
  // Whole rows are copied natively, then transposed from the compact batch, which stays in cache; gathering the
  // transpose straight from the scattered source rows cost about a tenth of an epoch on wasm.
  for (let i = 0; i < b; i++) {
    const r = rows[i];
    x.set(source.subarray(r * d, r * d + d), i * d);
    if (outputs === 1) y[i] = labels[r];
    else y[i * outputs + labels[r]] = 1;
  }
  for (let j = 0; j < d; j++) {
    const out = j * b;
    for (let i = 0, at = j; i < b; i++, at += d) xT[out + i] = x[at];
  }
  let w: Float32Array | null = null;
  if (data.weights) {
    w = new Float32Array(b);
    for (let i = 0; i < b; i++) w[i] = data.weights[rows[i]];
  }
  return { x: tf.tensor2d(x, [b, d]), xT: tf.tensor2d(xT, [d, b]), y: tf.tensor2d(y, [b, outputs]), w: w ? tf.tensor2d(w, [b, 1]) : null };
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
  data: MlpTrainRows, flat: tf.Variable<tf.Rank.R1>, layout: MlpLayout, adam: AdamState,
  hyper: MlpHyperparameters, state: MlpStepState, epoch: number,
  interrupt?: () => Promise<boolean>,
): Promise<{ loss: number; interrupted: boolean }> {
  const n = data.y.length;
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
      const batchWeight = rowsWeight(rows, data.weights);
      seen += batchWeight;
      const step = state.step++;
      const dropoutSeed = (layer: number) => deriveSeed(state.seed, 100000 + step * 16 + layer);
      const batch = assembleBatch(data, rows);
      try {
        sums.push(mlpStep(flat, layout, adam, hyper, batch, batchWeight, dropoutSeed));
      } finally {
        tf.dispose([batch.x, batch.xT, batch.y, ...(batch.w ? [batch.w] : [])]);
      }
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
export async function mlpMeanLoss(x: tf.Tensor2D, y: tf.Tensor2D, flat: tf.Tensor1D, layout: MlpLayout, hyper: MlpHyperparameters): Promise<number> {
  const n = x.shape[0];
  if (n === 0) return NaN;
  const params = tf.tidy(() => unpack(flat, layout));
  let total: tf.Scalar = tf.scalar(0);
  try {
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
  } finally {
    tf.dispose([...params.kernels, ...params.biases]);
  }
  const mean = tf.tidy(() => tf.div(total, tf.scalar(n)));
  total.dispose();
  const value = (await mean.data())[0];
  mean.dispose();
  return value;
}

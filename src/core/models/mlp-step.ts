import type { MlpHyperparameters } from './mlp-hyperparameters.ts';
import { rowLoss } from './mlp-network.ts';
import { dropoutMaskValues } from './mlp-host-kernel.ts';
import { tf } from './tf.ts';

/** One batch as the step needs it: x [b, d], its transpose [d, b] (so the first layer's gradient needs no device transpose), targets and weights. */
export interface MlpBatch {
  readonly x: tf.Tensor2D;
  readonly xT: tf.Tensor2D;
  readonly y: tf.Tensor2D;
  readonly w: tf.Tensor2D | null;
}

/** Where each layer's kernel [in, out] and bias [out] sit in the one flat parameter vector. */
export interface MlpLayout {
  readonly widths: readonly number[];
  /** Offsets of [kernel0, bias0, kernel1, bias1, ...] in the flat vector, plus its total length last. */
  readonly offsets: readonly number[];
}

export function mlpLayout(widths: readonly number[]): MlpLayout {
  const offsets = [0];
  for (let l = 0; l + 1 < widths.length; l++) {
    offsets.push(offsets.at(-1) as number + widths[l] * widths[l + 1]);
    offsets.push(offsets.at(-1) as number + widths[l + 1]);
  }
  return { widths, offsets };
}

/** Views of the flat vector as [kernel, bias] per layer (tensors owned by the caller's tidy). */
export function unpack(flat: tf.Tensor1D, layout: MlpLayout): { kernels: tf.Tensor2D[]; biases: tf.Tensor1D[] } {
  const kernels: tf.Tensor2D[] = [];
  const biases: tf.Tensor1D[] = [];
  const { widths, offsets } = layout;
  for (let l = 0; l + 1 < widths.length; l++) {
    kernels.push(tf.reshape(tf.slice(flat, offsets[2 * l], widths[l] * widths[l + 1]), [widths[l], widths[l + 1]]));
    biases.push(tf.slice(flat, offsets[2 * l + 1], widths[l + 1]));
  }
  return { kernels, biases };
}

/** Adam's moment estimates for the flat vector, and constants uploaded once per run rather than once per step. */
export interface AdamState {
  readonly m: tf.Variable<tf.Rank.R1>;
  readonly v: tf.Variable<tf.Rank.R1>;
  readonly beta1: tf.Scalar;
  readonly oneMinusBeta1: tf.Scalar;
  readonly beta2: tf.Scalar;
  readonly oneMinusBeta2: tf.Scalar;
  readonly epsilon: tf.Scalar;
  /** 2·l2 on kernel entries and 0 on biases: the gradient of l2·Σ kernel² is this times the parameters. */
  readonly decay: tf.Tensor1D | null;
  steps: number;
}

const BETA1 = 0.9;
const BETA2 = 0.999;

export function createAdam(layout: MlpLayout, hyper: MlpHyperparameters): AdamState {
  const size = layout.offsets.at(-1) as number;
  let decay: tf.Tensor1D | null = null;
  if (hyper.l2 > 0) {
    const values = new Float32Array(size);
    for (let i = 0; i + 1 < layout.offsets.length; i += 2) values.fill(2 * hyper.l2, layout.offsets[i], layout.offsets[i + 1]);
    decay = tf.tensor1d(values);
  }
  return {
    m: tf.tidy(() => tf.variable(tf.zeros([size]))), v: tf.tidy(() => tf.variable(tf.zeros([size]))),
    beta1: tf.scalar(BETA1), oneMinusBeta1: tf.scalar(1 - BETA1), beta2: tf.scalar(BETA2), oneMinusBeta2: tf.scalar(1 - BETA2),
    epsilon: tf.scalar(hyper.epsilon), decay, steps: 0,
  };
}

export function disposeAdam(adam: AdamState): void {
  tf.dispose([adam.m, adam.v, adam.beta1, adam.oneMinusBeta1, adam.beta2, adam.oneMinusBeta2, adam.epsilon, ...(adam.decay ? [adam.decay] : [])]);
}

/**
 * Inverted dropout's mask for one layer and step, drawn on the host from the project's seeded generator: 0 for a
 * dropped unit, 1/(1 − rate) for a kept one. Drawing it here is several times faster than tfjs's per-element
 * randomUniform on wasm and cpu, and gives the same mask on every backend.
 */
function dropoutMask(rows: number, units: number, rate: number, seed: number): tf.Tensor2D {
  return tf.tensor2d(dropoutMaskValues(rows, units, rate, seed), [rows, units]);
}

function activate(z: tf.Tensor2D, activation: MlpHyperparameters['activation']): tf.Tensor2D {
  if (activation === 'relu') return tf.relu(z);
  if (activation === 'tanh') return tf.tanh(z);
  return tf.sigmoid(z);
}

// d act / d z from the activation h alone: for relu, h > 0 exactly where z > 0, so step(h) is step(z).
function activationSlope(h: tf.Tensor2D, activation: MlpHyperparameters['activation']): tf.Tensor2D {
  if (activation === 'relu') return tf.step(h);
  if (activation === 'tanh') return tf.sub(1, tf.square(h));
  return tf.mul(h, tf.sub(1, h));
}

/**
 * One mini-batch step of Adam on the flat parameter vector, with the forward and backward passes written out by hand:
 * the same mathematics as autodiff of (Σ wᵢ·lossᵢ / Σ wᵢ + l2·Σ kernel²) and tf.train.adam, in about half the kernel
 * launches, which is what bounds small dense nets on every backend. Returns the batch's Σ wᵢ·lossᵢ (with dropout),
 * kept for the caller to add up and dispose.
 */
export function mlpStep(
  flat: tf.Variable<tf.Rank.R1>, layout: MlpLayout, adam: AdamState, hyper: MlpHyperparameters,
  batch: MlpBatch, batchWeight: number, dropoutSeed: (layer: number) => number,
): tf.Scalar {
  const { x: xb, y: yb, w: wb } = batch;
  return tf.tidy(() => {
    const { kernels, biases } = unpack(flat, layout);
    const last = kernels.length - 1;
    const inputs: tf.Tensor2D[] = [xb];
    const hs: tf.Tensor2D[] = [];
    const masks: (tf.Tensor2D | null)[] = [];
    for (let l = 0; l < last; l++) {
      // One fused kernel for product, bias and relu/sigmoid where the backend has one: fewer launches per step.
      const h = hyper.activation === 'tanh'
        ? activate(tf.add(tf.matMul(inputs[l], kernels[l]), biases[l]) as tf.Tensor2D, hyper.activation)
        : tf.fused.matMul({ a: inputs[l], b: kernels[l], bias: biases[l], activation: hyper.activation }) as tf.Tensor2D;
      const mask = hyper.dropout > 0 ? dropoutMask(h.shape[0], h.shape[1], hyper.dropout, dropoutSeed(l)) : null;
      hs.push(h);
      masks.push(mask);
      inputs.push(mask ? tf.mul(h, mask) : h);
    }
    const logits = tf.fused.matMul({ a: inputs[last], b: kernels[last], bias: biases[last] }) as tf.Tensor2D;
    const losses = rowLoss(logits, yb);
    const lossSum = tf.sum<tf.Scalar>(wb ? tf.mul(losses, wb) : losses);

    // d(mean weighted loss)/d logits: (p − y)·w / Σw, for a sigmoid output and for softmax alike.
    const probabilities = logits.shape[1] === 1 ? tf.sigmoid(logits) : tf.softmax(logits);
    const residual = tf.sub(probabilities, yb);
    let delta = tf.mul(wb ? tf.mul(residual, wb) : residual, 1 / (batchWeight > 0 ? batchWeight : 1)) as tf.Tensor2D;
    // Shapes chosen for the slowest backend's sake (wasm): a transposed operand inside matMul, or a sum over axis 0,
    // costs a device transpose of the whole batch; the batch's own transpose comes from the host, bias gradients are
    // a ones-row product, and only the small kernels are transposed.
    const ones = tf.ones([1, xb.shape[0]]) as tf.Tensor2D;
    const grads: tf.Tensor[] = new Array(2 * kernels.length);
    for (let l = last; l >= 0; l--) {
      // wasm multiplies a transposed operand in a slow generic loop (about 10× the plain product for [32, 1024] ×
      // [1024, 32]); an explicit transpose followed by the plain product costs a third of that.
      grads[2 * l] = tf.matMul(l === 0 ? batch.xT : tf.transpose(inputs[l]), delta);
      grads[2 * l + 1] = tf.matMul(ones, delta);
      if (l === 0) break;
      let back = tf.matMul(delta, tf.transpose(kernels[l])) as tf.Tensor2D;
      const mask = masks[l - 1];
      if (mask) back = tf.mul(back, mask);
      delta = tf.mul(back, activationSlope(hs[l - 1], hyper.activation));
    }
    let g = tf.concat(grads.map((t) => tf.reshape(t, [-1])), 0) as tf.Tensor1D;
    if (adam.decay) g = tf.add(g, tf.mul(adam.decay, flat));

    // tf.train.adam's update, with both bias corrections folded into two numbers computed in float64 per step.
    adam.steps++;
    const m = tf.add(tf.mul(adam.m, adam.beta1), tf.mul(g, adam.oneMinusBeta1)) as tf.Tensor1D;
    const v = tf.add(tf.mul(adam.v, adam.beta2), tf.mul(tf.square(g), adam.oneMinusBeta2)) as tf.Tensor1D;
    const stepSize = hyper.learningRate / (1 - BETA1 ** adam.steps);
    const secondScale = 1 / (1 - BETA2 ** adam.steps);
    const update = tf.div(tf.mul(m, stepSize), tf.add(tf.sqrt(tf.mul(v, secondScale)), adam.epsilon));
    adam.m.assign(m);
    adam.v.assign(v);
    flat.assign(tf.sub(flat, update) as tf.Tensor1D);
    return lossSum;
  });
}

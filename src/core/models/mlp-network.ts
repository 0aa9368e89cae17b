import { deriveSeed } from '../random.ts';
import type { MlpHyperparameters } from './mlp-hyperparameters.ts';
import { rowSoftmaxLoss } from './softmax-objective.ts';
import { tf, tfl } from './tf.ts';

/** The tensors of an MLP: one kernel [in, out] and bias [out] per dense layer, the output layer last. */
export interface MlpParameters {
  readonly kernels: readonly tf.Tensor[];
  readonly biases: readonly tf.Tensor[];
}

/** Layer widths from input to output: [d, ...hidden, outputs] (1 sigmoid output for binary, K softmax outputs). */
export function mlpWidths(d: number, hidden: readonly number[], outputs = 1): number[] {
  return [d, ...hidden, outputs];
}

/**
 * Creates the flat parameter vector with a seeded initializer per layer (salt = layer index + 1, so no two layers share a stream
 * and no seed is 0, which tfjs reads as "unseeded"); He-normal suits relu, Glorot-uniform the saturating activations.
 */
export function createMlpParameters(d: number, hyper: MlpHyperparameters, seed: number, outputs = 1): tf.Variable<tf.Rank.R1> {
  const widths = mlpWidths(d, hyper.hidden, outputs);
  const parts: tf.Tensor[] = [];
  for (let layer = 0; layer + 1 < widths.length; layer++) {
    const args = { seed: deriveSeed(seed, layer + 1) };
    // The sigmoid output layer follows Glorot even in a relu net, as Keras's default dense initializer would.
    const hiddenRelu = hyper.activation === 'relu' && layer + 2 < widths.length;
    const initializer = hiddenRelu ? tfl.initializers.heNormal(args) : tfl.initializers.glorotUniform(args);
    parts.push(tf.tidy(() => tf.reshape(initializer.apply([widths[layer], widths[layer + 1]], 'float32'), [-1])), tf.zeros([widths[layer + 1]]));
  }
  // One flat vector [kernel0, bias0, kernel1, ...] (see mlpLayout): a single Adam update serves every layer.
  const flat = tf.concat(parts, 0) as tf.Tensor1D;
  tf.dispose(parts);
  const variable = tf.variable(flat);
  flat.dispose();
  return variable;
}

function activate(h: tf.Tensor2D, activation: MlpHyperparameters['activation']): tf.Tensor2D {
  if (activation === 'relu') return tf.relu(h);
  if (activation === 'tanh') return tf.tanh(h);
  return tf.sigmoid(h);
}

/** Dropout seed for one layer at one optimiser step: a fresh, reproducible mask every step and layer. */
export type DropoutSeed = (layer: number) => number;

/** Logits [n, outputs] of the network; with `dropoutSeed`, hidden activations are dropped at `rate` (training only). */
export function mlpLogits(x: tf.Tensor2D, params: MlpParameters, hyper: MlpHyperparameters, dropoutSeed?: DropoutSeed): tf.Tensor2D {
  let h = x;
  const last = params.kernels.length - 1;
  for (let layer = 0; layer < last; layer++) {
    h = activate(tf.add(tf.matMul(h, params.kernels[layer]), params.biases[layer]), hyper.activation);
    if (dropoutSeed && hyper.dropout > 0) h = tf.dropout(h, hyper.dropout, undefined, dropoutSeed(layer)) as tf.Tensor2D;
  }
  return tf.add(tf.matMul(h, params.kernels[last]), params.biases[last]);
}

/** Per-row log loss log(1 + e^z) − y·z from logits, built from primitives so every backend (webgpu included) has the kernels. */
export function rowLogLoss(z: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor2D {
  const softplus = tf.add(tf.relu(z), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
  return tf.sub(softplus, tf.mul(y, z));
}

/** Per-row loss [n, 1]: binary log loss for one output column, softmax cross-entropy (one-hot y) for several. */
export function rowLoss(z: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor2D {
  return z.shape[1] === 1 ? rowLogLoss(z, y) : rowSoftmaxLoss(z, y);
}

/**
 * A Keras-style sequential model of dense layers carrying the given weights ([kernel, bias] per layer), so it
 * serialises and predicts like any LayersModel. Fixed names keep `model.json` identical across runs.
 */
export function mlpLayersModel(d: number, hyper: MlpHyperparameters, weights: readonly Float32Array[], outputs = 1): tfl.LayersModel {
  const widths = mlpWidths(d, hyper.hidden, outputs);
  const output = outputs > 1 ? 'softmax' : 'sigmoid';
  const layers = widths.slice(1).map((units, i) => tfl.layers.dense({
    units,
    activation: i + 2 < widths.length ? hyper.activation : output,
    inputShape: i === 0 ? [d] : undefined,
    kernelInitializer: 'zeros',
    name: i + 2 < widths.length ? `mlp_hidden_${i + 1}` : 'mlp_output',
  }));
  const model = tfl.sequential({ layers, name: 'mlp' });
  const tensors = weights.map((w, i) => {
    const layer = i >> 1;
    return i % 2 === 0 ? tf.tensor2d(w, [widths[layer], widths[layer + 1]]) : tf.tensor1d(w);
  });
  model.setWeights(tensors);
  for (const t of tensors) t.dispose();
  return model;
}

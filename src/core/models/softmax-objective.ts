import { tf } from './tf.ts';

/** Per-row cross-entropy [n, 1] from logits [n, K] and one-hot targets: logsumexp(z) − Σ y·z. */
export function rowSoftmaxLoss(z: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor2D {
  return tf.sub(tf.logSumExp(z, 1, true), tf.sum(tf.mul(y, z), 1, true));
}

import type { LogisticEvaluation } from './logistic-objective.ts';
import { tf } from './tf.ts';

/** A design matrix [n, d] with one-hot targets [n, K] and optional per-row sample weights [n, 1]. */
export interface ClassDesign {
  readonly x: tf.Tensor2D;
  readonly y: tf.Tensor2D;
  readonly w: tf.Tensor2D | null;
  readonly classes: number;
}

/** Uploads a design with class indices as one-hot float targets; the caller disposes it. */
export function uploadClassDesign(x: Float32Array, classIndex: Uint8Array, d: number, classes: number, weights?: Float32Array): ClassDesign {
  const n = classIndex.length;
  const oneHot = new Float32Array(n * classes);
  for (let i = 0; i < n; i++) oneHot[i * classes + classIndex[i]] = 1;
  return { x: tf.tensor2d(x, [n, d]), y: tf.tensor2d(oneHot, [n, classes]), w: weights ? tf.tensor2d(weights, [n, 1]) : null, classes };
}

export function disposeClassDesign(design: ClassDesign): void {
  design.x.dispose();
  design.y.dispose();
  design.w?.dispose();
}

/** Per-row cross-entropy [n, 1] from logits [n, K] and one-hot targets: logsumexp(z) − Σ y·z. */
export function rowSoftmaxLoss(z: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor2D {
  return tf.sub(tf.logSumExp(z, 1, true), tf.sum(tf.mul(y, z), 1, true));
}

// params = [W row-major (d × K), b (K)]: the layout a dense layer's kernel and bias take.
function logits(design: ClassDesign, params: Float64Array): tf.Tensor2D {
  const d = design.x.shape[1];
  const k = design.classes;
  const w = tf.tensor2d(Float32Array.from(params.subarray(0, d * k)), [d, k]);
  const b = tf.tensor1d(Float32Array.from(params.subarray(d * k, d * k + k)));
  return tf.add(tf.matMul(design.x, w), b);
}

/** Mean cross-entropy only, for validation tracking. */
export async function softmaxLoss(design: ClassDesign, params: Float64Array): Promise<number> {
  const loss = tf.tidy(() => tf.mean(rowSoftmaxLoss(logits(design, params), design.y)));
  const value = (await loss.data())[0];
  loss.dispose();
  return value;
}

/**
 * scikit-learn's multinomial objective `C·Σ sᵢ·CEᵢ + ½‖W‖²` divided by `C·n` (intercepts unpenalised), with its
 * gradient: Xᵀ·(s∘(P − Y))/n for W and the column means of s∘(P − Y) for b. The penalty is added in float64.
 */
export function softmaxObjective(design: ClassDesign, C: number): (params: Float64Array) => Promise<LogisticEvaluation> {
  const [n, d] = design.x.shape;
  const k = design.classes;
  const lambda = 1 / (C * n);
  return async (params) => {
    const [loss, gradData] = tf.tidy(() => {
      const z = logits(design, params);
      const raw = tf.sub(tf.softmax(z), design.y);
      const residual = design.w ? tf.mul(design.w, raw) : raw;
      const gw = tf.div(tf.matMul(design.x, residual, true, false), tf.scalar(n));
      const gb = tf.mean(residual, 0, true);
      const rows = rowSoftmaxLoss(z, design.y);
      return [tf.mean(design.w ? tf.mul(design.w, rows) : rows), tf.concat([tf.reshape(gw, [1, d * k]), gb], 1)];
    });
    const [lossValue, gradValues] = await Promise.all([loss.data(), gradData.data()]);
    loss.dispose();
    gradData.dispose();
    const gradient = Float64Array.from(gradValues);
    let penalty = 0;
    for (let j = 0; j < d * k; j++) {
      penalty += params[j] * params[j];
      gradient[j] += lambda * params[j];
    }
    const logLoss = lossValue[0];
    return { value: logLoss + (lambda / 2) * penalty, gradient, logLoss };
  };
}
